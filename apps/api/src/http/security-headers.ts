import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import cors from "cors";
import type { RequestHandler } from "express";
import helmet from "helmet";

/** The hashes of index.html's inline scripts, so CSP can allow exactly them and no other. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = match[1] ?? "";
    if (body.trim() === "") continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return hashes;
}

function webAppScriptHashes(webDist: string | undefined): string[] {
  if (webDist === undefined) return [];
  const file = path.join(webDist, "index.html");
  return existsSync(file) ? inlineScriptHashes(readFileSync(file, "utf8")) : [];
}

/**
 * helmet's headers on every answer: a CSP without inline scripts (but index.html's own,
 * by hash), nosniff, Referrer-Policy same-origin, framing by this origin only.
 */
export function securityHeaders(webDist: string | undefined): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...webAppScriptHashes(webDist)],
        // React Flow positions cards with style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Export previews are blob: URLs; data: for small inline images.
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "sameorigin" },
    // The app is served over http on a laptop as often as over https behind a proxy:
    // HSTS is the proxy's business.
    strictTransportSecurity: false,
  });
}

/**
 * CORS only for the origins an operator names (CORS_ORIGINS): without them no
 * Access-Control-Allow-Origin is ever sent, so other sites cannot read answers.
 */
export function corsFor(origins: readonly string[]): RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  return cors({ origin: [...origins], credentials: true, maxAge: 600 });
}
