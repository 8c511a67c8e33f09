import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { AppError } from "../errors";

/** Names a browser uses for this machine: a rebound DNS name can never send them. */
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"];

/**
 * The host names the server answers to (DNS rebinding, access.md's "safe by default"):
 * the loopback names, the public origin's (APP_ORIGIN) and those ALLOWED_HOSTS adds. A page
 * on `evil.example` whose name an attacker points at 127.0.0.1 sends `Host: evil.example`,
 * so it is refused before any route or static file answers it.
 */
export function allowedHostNames(
  appOrigin: string | undefined,
  extra: readonly string[],
): ReadonlySet<string> {
  const names = new Set([...LOOPBACK_NAMES, ...extra.map(normaliseHostname)]);
  if (appOrigin !== undefined) names.add(normaliseHostname(new URL(appOrigin).hostname));
  return names;
}

/** "Example.COM." → "example.com", "[::1]" → "::1". */
function normaliseHostname(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

/** The host name of a Host header value: "[::1]:3000" → "::1", "a.example:80" → "a.example". */
export function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  if (bracketed !== null) return normaliseHostname(bracketed[1] ?? "");
  return normaliseHostname(host.replace(/:\d*$/, ""));
}

/** The request's host name: X-Forwarded-Host from a trusted proxy, else Host; undefined when neither. */
export function requestHostname(
  req: IncomingMessage,
  trustsProxy: (address: string, hop: number) => boolean,
): string | undefined {
  const forwarded = req.headers["x-forwarded-host"];
  const address = req.socket.remoteAddress;
  if (typeof forwarded === "string" && address !== undefined && trustsProxy(address, 0))
    return hostnameOf(forwarded.split(",")[0]?.trim() ?? "");
  return req.headers.host === undefined ? undefined : hostnameOf(req.headers.host);
}

export function unknownHost(name: string): AppError {
  return new AppError(
    "unknown_host",
    `this server does not answer to the host name ${JSON.stringify(name.slice(0, 100))}; its operator can add it to ALLOWED_HOSTS or APP_ORIGIN`,
  );
}

/**
 * Refuses (421) a request for another host name. A request without a Host header (HTTP/1.0
 * tools) passes: browsers always send one, and rebinding needs a browser.
 */
export function allowedHostsOnly(
  allowed: ReadonlySet<string>,
  trustsProxy: (address: string, hop: number) => boolean,
): RequestHandler {
  return (req, _res, next) => {
    const name = requestHostname(req, trustsProxy);
    next(name === undefined || allowed.has(name) ? undefined : unknownHost(name));
  };
}
