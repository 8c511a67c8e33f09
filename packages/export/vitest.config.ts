import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Exports rasterise and write real files, then pdf.js parses them back: a few seconds
    // a test on a busy 2-core machine. A generous limit keeps a slow CI run from flaking.
    testTimeout: 60_000,
  },
});
