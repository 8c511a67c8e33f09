import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each file opens its own database: PGlite takes a few seconds to start, and much
    // longer on a busy 2-core machine. Generous limits keep a slow CI machine from flaking.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
