import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: one build served to Electron (file://, so relative paths) and to browsers.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: false },
  server: { port: 5173 },
});
