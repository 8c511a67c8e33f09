import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { colourEnabled, readAll } from "./io";

describe("colourEnabled", () => {
  it.each<[string, boolean | undefined, Record<string, string>, boolean]>([
    ["a terminal", true, {}, true],
    ["a pipe", false, {}, false],
    ["unknown (no isTTY)", undefined, {}, false],
    ["a dumb terminal", true, { TERM: "dumb" }, false],
    ["NO_COLOR at a terminal", true, { NO_COLOR: "1" }, false],
    ["empty NO_COLOR", true, { NO_COLOR: "" }, true],
    ["FORCE_COLOR into a pipe", false, { FORCE_COLOR: "1" }, true],
    ["empty FORCE_COLOR", false, { FORCE_COLOR: "" }, true],
    ["FORCE_COLOR=0 at a terminal", true, { FORCE_COLOR: "0" }, false],
    ["FORCE_COLOR=false at a terminal", true, { FORCE_COLOR: "false" }, false],
    ["NO_COLOR beats FORCE_COLOR", true, { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["CI into a pipe", false, { CI: "true" }, false],
  ])("%s", (_name, isTTY, env, expected) => {
    expect(colourEnabled({ isTTY, env })).toBe(expected);
  });
});

describe("readAll", () => {
  it("joins chunks, including a multi-byte character split between them", async () => {
    const bytes = Buffer.from('{"name":"Zoë"}');
    const split = bytes.indexOf(0xc3) + 1;
    const stream = Readable.from([bytes.subarray(0, split), bytes.subarray(split)]);
    expect(await readAll(stream)).toBe('{"name":"Zoë"}');
  });
});
