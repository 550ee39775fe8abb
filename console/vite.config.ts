import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the console runs on Vite's port and talks to the API server on :4000;
// `ws: true` also forwards the graphql-ws upgrade on the same /graphql path.
// In production the API server itself serves console/dist, so same-origin URLs work as-is.
const apiTarget = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Two pages: the staff console and the customers' web chat (served at /chat).
    rolldownOptions: {
      input: { console: 'index.html', chat: 'chat.html' },
    },
  },
});
