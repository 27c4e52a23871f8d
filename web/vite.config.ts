import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `vite dev` forwards API, WebSocket and runtime-config calls: the local contact center. */
const backend = process.env.CC_BACKEND_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': backend,
      '/config.json': backend,
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
});
