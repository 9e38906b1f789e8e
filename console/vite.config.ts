import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Bundle the shared TypeScript source directly: no `npm run build -w shared` needed before
    // `vite`, and Rollup can tree-shake it (the login page uses its types only).
    alias: { '@sbo/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The react-admin chunk is big on purpose: it is loaded lazily, after login (see src/main.tsx).
    chunkSizeWarningLimit: 2000,
  },
});
