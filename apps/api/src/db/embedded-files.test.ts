import { chmod, lstat, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { restrictToOwner, syncTree } from "./embedded-files";

const modeOf = async (file: string) => (await lstat(file)).mode & 0o777;

describe("restrictToOwner and syncTree", () => {
  let root = "";
  let dataDir = "";
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "rolemap-files-"));
    dataDir = path.join(root, "data");
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** A folder as PGlite left it before: 0755 directories, 0666 files. */
  async function legacyFolder() {
    await mkdir(path.join(dataDir, "base", "1"), { recursive: true });
    for (const dir of [dataDir, path.join(dataDir, "base"), path.join(dataDir, "base", "1")])
      await chmod(dir, 0o755);
    for (const file of ["PG_VERSION", "base/1/1259"]) {
      await writeFile(path.join(dataDir, file), "x");
      await chmod(path.join(dataDir, file), 0o666);
    }
  }

  it("makes an existing folder's directories 0700 and files 0600, and says how many", async () => {
    await legacyFolder();
    expect(await restrictToOwner(dataDir)).toEqual({ changed: 5, notOurs: [] });
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(path.join(dataDir, "base", "1"))).toBe(0o700);
    expect(await modeOf(path.join(dataDir, "PG_VERSION"))).toBe(0o600);
    expect(await modeOf(path.join(dataDir, "base", "1", "1259"))).toBe(0o600);
    expect(await restrictToOwner(dataDir)).toEqual({ changed: 0, notOurs: [] });
  });

  it("leaves what a symlink points to alone", async () => {
    await legacyFolder();
    const outside = path.join(root, "outside.conf");
    await writeFile(outside, "x");
    await chmod(outside, 0o644);
    await symlink(outside, path.join(dataDir, "linked.conf"));
    await restrictToOwner(dataDir);
    expect(await modeOf(outside)).toBe(0o644);
  });

  it("syncTree opens and fsyncs every directory and file without error or change", async () => {
    await legacyFolder();
    await syncTree(dataDir);
    expect(await modeOf(path.join(dataDir, "PG_VERSION"))).toBe(0o666);
  });
});
