// `pnpm council <command>`: administration from the shell, so a real installation can start
// without the demo. Uses the same configuration (DATA_DIR, DATABASE_URL) and services as the server.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ROLES } from '@council/shared';
import { translator } from '@council/shared/i18n';
import { loadConfig } from '../config.js';
import { migrate, openOrm } from '../db/orm.js';
import { AppError, InvalidInput } from '../errors.js';
import { createCategory, createRegion, createUser } from '../modules/people/people.service.js';
import { Category, Region, User } from '../modules/people/people.entity.js';
import { seedDemo } from '../demo/seed.js';
import { checkConsistency, type Drift } from '../modules/integrity/consistency.js';
import { BACKUP_USAGE, runBackupCommand } from './backup.js';

const USAGE = `Usage: pnpm council <command> [options]

Commands:
  region:create   --code NORD --name "Nordics" --time-zone Europe/Copenhagen
  category:create --name "Returns"
  user:create     --email a@b.c --name "Full Name" --role COORDINATOR [--role FACILITATOR] [--region NORD] [--locale en]
                  The password is asked for, or read from standard input when it is not a terminal.
  regions | categories | users     list what there is
  demo:seed       seed the demo workspace into an empty database
  check           recompute every denormalized value (issue counters and status, merged issues,
                  agenda positions, closed votes' outcomes) from the rows and print each drift;
                  exits 1 when there is any
  check --repair  fix them in one transaction (audited) and print what was fixed
${BACKUP_USAGE}

Roles: ${ROLES.join(', ')}. Environment: DATA_DIR, DATABASE_URL (as for the server).`;

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string', multiple: true },
  region: { type: 'string' },
  locale: { type: 'string' },
  code: { type: 'string' },
  'time-zone': { type: 'string' },
  repair: { type: 'boolean' },
} as const;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, '');
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      rl.question(q, (answer) => resolve(answer));
      muted = true;
    });
  const first = await ask('Password: ');
  muted = false;
  process.stdout.write('\n');
  const second = await ask('Repeat password: ');
  muted = false;
  process.stdout.write('\n');
  rl.close();
  if (first !== second) throw new Error('The passwords do not match.');
  return first;
}

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Prints each drift on its own line and a summary; 1 while any drift remains in the database. */
function report(drifts: readonly Drift[], repaired: boolean): number {
  for (const d of drifts) {
    const note = d.manual ? '  (not derivable from the rows: left for a person to decide)' : '';
    console.log(`${d.entity} ${d.id} ${d.field}: ${shown(d.stored)} → ${shown(d.actual)}${note}`);
  }
  const left = drifts.filter((d) => d.manual || !repaired).length;
  const fixed = drifts.length - left;
  if (!drifts.length) console.log('No drift: every denormalized value agrees with its rows.');
  else if (repaired) console.log(`Repaired ${fixed} of ${drifts.length} drift${drifts.length === 1 ? '' : 's'} in one transaction${left ? `; ${left} left for a person` : ''}.`);
  else console.log(`${drifts.length} drift${drifts.length === 1 ? '' : 's'} found; \`pnpm council check --repair\` fixes those the rows determine.`);
  return left ? 1 : 0;
}

export interface CliIo {
  env: NodeJS.ProcessEnv;
  readPassword: () => Promise<string>;
}

export async function run(argv: string[], io: CliIo = { env: process.env, readPassword }): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  // Before the ORM opens: a backup reads the database as it is, a restore replaces it; neither migrates.
  if (command === 'backup' || command === 'restore') return runBackupCommand(command, rest, { env: io.env });
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values } = parsed;
  const config = loadConfig(io.env);
  const { orm } = await openOrm(config.database);
  try {
    await migrate(orm);
    const em = orm.em.fork();
    switch (command) {
      case 'region:create': {
        const r = await createRegion(em, null, { code: values.code ?? '', name: values.name ?? '', timeZone: values['time-zone'] ?? 'UTC' });
        console.log(`Created region ${r.code} (${r.name}, ${r.timeZone}).`);
        return 0;
      }
      case 'category:create': {
        const c = await createCategory(em, null, { name: values.name ?? '' });
        console.log(`Created category ${c.name}.`);
        return 0;
      }
      case 'user:create': {
        const password = await io.readPassword();
        const u = await createUser(em, null, {
          email: values.email ?? '',
          name: values.name ?? '',
          password,
          roles: (values.role ?? []).map((r) => r.toUpperCase()) as never,
          regionCode: values.region ?? null,
          locale: (values.locale ?? 'en') as never,
        });
        console.log(`Created ${u.roles.join('+')} ${u.name} <${u.email}>${values.region ? ` in ${values.region.toUpperCase()}` : ''}.`);
        return 0;
      }
      case 'regions':
        for (const r of await em.find(Region, {}, { orderBy: { code: 'asc' } })) console.log(`${r.code}\t${r.name}\t${r.timeZone}`);
        return 0;
      case 'categories':
        for (const c of await em.find(Category, {}, { orderBy: { position: 'asc' } })) console.log(c.name);
        return 0;
      case 'users':
        for (const u of await em.find(User, {}, { orderBy: { email: 'asc' }, populate: ['region'] }))
          console.log(`${u.email}\t${u.name}\t${u.roles.join(',')}\t${u.region?.code ?? '-'}`);
        return 0;
      case 'demo:seed':
        // Under the start lock, like a starting server: the emptiness check and the seed are one step.
        if (!(await migrate(orm, seedDemo))) {
          console.error('The database is not empty; the demo is seeded only into an empty one.');
          return 1;
        }
        console.log('Seeded the demo workspace.');
        return 0;
      case 'check':
        return report(await checkConsistency(em, { repair: values.repair ?? false }), values.repair ?? false);
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    if (error instanceof AppError) {
      const t = translator('en');
      const flag: Record<string, string> = { regionCode: 'region', timeZone: 'time-zone', roles: 'role' };
      const details = error instanceof InvalidInput ? Object.entries(error.fields).map(([f, k]) => `  --${flag[f.split('.')[0]] ?? f}: ${t(k)}`) : [];
      console.error([t(error.messageKey), ...details].join('\n'));
      return 1;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await orm.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2));
}
