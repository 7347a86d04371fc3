import { defineConfig } from 'vite';

// The console is served by the api function at /console/: every asset URL starts there, and hashed file names let
// the function answer them with a year-long immutable cache (index.html itself is never cached).
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `npm run dev` next to `./mvnw quarkus:dev`: the API calls go to local mode
    proxy: Object.fromEntries(['/imports', '/sync-errors', '/api-usage', '/settings', '/resync', '/records',
      '/pairings', '/segments', '/resyncs', '/console/config.json'].map((p) => [p, 'http://localhost:8080'])),
  },
});
