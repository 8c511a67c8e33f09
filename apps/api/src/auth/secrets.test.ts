import { describe, expect, it } from "vitest";
import { hashPassword, hashSecret, newSecret, TEST_PASSWORD_COST, verifyPassword } from "./secrets";

describe("newSecret", () => {
  it("makes 256-bit base64url secrets that differ every time", () => {
    const secrets = new Set(Array.from({ length: 100 }, () => newSecret()));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    }
  });

  it("puts a prefix in front when asked", () => {
    expect(newSecret("rm_")).toMatch(/^rm_[A-Za-z0-9_-]{43}$/);
  });
});

describe("hashSecret", () => {
  it("is SHA-256 in hex, the same for the same secret", () => {
    expect(hashSecret("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("hashPassword / verifyPassword", () => {
  it("verifies the password it hashed and nothing else", async () => {
    const stored = await hashPassword("correct horse battery", TEST_PASSWORD_COST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[^$]+\$[^$]+$/);
    expect(stored).not.toContain("correct horse");
    await expect(verifyPassword("correct horse battery", stored)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterY", stored)).resolves.toBe(false);
    await expect(verifyPassword("", stored)).resolves.toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const a = await hashPassword("same password", TEST_PASSWORD_COST);
    const b = await hashPassword("same password", TEST_PASSWORD_COST);
    expect(a).not.toBe(b);
  });

  it("treats a password in another Unicode normal form as the same", async () => {
    const stored = await hashPassword("caf\u00e9 au lait!", TEST_PASSWORD_COST);
    await expect(verifyPassword("cafe\u0301 au lait!", stored)).resolves.toBe(true);
  });

  it("rejects a stored value that is not a scrypt hash", async () => {
    await expect(verifyPassword("anything at all", "plain-text")).resolves.toBe(false);
  });
});
