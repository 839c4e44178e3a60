import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiOrigin = 'http://localhost:3000';

export default defineConfig({
  root: `${repoRoot}src/web`,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // React + Designsystemet alone are ~500 kB minified (~170 kB gzip); warn only well past that.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The API's CSRF check compares Origin with its public origin, so requests from the dev server
    // (another port) are sent on as if they came from the API's own origin.
    proxy: { '/api': { target: apiOrigin, changeOrigin: true, headers: { origin: apiOrigin } } },
  },
});
