import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = new URL('.', import.meta.url).pathname;

/**
 * The admin UI, served by the Jobdeck server at <base path>/admin. Asset URLs are relative (base
 * './'): the server sets index.html's <base href> to where the host mounted Jobdeck. Every page is a lazy route, so the first
 * load is React, the router, antd's core and TanStack Query; heavy parts (rjsf forms, the cron
 * editor, date pickers) load with the pages and dialogs that need them.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        codeSplitting: {
          // Only React gets a group of its own (it changes rarely, so it stays cached across
          // releases). Groups pull their dependencies in, so heavy libraries are left to the
          // lazy imports: rjsf comes with the forms, react-js-cron with the schedule dialog.
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.JOBDECK_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
