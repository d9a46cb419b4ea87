import { defineConfig } from "vite";

// The page is self-contained: the example plan and the wasm module are bundled, nothing
// is fetched from elsewhere.
export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
  server: { fs: { allow: ["../.."] } },
});
