import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompileMessages } from './precompile-messages';
import { precompress } from './precompress';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export default defineConfig({
  root: here,
  plugins: [react(), precompileMessages(), precompress()],
  resolve: {
    // The workspace's `@tiltak/*` paths, read from tsconfig.base.json by Vite itself.
    tsconfigPaths: true,
  },
  build: {
    outDir: resolve(root, 'dist/apps/dashboard'),
    emptyOutDir: true,
    // Production serves no source maps (the API refuses *.map), so none are built.
    sourcemap: false,
    rolldownOptions: {
      // The libraries only declare things. Saying so lets the bundler leave a module that a barrel
      // re-exports, and the packages it imports, out of chunks that use none of it: Apollo, the live
      // connection and the domain's date formatter stay out of a signed-out visitor's first load.
      treeshake: {
        moduleSideEffects: [{ test: /\/libs\/(?:dashboard\/[^/]+|domain)\/src\/.+\.tsx?$/, sideEffects: false }],
      },
      output: {
        // Name each page's chunk after its feature library (libs/dashboard/<name>), so the size
        // report and the network panel say which page costs what.
        chunkFileNames: (chunk) => {
          const feature = /libs\/dashboard\/([^/]+)\/src\/index\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
          // Code the shell and several pages share (React, Apollo, texts) would otherwise be "src".
          const presence = chunk.facadeModuleId?.includes('/socket.io-client/') ? 'presence' : null;
          return `assets/${feature ?? presence ?? (chunk.name === 'src' ? 'shared' : '[name]')}-[hash].js`;
        },
      },
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/graphql': { target: 'http://localhost:3000', ws: true },
      '/health': 'http://localhost:3000',
      '/documents': 'http://localhost:3000',
      '/exchange': 'http://localhost:3000',
      '/open-data': 'http://localhost:3000',
    },
  },
});
