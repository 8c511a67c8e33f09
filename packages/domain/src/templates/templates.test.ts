import { parseChart } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { EDITOR_LAYOUT_OPTIONS } from "../layout";
import { validateChart } from "../validate";
import { getTemplate, listTemplates, TEMPLATES, type Template } from "./index";

/** The findings each template is meant to have, in the engine's order. */
const EXPECTED_FINDINGS: Record<string, { rule: string; roles: string[] }[]> = {
  "classic-split": [],
  "single-technology-leader": [{ rule: "role/overloaded", roles: ["head-technology"] }],
  "cto-under-cio": [],
  "product-led": [{ rule: "role/no-ownership", roles: ["cio"] }],
  "operations-led": [{ rule: "role/no-ownership", roles: ["cto"] }],
  "digital-product-launch": [],
};

const byId = (template: Template) => [template.id, template] as const;

describe("built-in templates", () => {
  it("lists the six archetypes in the brief's order", () => {
    expect(TEMPLATES.map((template) => template.id)).toEqual([
      "classic-split",
      "single-technology-leader",
      "cto-under-cio",
      "product-led",
      "operations-led",
      "digital-product-launch",
    ]);
  });

  it("has unique ids", () => {
    const ids = TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(TEMPLATES.map(byId))("%s is a valid rolemap.chart/v1 document", (_id, template) => {
    const parsed = parseChart(template.document);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(parsed.ok).toBe(true);
    expect(template.document.format).toBe("rolemap.chart/v1");
  });

  it.each(TEMPLATES.map(byId))("%s has exactly its expected findings", (id, template) => {
    const findings = validateChart(template.document);
    const expected = EXPECTED_FINDINGS[id] ?? [];
    expect(findings.map((finding) => finding.rule)).toEqual(expected.map(({ rule }) => rule));
    expect(findings.map(({ rule, roles }) => ({ rule, roles }))).toEqual(expected);
  });

  it.each(TEMPLATES.map(byId))(
    "%s has no errors and explains any finding it demonstrates",
    (_id, template) => {
      const findings = validateChart(template.document);
      expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
      if (findings.length === 0) expect(template.demonstrates).toBeUndefined();
      for (const finding of findings) expect(template.demonstrates).toContain(finding.rule);
    },
  );

  it.each(TEMPLATES.map(byId))("%s is a complete, readable chart", (_id, template) => {
    const { roles, responsibilities, reportingLines } = template.document;
    expect(template.name.length).toBeGreaterThan(0);
    expect(template.description.length).toBeGreaterThan(0);
    expect(template.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(responsibilities.length).toBeGreaterThanOrEqual(14);
    expect(responsibilities.length).toBeLessThanOrEqual(20);
    for (const responsibility of responsibilities) {
      expect(responsibility.category, responsibility.id).toBeTruthy();
      expect(responsibility.description, responsibility.id).toBeTruthy();
    }
    for (const role of roles) {
      expect(role.department, role.id).toBeTruthy();
      expect(role.position, role.id).toBeDefined();
    }
    // No two cards of the editor overlap.
    const { nodeWidth, nodeHeight } = EDITOR_LAYOUT_OPTIONS;
    for (const [i, a] of roles.entries())
      for (const b of roles.slice(i + 1)) {
        const apart =
          Math.abs((a.position?.x ?? 0) - (b.position?.x ?? 0)) >= nodeWidth ||
          Math.abs((a.position?.y ?? 0) - (b.position?.y ?? 0)) >= nodeHeight;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    // Managers sit above their direct reports.
    const y = new Map(roles.map((role) => [role.id, role.position?.y ?? 0]));
    for (const line of reportingLines.filter((line) => line.kind === "solid"))
      expect(y.get(line.manager) ?? 0).toBeLessThan(y.get(line.report) ?? 0);
  });
});

describe("listTemplates", () => {
  it("summarises every template without its document", () => {
    const summaries = listTemplates();
    expect(summaries.map((summary) => summary.id)).toEqual(TEMPLATES.map((t) => t.id));
    for (const summary of summaries) {
      expect(summary).not.toHaveProperty("document");
      expect(Object.keys(summary).sort()).toEqual(
        summary.demonstrates === undefined
          ? ["description", "id", "name"]
          : ["demonstrates", "description", "id", "name"],
      );
    }
  });
});

describe("getTemplate", () => {
  it("returns the template with that id", () => {
    expect(getTemplate("cto-under-cio")?.name).toBe("CTO under the CIO");
    expect(getTemplate("cto-under-cio")).toEqual(
      TEMPLATES.find((template) => template.id === "cto-under-cio"),
    );
  });

  it("returns undefined for an unknown id", () => {
    expect(getTemplate("no-such-template")).toBeUndefined();
  });

  it.each(TEMPLATES.map(byId))("%s comes back as a copy the caller may change", (id) => {
    const first = getTemplate(id);
    if (first === undefined) throw new Error(`missing template ${id}`);
    const role = first.document.roles[0];
    if (role === undefined) throw new Error(`template ${id} has no roles`);
    role.title = "Changed";
    if (role.position !== undefined) role.position.x = 12345;
    first.document.assignments.length = 0;
    first.name = "Changed";

    const second = getTemplate(id);
    expect(second?.name).not.toBe("Changed");
    expect(second?.document.roles[0]?.title).not.toBe("Changed");
    expect(second?.document.roles[0]?.position?.x).not.toBe(12345);
    expect(second?.document.assignments.length).toBeGreaterThan(0);
    expect(second).toEqual(TEMPLATES.find((template) => template.id === id));
  });

  it("keeps the shared originals frozen", () => {
    const original = TEMPLATES[0]?.document;
    expect(Object.isFrozen(original)).toBe(true);
    expect(Object.isFrozen(original?.roles[0]?.position)).toBe(true);
  });
});
