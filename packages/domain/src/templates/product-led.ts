import { buildChart } from "./build";
import { CATALOGUE } from "./catalogue";
import type { Template } from "./template";

/**
 * Archetype 4: revenue comes from software, so the CTO was the first technology executive
 * and owns nearly all of the catalogue through the product organisation. Internal IT is a
 * small team under the CTO. The CIO seat exists on the chart but is vacant and owns
 * nothing yet, which the validator reports as `role/no-ownership` (info).
 */
export const productLedTemplate: Template = {
  id: "product-led",
  name: "Product-led company",
  description:
    "A software company where the CTO leads technology, owns almost every area and delegates to engineering, platform, security and data leads; internal IT is a small team inside the CTO's organisation and the CIO seat is still open. Suits a SaaS or digital-product business.",
  demonstrates:
    "The Chief Information Officer role is vacant and owns nothing yet, so the chart shows one role/no-ownership info finding on it: a planned seat to which internal IT can move once it is filled. It has no errors or warnings.",
  document: buildChart({
    name: "Product-led company",
    roles: [
      {
        id: "ceo",
        title: "Chief Executive Officer",
        holder: "Ibrahim Al-Sayed",
        department: "Executive",
      },
      {
        id: "cto",
        title: "Chief Technology Officer",
        holder: "Zoe Papadopoulos",
        department: "Technology",
        reportsTo: "ceo",
        notes: "First technology executive; owns most of the catalogue.",
      },
      {
        id: "vp-engineering",
        title: "VP Engineering",
        holder: "Marcus Johansson",
        department: "Engineering",
        reportsTo: "cto",
      },
      {
        id: "principal-engineer",
        title: "Principal Engineer",
        holder: "Ananya Iyer",
        department: "Engineering",
        reportsTo: "vp-engineering",
      },
      {
        id: "head-product",
        title: "Head of Product",
        holder: "Gabriel Santos",
        department: "Product",
        reportsTo: "cto",
      },
      {
        id: "head-platform",
        title: "Head of Platform and SRE",
        holder: "Thandiwe Dlamini",
        department: "Engineering",
        reportsTo: "cto",
      },
      {
        id: "head-security",
        title: "Head of Security",
        holder: "Piotr Zieliński",
        department: "Security",
        reportsTo: "cto",
      },
      {
        id: "head-data",
        title: "Head of Data and Machine Learning",
        holder: "Mei Lin Wong",
        department: "Data",
        reportsTo: "cto",
      },
      {
        id: "it-manager",
        title: "IT Manager",
        holder: "Declan O'Brien",
        department: "Internal IT",
        reportsTo: "cto",
        notes: "Small internal IT team: laptops, workplace tools, office network.",
      },
      {
        id: "cio",
        title: "Chief Information Officer",
        holder: null,
        department: "Information Technology",
        reportsTo: "ceo",
        notes: "Vacant: planned once internal systems outgrow the IT Manager.",
      },
    ],
    responsibilities: CATALOGUE,
    // biome-ignore format: one line per responsibility reads as a RACI table
    matrix: {
      "technology-vision": { A: "ceo", R: ["cto"], C: ["head-product"] },
      "it-strategy": { A: "cto", R: ["it-manager"], C: ["head-security"], I: ["ceo"] },
      "technology-strategy": { A: "cto", R: ["cto"], C: ["vp-engineering", "head-product", "head-data"], I: ["ceo"] },
      "business-collaboration": { A: "cto", R: ["head-product", "it-manager"], I: ["ceo"] },
      "it-infrastructure": { A: "cto", R: ["it-manager"], S: ["head-platform"], C: ["head-security"] },
      "cloud-platform": { A: "head-platform", R: ["head-platform"], C: ["vp-engineering", "head-security"], I: ["cto"] },
      "internal-digitalisation": { A: "cto", R: ["it-manager"], C: ["head-data"], I: ["ceo"] },
      cybersecurity: { A: "head-security", R: ["head-security"], S: ["it-manager"], I: ["cto"] },
      "product-security": { A: "head-security", R: ["head-security"], S: ["vp-engineering"], C: ["principal-engineer"], I: ["cto"] },
      "data-governance": { A: "head-data", R: ["head-data"], C: ["head-security"], I: ["cto"] },
      "data-products": { A: "cto", R: ["head-data"], C: ["head-product"] },
      "product-development": { A: "cto", R: ["vp-engineering", "head-product"], C: ["head-security"], I: ["ceo"] },
      "research-development": { A: "cto", R: ["principal-engineer", "head-data"], C: ["head-product"] },
      "technical-leadership": { A: "vp-engineering", R: ["principal-engineer"], I: ["cto"] },
      "product-architecture": { A: "vp-engineering", R: ["principal-engineer"], C: ["head-platform", "head-security"] },
      "it-governance": { A: "head-security", R: ["head-security"], S: ["it-manager"], I: ["cto"] },
      "it-vendors": { A: "it-manager", R: ["it-manager"], I: ["cto"] },
      "technology-partnerships": { A: "cto", R: ["cto"], C: ["head-product", "vp-engineering"], I: ["ceo"] },
    },
  }),
};
