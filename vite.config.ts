import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${repoRoot}src/web`,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
  },
  server: {
    // The API answers CSRF checks by comparing Origin, so the proxy rewrites it to the API's own origin.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
});
