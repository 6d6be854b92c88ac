// Vite config: React, output to dist/ with brotli and gzip copies of the assets (precompress.ts),
// and in dev the GraphQL endpoint and single sign-on proxied to the API server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

type ModuleInfo = { isEntry: boolean; importedIds: readonly string[] } | null;

/** The modules the entry imports, directly or through others (not those it imports on demand). */
function staticGraph(moduleIds: () => IterableIterator<string>, moduleInfo: (id: string) => ModuleInfo): Set<string> {
  const seen = new Set<string>();
  const next = [...moduleIds()].filter((id) => moduleInfo(id)?.isEntry);
  for (let id = next.pop(); id !== undefined; id = next.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    next.push(...(moduleInfo(id)?.importedIds ?? []));
  }
  return seen;
}
/** The entry's static graph, found once per build (the `chunking` plugin forgets it at each start). */
let startModules: Set<string> | undefined;
const chunking = { name: 'council-chunking', buildStart: () => void (startModules = undefined) };
const appSource = fileURLToPath(new URL('./src/', import.meta.url));
const sharedSource = fileURLToPath(new URL('../shared/src/', import.meta.url));

export default defineConfig({
  plugins: [react(), precompress(), chunking],
  resolve: {
    // `useTranslation` from 'react-i18next' is the app's own (app/i18n.ts: the part of i18next the
    // app uses, 1 kB instead of 16 kB gzipped at start); tsconfig.json's `paths` says the same to
    // TypeScript, so its types are that module's.
    alias: [{ find: /^react-i18next$/, replacement: fileURLToPath(new URL('./src/app/i18n.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Few files on the way to the first screen: each is a request that waits for one of the
        // browser's six connections to a host. Left to Rollup, the start came in 25 files (20 small
        // ones shared with the pages' chunks) and a page's code in a dozen more.
        // Chunks under 8 kB (gzip ~3) merged into one loaded in similar conditions: a page may load
        // a little code early, in one request instead of several.
        experimentalMinChunkSize: 8_000,
        // Long-lived vendor chunks: they change far less often than the app. The app's own start
        // (the modules main.tsx imports, directly or not) in one chunk, `app`; what is shared by
        // the app and the server (enums, limits, paths…) in `shared`.
        manualChunks(id, { getModuleIds, getModuleInfo }) {
          if (/[\\/]node_modules[\\/]/.test(id)) {
            if (/[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
            if (/[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/.test(id)) return 'router';
            if (/[\\/](urql|@urql|wonka|gql\.tada|@0no-co)[\\/]/.test(id)) return 'graphql';
            if (/[\\/]zod[\\/]/.test(id)) return 'zod';
          }
          // The forms' schemas with zod, loaded by the pages that validate: in the app chunk (Rollup
          // adds a manual chunk's imports to it) they would bring zod to every first screen.
          if (id.endsWith('/shared/src/schemas.ts')) return 'zod';
          if (id.startsWith(sharedSource) && !id.startsWith(sharedSource + 'i18n')) return 'shared';
          startModules ??= staticGraph(getModuleIds, getModuleInfo);
          return startModules.has(id) && id.startsWith(appSource) && !getModuleInfo(id)?.isEntry ? 'app' : undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', changeOrigin: false },
      // Single sign-on's start and callback (the redirect URI follows the address the browser uses).
      '/auth/oidc': { target: 'http://127.0.0.1:4000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', changeOrigin: false },
      // Single sign-on's start and callback (the redirect URI follows the address the browser uses).
      '/auth/oidc': { target: 'http://127.0.0.1:4000', changeOrigin: false },
    },
  },
});
