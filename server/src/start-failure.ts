// Why the server could not start, in one line that names what to fix: the variable, the file, the
// port, the database. main.ts prints it and exits 1; the stack is for the debug log only, since an
// operator reading a start failure needs the cause, not the call chain that met it.
import { ConfigError, fsReason, type Config } from './config.js';
import { DatabaseUnavailable } from './db/orm.js';
import { RedisUnavailable } from './redis.js';

/** Errors whose message already names the variable and the cause. */
const SELF_EXPLAINED = [ConfigError, DatabaseUnavailable, RedisUnavailable];

/** What SQLite's refusals mean for the file (sqlite3 puts the result code in `code`). */
const SQLITE: Record<string, (file: string) => string> = {
  SQLITE_NOTADB: (file) => `${file} is not a SQLite database; point DATABASE_URL (or DATA_DIR) at Council's database file`,
  SQLITE_CORRUPT: (file) => `the SQLite database ${file} is damaged (malformed or truncated); restore it from a backup`,
  SQLITE_READONLY: (file) => `the SQLite database ${file} is read-only; Council needs to write to it and to its directory`,
  SQLITE_CANTOPEN: (file) => `cannot open the SQLite database ${file}; check that its directory exists and is writable`,
  SQLITE_FULL: (file) => `the disk holding the SQLite database ${file} is full`,
  SQLITE_PERM: (file) => `no permission to use the SQLite database ${file}`,
  SQLITE_IOERR: (file) => `the SQLite database ${file} cannot be read or written (I/O error); check the disk`,
};

/** File-system errors that name a path (EACCES, EROFS, ENOSPC, ENOTDIR, …). */
const FILE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EISDIR', 'ENOENT', 'EEXIST']);

type SystemError = NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string };

/** One line for the operator; `config` is absent when the configuration itself failed. */
export function describeStartFailure(error: unknown, config?: Config): string {
  if (SELF_EXPLAINED.some((kind) => error instanceof kind)) return (error as Error).message;
  const e = error as SystemError;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (config && (e?.syscall === 'listen' || e?.syscall === 'getaddrinfo')) {
    const listening = listenFailure(code, config);
    if (listening) return listening;
  }
  if (config?.database.kind === 'sqlite' && code?.startsWith('SQLITE_')) {
    const file = config.database.file;
    // SQLITE_IOERR_SHORT_READ and the like: the extended code's family decides.
    const explain = SQLITE[code] ?? SQLITE[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')];
    return explain ? explain(file) : `cannot use the SQLite database ${file}: ${oneLine(e.message)}`;
  }
  if (code && FILE_ERRORS.has(code) && e.path) {
    return `cannot use ${e.path}: ${fsReason(e)}; Council needs to write to DATA_DIR${config ? ` (${config.dataDir})` : ''}`;
  }
  return `Council could not start: ${oneLine(error instanceof Error ? error.message : String(error))}`;
}

function listenFailure(code: string | undefined, config: Config): string | null {
  const { host, port } = config;
  switch (code) {
    case 'EADDRINUSE':
      return `PORT: port ${port} is in use on ${host}; stop what listens there or choose another PORT`;
    case 'EACCES':
    case 'EPERM':
      return `PORT: no permission to listen on port ${port}${port < 1024 ? ' (ports below 1024 need privileges; use a higher one behind a proxy)' : ''}`;
    case 'EADDRNOTAVAIL':
      return `HOST: ${host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 (all interfaces) or one of its addresses`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return `HOST: cannot resolve the host name "${host}"; use an IP address such as 127.0.0.1 or 0.0.0.0`;
    default:
      return null;
  }
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
