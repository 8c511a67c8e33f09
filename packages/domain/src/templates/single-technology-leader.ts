import { buildChart } from "./build";
import { CATALOGUE } from "./catalogue";
import type { Template } from "./template";

/**
 * Archetype 2: a small or early company with one technology leader over a handful of
 * specialists. The Head of Technology is accountable for both sides of the catalogue,
 * which the validator reports as `role/overloaded`: the point at which companies usually
 * split the job into a CIO and a CTO.
 */
export const singleTechnologyLeaderTemplate: Template = {
  id: "single-technology-leader",
  name: "Single technology leader",
  description:
    "One Head of Technology reports to the CEO and carries both the internal IT side and the product side, with a small team of specialists. Suits a start-up or small company that is not yet large enough to need both a CIO and a CTO.",
  demonstrates:
    "The Head of Technology is accountable for 17 of the 18 responsibilities, so the chart shows a role/overloaded warning on that one role: the signal that the company has outgrown a single technology leader and should separate the CIO and CTO sides. It has no errors.",
  document: buildChart({
    name: "Single technology leader",
    roles: [
      {
        id: "ceo",
        title: "Chief Executive Officer",
        holder: "Nadia Haddad",
        department: "Executive",
      },
      {
        id: "head-technology",
        title: "Head of Technology",
        holder: "Jonas Weber",
        department: "Technology",
        reportsTo: "ceo",
        notes: "Holds both the CIO and the CTO side until the company grows.",
      },
      {
        id: "lead-engineer",
        title: "Lead Engineer",
        holder: "Aiyana Redcloud",
        department: "Technology",
        reportsTo: "head-technology",
      },
      {
        id: "product-manager",
        title: "Product Manager",
        holder: "Chen Jiahui",
        department: "Technology",
        reportsTo: "head-technology",
      },
      {
        id: "it-security-engineer",
        title: "IT and Security Engineer",
        holder: "Rafael Moreira",
        department: "Technology",
        reportsTo: "head-technology",
      },
      {
        id: "data-engineer",
        title: "Data Engineer",
        holder: "Ingrid Solberg",
        department: "Technology",
        reportsTo: "head-technology",
      },
    ],
    responsibilities: CATALOGUE,
    // biome-ignore format: one line per responsibility reads as a RACI table
    matrix: {
      "technology-vision": { A: "ceo", R: ["head-technology"], C: ["product-manager"] },
      "it-strategy": { A: "head-technology", R: ["head-technology"], C: ["it-security-engineer"], I: ["ceo"] },
      "technology-strategy": { A: "head-technology", R: ["head-technology"], C: ["lead-engineer", "product-manager"], I: ["ceo"] },
      "business-collaboration": { A: "head-technology", R: ["head-technology", "product-manager"], I: ["ceo"] },
      "it-infrastructure": { A: "head-technology", R: ["it-security-engineer"] },
      "cloud-platform": { A: "head-technology", R: ["lead-engineer"], S: ["it-security-engineer"] },
      "internal-digitalisation": { A: "head-technology", R: ["it-security-engineer"], C: ["data-engineer"], I: ["ceo"] },
      cybersecurity: { A: "head-technology", R: ["it-security-engineer"], I: ["ceo"] },
      "product-security": { A: "head-technology", R: ["lead-engineer"], S: ["it-security-engineer"] },
      "data-governance": { A: "head-technology", R: ["data-engineer"], C: ["it-security-engineer"] },
      "data-products": { A: "head-technology", R: ["data-engineer", "product-manager"], C: ["lead-engineer"] },
      "product-development": { A: "head-technology", R: ["lead-engineer", "product-manager"], I: ["ceo"] },
      "research-development": { A: "head-technology", R: ["lead-engineer"], C: ["data-engineer", "product-manager"] },
      "technical-leadership": { A: "head-technology", R: ["head-technology", "lead-engineer"] },
      "product-architecture": { A: "head-technology", R: ["lead-engineer"], C: ["it-security-engineer", "data-engineer"] },
      "it-governance": { A: "head-technology", R: ["it-security-engineer"], I: ["ceo"] },
      "it-vendors": { A: "head-technology", R: ["it-security-engineer"], C: ["ceo"] },
      "technology-partnerships": { A: "head-technology", R: ["head-technology"], C: ["ceo", "product-manager"] },
    },
  }),
};
