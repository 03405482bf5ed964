import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The file worker of backups and restores (electron/main/vault/in-worker.ts) is its own entry.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'vault-worker': resolve(__dirname, 'electron/main/vault/worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: less script to parse when the window opens.
      minify: 'esbuild',
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
