#!/usr/bin/env node
// `npm start`: builds the web app when its build is missing or older than its sources,
// then runs the API server (which serves the built app) in this same process, so
// SIGTERM reaches the server's graceful shutdown directly.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const web = path.join(root, "apps/web");

/** Newest modification time below a folder (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

if (existsSync(path.join(web, "package.json"))) {
  const built = path.join(web, "dist/index.html");
  const page = path.join(web, "index.html");
  // The bundle holds the contract and the engine too.
  const sources = Math.max(
    newest(path.join(web, "src")),
    newest(path.join(root, "packages/contract/src")),
    newest(path.join(root, "packages/domain/src")),
    newest(path.join(web, "public")),
    existsSync(page) ? statSync(page).mtimeMs : 0,
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    console.error("rolemap: building the web app…");
    const result = spawnSync("npm", ["run", "build", "-w", "@rolemap/web"], {
      cwd: root,
      stdio: "inherit",
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "apps/api/src/main.ts"));
