import { createHash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Secrets: session cookies, API tokens, share links and invites are random 256-bit values
 * shown once and stored only as their SHA-256 (a leaked table opens nothing). Passwords are
 * stored with scrypt, which is memory-hard.
 */

/** A fresh 256-bit secret as base64url (43 characters). */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** How a secret is looked up: its SHA-256 in hex (fast is fine: the secret has 256 bits). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** scrypt's cost. The default uses 64 MiB and ~0.1–0.2 s of one core per hash. */
export interface PasswordCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1: 128 MiB) halved for small servers. */
export const DEFAULT_PASSWORD_COST: PasswordCost = { N: 2 ** 16, r: 8, p: 1 };
/** For tests: the same algorithm, cheap enough to hash hundreds of times. */
export const TEST_PASSWORD_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: 256 * cost.N * cost.r * cost.p,
  };
  return new Promise((resolve, reject) => {
    // Runs on libuv's thread pool: the event loop keeps serving while a password is hashed.
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`: the cost travels with the hash, so it can be raised later. */
export async function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), key.toString("base64")].join(
    "$",
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no password matches, verified against unknown emails so they take as long. */
export const hashForUnknownAccounts = (cost: PasswordCost) => hashPassword(newSecret(), cost);
