// Vite config: React, output to dist/ with brotli and gzip copies of the assets (precompress.ts),
// and in dev the GraphQL endpoint and single sign-on proxied to the API server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

export default defineConfig({
  plugins: [react(), precompress()],
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
          if (/[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/.test(id)) return 'i18n';
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
