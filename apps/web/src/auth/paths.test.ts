import { afterEach, describe, expect, it } from "vitest";
import { hasAccess } from "./access";
import { clearGuestMark, markGuest } from "./guest-marker";
import { isOpenPath, safeNext, signedOutPath, signInPath } from "./paths";

describe("safeNext", () => {
  it.each([
    [null, "/"],
    ["/charts/abc", "/charts/abc"],
    ["/charts/abc?x=1#y", "/charts/abc?x=1#y"],
    ["/admin", "/admin"],
    ["https://evil.example/", "/"],
    ["//evil.example/path", "/"],
    ["/\\evil.example", "/"],
    ["charts/abc", "/"],
    ["/sign-in", "/"],
    ["/s/some-token", "/"],
  ])("%s → %s", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe("signInPath", () => {
  it("comes back to the page it was given, and not to the home page by a parameter", () => {
    expect(signInPath("/charts/a b")).toBe("/sign-in?next=%2Fcharts%2Fa%20b");
    expect(signInPath("/")).toBe("/sign-in");
  });
});

describe("isOpenPath", () => {
  it.each([
    ["/sign-in", true],
    ["/setup", true],
    ["/invite/abc", true],
    ["/s/abc", true],
    ["/access-ended", true],
    ["/", false],
    ["/charts/abc", false],
    ["/admin", false],
  ])("%s → %s", (path, open) => {
    expect(isOpenPath(path)).toBe(open);
  });
});

describe("signedOutPath", () => {
  afterEach(clearGuestMark);

  it("sends a signed-out person to sign in, coming back afterwards", () => {
    expect(signedOutPath({ pathname: "/charts/abc", search: "?q=1" })).toBe(
      "/sign-in?next=%2Fcharts%2Fabc%3Fq%3D1",
    );
  });

  it("tells a guest whose link stopped working that their access has ended", () => {
    markGuest("abc");
    expect(signedOutPath({ pathname: "/charts/abc", search: "" })).toBe("/access-ended");
  });
});

describe("hasAccess", () => {
  it.each([
    ["view", "view", true],
    ["view", "comment", false],
    ["comment", "view", true],
    ["comment", "edit", false],
    ["edit", "comment", true],
    ["edit", "owner", false],
    ["owner", "edit", true],
  ] as const)("%s includes %s: %s", (level, needed, expected) => {
    expect(hasAccess(level, needed)).toBe(expected);
  });
});
