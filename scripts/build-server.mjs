// The server compiled ahead of time for `pnpm start`: server/src/main.ts, @council/shared and the
// migrations bundled by esbuild into server/dist/main.js, so a start runs JavaScript instead of
// compiling TypeScript first. Packages the server can load from its own node_modules stay external
// (drivers, MikroORM, fastify…: loaded as installed); a package only a bundled workspace package
// declares (i18next, through @council/shared) is bundled, since server/dist could not load it.
// A stamp next to the bundle records every input's size and mtime and what built it; an unchanged
// source tree is not rebuilt. Several starts at once may build together: each writes its own
// temporary files and renames them into place, so a start never loads a half-written bundle.
// `node scripts/build-server.mjs` builds when stale; `--force` always.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'server/dist');
export const serverBundle = join(outDir, 'main.js');

/**
 * Node's options for the server (`pnpm start`, and the bench, which measures what it runs). A heap
 * ceiling of 1 GB: by default Node sizes it from the machine's memory (4 GB here), and V8 then lets
 * the garbage of many requests in flight pile up before collecting it; under 50 connections on the
 * feed the server's memory peaked at 330–400 MB with the default and at 210 MB with this ceiling, at
 * the same throughput (the live data is under 100 MB at 100,000 issues). An operator's own
 * --max-old-space-size in NODE_OPTIONS is kept (options on the command line would override it).
 */
export function serverNodeOptions(env = process.env) {
  return /--max-old-space-size\b/.test(env.NODE_OPTIONS ?? '') ? [] : ['--max-old-space-size=1024'];
}
const stampFile = join(outDir, 'stamp.json');
const entry = join(root, 'server/src/main.ts');

/**
 * esbuild: a direct dependency when declared, otherwise the one tsx (a dependency of the root and
 * the server) runs on, so a fresh clone can build either way.
 */
function loadEsbuild() {
  const require = createRequire(import.meta.url);
  try {
    return require('esbuild');
  } catch {
    return createRequire(require.resolve('tsx/package.json'))('esbuild');
  }
}

/** What else decides the output besides the inputs: this script and the compiler's version. */
function recipe(esbuild) {
  return createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(esbuild.version).digest('hex');
}

const fingerprint = (file) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

/** Whether the bundle is missing or any input (or the recipe) changed since it was built. */
function stale(esbuild) {
  if (!existsSync(serverBundle) || !existsSync(stampFile)) return true;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return true;
  }
  if (stamp.recipe !== recipe(esbuild)) return true;
  return Object.entries(stamp.inputs).some(([file, print]) => {
    const path = join(root, file);
    return !existsSync(path) || fingerprint(path) !== print;
  });
}

/** Whether `pkg` can be loaded from server/dist (Node looks in the node_modules above it). */
function loadableFromDist(pkg) {
  const name = pkg.startsWith('@') ? pkg.split('/').slice(0, 2).join('/') : pkg.split('/')[0];
  if (name.startsWith('node:')) return true;
  for (let dir = outDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Packages stay external where server/dist can load them; workspace packages are bundled. */
const externals = {
  name: 'externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@council/')) return undefined;
      if (args.path.startsWith('node:') || loadableFromDist(args.path)) return { path: args.path, external: true };
      return undefined;
    });
  },
};

/**
 * `import.meta.url` in a bundled module means that module's source file (main.ts finds web/dist, orm.ts
 * the migrations folder relative to themselves): rewritten to the source's URL, relative to the
 * bundle so the checkout may move.
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`) && !args.path.includes(`${sep}@council${sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = relative(outDir, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/** esbuild's bundle of `source` (a server entry) as `outfile` in server/dist, not yet written. */
function bundle(esbuild, source, outfile) {
  return esbuild.build({
    entryPoints: [source],
    // Code loaded only when needed (the migrations, with MikroORM's migrator) in chunks of its own.
    outdir: dirname(outfile),
    entryNames: basename(outfile, '.js'),
    chunkNames: 'chunk-[name]-[hash]',
    splitting: true,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // MikroORM names entities after their classes: bundling must not rename them.
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [externals, sourceUrls],
    // Bundled CommonJS dependencies (if any) may call require().
    banner: { js: "import { createRequire as __councilRequire } from 'node:module'; const require = __councilRequire(import.meta.url);" },
  });
}

/**
 * The bench's server (server/bench/serve.ts) compiled as the server is, so that the bench measures
 * what production runs (not TypeScript compiled at start); returns the bundle's path.
 */
export async function buildBenchServer() {
  const outfile = join(outDir, 'bench-serve.js');
  const result = await bundle(loadEsbuild(), join(root, 'server/bench/serve.ts'), outfile);
  mkdirSync(outDir, { recursive: true });
  for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
  return outfile;
}

/** Builds server/dist/main.js when it is missing or stale (always with `force`); says whether it built. */
export async function buildServer({ force = false } = {}) {
  const esbuild = loadEsbuild();
  if (!force && !stale(esbuild)) return false;
  const result = await bundle(esbuild, entry, serverBundle);
  mkdirSync(outDir, { recursive: true });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = join(root, input);
    if (existsSync(path)) inputs[relative(root, path)] = fingerprint(path);
  }
  // Each builder writes its own files and renames them into place: a concurrent start reads either
  // the old bundle or the new one, never a part of one.
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  for (const file of result.outputFiles) {
    writeFileSync(file.path + tmp, file.contents);
    renameSync(file.path + tmp, file.path);
  }
  writeFileSync(stampFile + tmp, JSON.stringify({ recipe: recipe(esbuild), inputs }, null, 1));
  renameSync(stampFile + tmp, stampFile);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const built = await buildServer({ force: process.argv.includes('--force') });
  console.log(built ? `Built server/dist/main.js in ${Math.round(performance.now() - started)} ms.` : 'server/dist/main.js is up to date.');
}
