import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** Where `vite dev` forwards API, WebSocket and runtime-config calls: the local contact center. */
const backend = process.env.CC_BACKEND_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // Two pages: the console, and the local phone page (dist/phone/, served by the local server only, never deployed).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, rollupOptions: { input: { console: fileURLToPath(new URL('index.html', import.meta.url)), phone: fileURLToPath(new URL('phone/index.html', import.meta.url)) } } },
  server: {
    proxy: {
      '/api': backend,
      '/config.json': backend,
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
      '/local/rtc': { target: backend.replace(/^http/, 'ws'), ws: true },
      '/local': backend,
    },
  },
});
