import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app (portal, mobile H5, kiosk; later workbench and admin) is one Vite project rooted at src/web.
 * The server serves dist/web with an SPA fallback; `npm start` rebuilds it when sources change.
 * In development run the API (`npm run dev`, port 3000) and `npx vite` (port 5173): /api is proxied.
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Lazy page groups keep antd (PC/kiosk) and antd-mobile (H5) in separate chunks; this only silences the
    // warning for the antd chunk, which is shared by every PC page and cached after the first visit.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    // Only the server's paths: a bare '/api' prefix would also capture the web's own source files under src/web/api/.
    proxy: Object.fromEntries(['/api/v1', '/api/docs', '/api/openapi.json', '/api/health', '/oidc'].map((p) => [p, { target: process.env.TONGBAN_API ?? 'http://localhost:3000', changeOrigin: false }])),
  },
});
