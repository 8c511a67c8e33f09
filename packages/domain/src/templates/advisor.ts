/**
 * "Which roles do we need?": four questions from the domain brief and the archetype
 * (built-in template) they point to, with a short explanation built from the answers.
 * Pure data and one pure function; the web app renders the questions from `ADVISOR_QUESTIONS`.
 */

export const ADVISOR_QUESTIONS = [
  {
    id: "revenue",
    question: "Where does most of your revenue come from?",
    hint: "Operations or services: logistics, healthcare, manufacturing, retail…",
    options: [
      { value: "software", label: "Software we sell" },
      { value: "mixed", label: "A mix" },
      { value: "operations", label: "Operations or services" },
    ],
  },
  {
    id: "regulation",
    question: "How regulated or operations-heavy is the business?",
    hint: "Strict regulation, large infrastructure, sensitive data.",
    options: [
      { value: "high", label: "Heavily" },
      { value: "moderate", label: "Somewhat" },
      { value: "low", label: "Lightly" },
    ],
  },
  {
    id: "size",
    question: "How large is the company?",
    hint: "People employed, roughly.",
    options: [
      { value: "small", label: "Up to 100" },
      { value: "mid", label: "100 – 1,000" },
      { value: "large", label: "Over 1,000" },
    ],
  },
  {
    id: "newProduct",
    question: "Are you launching a new digital product?",
    hint: "An app, a customer portal or an online service.",
    options: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ],
  },
] as const;

type Question = (typeof ADVISOR_QUESTIONS)[number];

/** One answer per question, keyed by question id: `{ revenue: "software", … }`. */
export type AdvisorAnswers = {
  [Q in Question as Q["id"]]: Q["options"][number]["value"];
};

/** The ids of the built-in templates the advisor can recommend. */
export type ArchetypeId =
  | "classic-split"
  | "single-technology-leader"
  | "cto-under-cio"
  | "product-led"
  | "operations-led"
  | "digital-product-launch";

export interface Recommendation {
  templateId: ArchetypeId;
  /** Two or three sentences for people, built from the answers. */
  why: string;
}

const REVENUE = {
  software: "your revenue comes from software",
  mixed: "you earn from both products and services",
  operations: "your revenue comes from operations and services",
} as const;

const REGULATION = {
  high: "the business is heavily regulated or operations-heavy",
  moderate: "the business is somewhat regulated",
  low: "the business is lightly regulated",
} as const;

const SIZE = {
  small: "the company is small or early",
  mid: "the company is mid-sized",
  large: "the company is large",
} as const;

/**
 * Recommends an archetype. The rules, first match wins:
 * 1. small company → single technology leader (one person holds both sides for now);
 * 2. a new digital product outside a software company → digital product launch;
 * 3. software revenue → product-led, unless large and heavily regulated → classic split;
 * 4. operations revenue → operations-led;
 * 5. mixed revenue and heavily regulated → CTO under the CIO, otherwise the classic split.
 */
export function recommendArchetype(answers: AdvisorAnswers): Recommendation {
  const { revenue, regulation, size, newProduct } = answers;
  const because = (...facts: string[]) => `Because ${facts.join(" ")}`;

  if (size === "small")
    return {
      templateId: "single-technology-leader",
      why: `${because(SIZE.small)}, one Head of Technology can carry both the internal IT side and the product side. Split the job into a CIO and a CTO once the matrix shows that role overloaded.`,
    };
  if (newProduct === "yes" && revenue !== "software")
    return {
      templateId: "digital-product-launch",
      why: `${because(REVENUE[revenue], "and you are launching a new digital product")}, the CTO should be accountable for building it and the CIO for running, supporting and integrating it after launch, each consulting the other.`,
    };
  if (revenue === "software") {
    if (regulation === "high" && size === "large")
      return {
        templateId: "classic-split",
        why: `${because(REVENUE.software, `but ${SIZE.large}`, `and ${REGULATION.high}`)}, you need both a CTO for the products and a CIO for internal systems, security and compliance, side by side under the CEO.`,
      };
    return {
      templateId: "product-led",
      why: `${because(REVENUE.software, `and ${SIZE[size]}`)}, the CTO leads technology and owns most areas; internal IT stays small, and the CIO seat can wait until ${regulation === "low" ? "internal systems grow" : "compliance and internal systems need their own leader"}.`,
    };
  }
  if (revenue === "operations")
    return {
      templateId: "operations-led",
      why: `${because(REVENUE.operations, `and ${REGULATION[regulation]}`)}, reliable internal systems, data and compliance matter most: the CIO leads technology, and a CTO seat stays open until you build products of your own.`,
    };
  if (regulation === "high")
    return {
      templateId: "cto-under-cio",
      why: `${because(REVENUE.mixed, `but ${REGULATION.high}`)}, most technology is internal: the CIO leads it and the CTO, reporting to the CIO, owns the products and digital services you build.`,
    };
  return {
    templateId: "classic-split",
    why: `${because(REVENUE.mixed, `and ${SIZE[size]}`)}, a CIO for internal systems and a CTO for products, both reporting to the CEO, keep each side of the work clearly owned.`,
  };
}
