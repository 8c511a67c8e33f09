import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The API (`npm start` at the root) listens on 3000; `npm run dev` proxies /api there. */
const API_TARGET = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: API_TARGET, changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: API_TARGET } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
});
