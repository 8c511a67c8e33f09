// Whether apps/web/dist is older than anything the bundle is built from, shared by
// `npm start` (scripts/start.mjs) and the end-to-end tests' server (apps/web/e2e).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const webDir = path.join(root, "apps/web");
const builtIndex = path.join(webDir, "dist/index.html");

/** Newest modification time under `target` (a file or a folder); 0 when it does not exist. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === "dist") continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

/**
 * The web app's own sources and every workspace package's: the bundle may take code from
 * any of them (contract, engine, renderer, interchange, export's naming), so a change to
 * one a new dependency brings in is never missed.
 */
function sources() {
  const packages = path.join(root, "packages");
  return [
    path.join(webDir, "src"),
    path.join(webDir, "public"),
    path.join(webDir, "index.html"),
    path.join(webDir, "vite.config.ts"),
    ...(existsSync(packages)
      ? readdirSync(packages).map((name) => path.join(packages, name, "src"))
      : []),
  ];
}

export function isWebBuildStale() {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources().some((source) => newest(source) > built);
}
