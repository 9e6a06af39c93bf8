// Web app build: root web/, output web/dist, served by the OneStop server from '/'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = { target: 'http://localhost:3000', changeOrigin: false };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The admin area is a lazy chunk; the portal's first load carries React, antd's portal parts and the router.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': api, '/healthz': api },
  },
  preview: {
    proxy: { '/api': api, '/healthz': api },
  },
});
