import { describe, expect, it } from "vitest";
import {
  ADVISOR_QUESTIONS,
  type AdvisorAnswers,
  type ArchetypeId,
  recommendArchetype,
} from "./advisor";
import { TEMPLATES } from "./index";

/** Every combination of answers. */
function allAnswers(): AdvisorAnswers[] {
  let combinations: Record<string, string>[] = [{}];
  for (const question of ADVISOR_QUESTIONS)
    combinations = combinations.flatMap((partial) =>
      question.options.map((option) => ({ ...partial, [question.id]: option.value })),
    );
  return combinations as AdvisorAnswers[];
}

describe("recommendArchetype", () => {
  it.each<[ArchetypeId, AdvisorAnswers, RegExp]>([
    [
      "single-technology-leader",
      { revenue: "software", regulation: "low", size: "small", newProduct: "yes" },
      /small or early/,
    ],
    [
      "single-technology-leader",
      { revenue: "operations", regulation: "high", size: "small", newProduct: "no" },
      /one Head of Technology/,
    ],
    [
      "digital-product-launch",
      { revenue: "operations", regulation: "moderate", size: "mid", newProduct: "yes" },
      /operations and services and you are launching a new digital product/,
    ],
    [
      "digital-product-launch",
      { revenue: "mixed", regulation: "high", size: "large", newProduct: "yes" },
      /both products and services/,
    ],
    [
      "product-led",
      { revenue: "software", regulation: "low", size: "mid", newProduct: "no" },
      /software and the company is mid-sized/,
    ],
    [
      "product-led",
      { revenue: "software", regulation: "high", size: "mid", newProduct: "yes" },
      /compliance and internal systems need their own leader/,
    ],
    [
      "classic-split",
      { revenue: "software", regulation: "high", size: "large", newProduct: "no" },
      /heavily regulated/,
    ],
    [
      "classic-split",
      { revenue: "mixed", regulation: "moderate", size: "large", newProduct: "no" },
      /both reporting to the CEO/,
    ],
    [
      "operations-led",
      { revenue: "operations", regulation: "high", size: "large", newProduct: "no" },
      /operations and services and the business is heavily regulated/,
    ],
    [
      "operations-led",
      { revenue: "operations", regulation: "low", size: "mid", newProduct: "no" },
      /lightly regulated/,
    ],
    [
      "cto-under-cio",
      { revenue: "mixed", regulation: "high", size: "mid", newProduct: "no" },
      /reporting to the CIO/,
    ],
  ])("recommends %s for %o", (templateId, answers, why) => {
    const recommendation = recommendArchetype(answers);
    expect(recommendation.templateId).toBe(templateId);
    expect(recommendation.why).toMatch(why);
  });

  it("recommends a built-in template with a reason for every combination of answers", () => {
    const ids = new Set(TEMPLATES.map((template) => template.id));
    for (const answers of allAnswers()) {
      const { templateId, why } = recommendArchetype(answers);
      expect(ids.has(templateId), templateId).toBe(true);
      expect(why).toMatch(/^Because .+\.$/);
    }
  });

  it("can recommend every archetype", () => {
    const recommended = new Set(allAnswers().map((a) => recommendArchetype(a).templateId));
    expect([...recommended].sort()).toEqual(TEMPLATES.map((template) => template.id).sort());
  });

  it("has questions with distinct ids and at least two options each", () => {
    expect(new Set(ADVISOR_QUESTIONS.map((q) => q.id)).size).toBe(ADVISOR_QUESTIONS.length);
    for (const question of ADVISOR_QUESTIONS)
      expect(question.options.length).toBeGreaterThanOrEqual(2);
  });

  it("does not mutate its input", () => {
    const answers: AdvisorAnswers = Object.freeze({
      revenue: "mixed",
      regulation: "low",
      size: "mid",
      newProduct: "no",
    });
    expect(() => recommendArchetype(answers)).not.toThrow();
    expect(answers).toEqual({ revenue: "mixed", regulation: "low", size: "mid", newProduct: "no" });
  });
});
