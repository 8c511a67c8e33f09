#!/usr/bin/env node
// `npm start`: builds the web app when its build is missing or older than its sources,
// then runs the API server (which serves the built app) in this same process, so
// SIGTERM reaches the server's graceful shutdown directly.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isWebBuildStale, webDir } from "./web-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

if (existsSync(path.join(webDir, "package.json")) && isWebBuildStale()) {
  console.error("rolemap: building the web app…");
  const result = spawnSync("npm", ["run", "build", "-w", "@rolemap/web"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "apps/api/src/main.ts"));
