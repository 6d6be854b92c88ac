// Vite config: React, output to dist/ with brotli and gzip copies of the assets (precompress.ts),
// and in dev the GraphQL endpoint and single sign-on proxied to the API server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

export default defineConfig({
  plugins: [react(), precompress()],
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
        // Long-lived vendor chunks: they change far less often than the app.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          if (/[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/.test(id)) return 'router';
          if (/[\\/](urql|@urql|wonka|gql\.tada|@0no-co)[\\/]/.test(id)) return 'graphql';
          if (/[\\/]zod[\\/]/.test(id)) return 'zod';
          return undefined;
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
