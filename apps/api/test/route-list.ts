import type { Express } from "express";

interface Layer {
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/**
 * Every route the app answers, as "METHOD /path", found by walking Express's router
 * stack: a test that keeps a table of routes can tell when a new one is missing from it.
 */
export function listRoutes(app: Express): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const path = typeof layer.rawPath === "string" ? layer.rawPath : "";
      if (layer.route !== undefined) {
        for (const [method, on] of Object.entries(layer.route.methods))
          if (on && method !== "_all")
            routes.push(`${method.toUpperCase()} ${join(prefix, layer.route.path)}`);
      } else if (layer.handle.stack !== undefined) {
        walk(layer.handle.stack, join(prefix, path));
      }
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack, "");
  return [...new Set(routes)].sort();
}

const join = (prefix: string, path: string) =>
  path === "/" || path === "" ? prefix || "/" : `${prefix}${path}`.replace(/\/\/+/g, "/");
