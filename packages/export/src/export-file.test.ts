import { describe, expect, it } from "vitest";
import { exportFilename, slugify } from "./export-file";

describe("slugify", () => {
  it("turns a chart name into lower-case words joined by hyphens", () => {
    expect(slugify("Classic CIO / CTO split")).toBe("classic-cio-cto-split");
    expect(slugify("  --Data & AI (2025)--  ")).toBe("data-ai-2025");
  });

  it("drops accents and characters outside ASCII", () => {
    expect(slugify("Équipe numérique Zürich")).toBe("equipe-numerique-zurich");
    expect(slugify("IT 組織 plan")).toBe("it-plan");
  });

  it("keeps path and header syntax out", () => {
    expect(slugify('../../etc/passwd"; x=y')).toBe("etc-passwd-x-y");
    expect(slugify("Org\r\nSet-Cookie: a=b\u0000")).toBe("org-set-cookie-a-b");
    expect(slugify('=HYPERLINK("http://evil","x")')).toBe("hyperlink-http-evil-x");
    expect(slugify("<script>alert(1)</script>")).toBe("script-alert-1-script");
  });

  it("falls back to 'chart' when nothing is left", () => {
    expect(slugify("組織図")).toBe("chart");
    expect(slugify("!!!")).toBe("chart");
  });

  it("cuts long names at 80 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(79)} b${"c".repeat(50)}`);
    expect(slug).toBe("a".repeat(79));
    expect(slugify("x".repeat(300))).toHaveLength(80);
  });
});

describe("exportFilename", () => {
  it("adds the format as the extension", () => {
    expect(exportFilename("Classic CIO / CTO split", "pdf")).toBe("classic-cio-cto-split.pdf");
    expect(exportFilename("Org", "xlsx")).toBe("org.xlsx");
  });
});
