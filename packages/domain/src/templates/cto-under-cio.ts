import { buildChart } from "./build";
import { CATALOGUE } from "./catalogue";
import type { Template } from "./template";

/**
 * Archetype 3: the CIO is the single technology executive on the leadership team and the
 * CTO is one of the CIO's direct reports. The CIO keeps the information side and the
 * cloud platform both sides run on; the CTO owns the product and innovation side inside
 * the CIO's organisation, so every chain of accountability runs through the CIO.
 */
export const ctoUnderCioTemplate: Template = {
  id: "cto-under-cio",
  name: "CTO under the CIO",
  description:
    "The CIO reports to the CEO and leads all of technology; the CTO reports to the CIO and owns products, architecture and innovation. Suits a company whose technology is mostly internal but which also builds some products or digital services of its own.",
  document: buildChart({
    name: "CTO under the CIO",
    roles: [
      {
        id: "ceo",
        title: "Chief Executive Officer",
        holder: "Catherine Mbeki",
        department: "Executive",
      },
      {
        id: "cio",
        title: "Chief Information Officer",
        holder: "Rahul Deshpande",
        department: "Information Technology",
        reportsTo: "ceo",
        notes: "The only technology executive reporting to the CEO.",
      },
      {
        id: "ciso",
        title: "Chief Information Security Officer",
        holder: "Eva Novotná",
        department: "Information Security",
        reportsTo: "cio",
        dottedTo: ["cto"],
        notes: "Dotted line to the CTO for the security of the products.",
      },
      {
        id: "head-data",
        title: "Head of Data and Analytics",
        holder: "Samuel Osei",
        department: "Information Technology",
        reportsTo: "cio",
        dottedTo: ["cto"],
        notes: "Dotted line to the CTO for data used in products.",
      },
      {
        id: "head-it-ops",
        title: "Head of IT Operations",
        holder: "Maribel Fuentes",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "enterprise-architect",
        title: "Enterprise Architect",
        holder: "Henrik Aalto",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "cto",
        title: "Chief Technology Officer",
        holder: "Yuki Tanaka",
        department: "Technology",
        reportsTo: "cio",
      },
      {
        id: "vp-engineering",
        title: "VP Engineering",
        holder: "Daniel Abramowitz",
        department: "Engineering",
        reportsTo: "cto",
      },
      {
        id: "head-product",
        title: "Head of Product",
        holder: "Leilani Kahale",
        department: "Product",
        reportsTo: "cto",
      },
      {
        id: "head-innovation",
        title: "Head of Innovation Lab",
        holder: "Oskar Nilsson",
        department: "Technology",
        reportsTo: "cto",
      },
    ],
    responsibilities: CATALOGUE,
    // biome-ignore format: one line per responsibility reads as a RACI table
    matrix: {
      "technology-vision": { A: "ceo", R: ["cio"], C: ["cto"] },
      "it-strategy": { A: "cio", R: ["cio", "enterprise-architect"], C: ["cto", "head-it-ops"], I: ["ceo"] },
      "technology-strategy": { A: "cto", R: ["cto", "head-innovation"], C: ["enterprise-architect", "head-product"], I: ["cio"] },
      "business-collaboration": { A: "cio", R: ["cio", "enterprise-architect"], C: ["head-product"], I: ["ceo"] },
      "it-infrastructure": { A: "cio", R: ["head-it-ops"], C: ["ciso", "enterprise-architect"], I: ["cto"] },
      "cloud-platform": { A: "cio", R: ["head-it-ops", "vp-engineering"], C: ["cto", "ciso", "enterprise-architect"] },
      "internal-digitalisation": { A: "cio", R: ["enterprise-architect"], S: ["head-data"], C: ["head-it-ops"], I: ["ceo"] },
      cybersecurity: { A: "cio", R: ["ciso"], S: ["head-it-ops"], C: ["cto"], I: ["ceo"] },
      "product-security": { A: "cto", R: ["ciso", "vp-engineering"], I: ["cio"] },
      "data-governance": { A: "cio", R: ["head-data"], C: ["ciso", "cto"] },
      "data-products": { A: "cto", R: ["head-data", "head-product"], C: ["vp-engineering"] },
      "product-development": { A: "cto", R: ["vp-engineering", "head-product"], C: ["ciso"], I: ["cio"] },
      "research-development": { A: "cto", R: ["head-innovation"], C: ["vp-engineering", "head-product"] },
      "technical-leadership": { A: "cto", R: ["vp-engineering"], C: ["head-innovation"] },
      "product-architecture": { A: "cto", R: ["vp-engineering"], C: ["enterprise-architect", "ciso", "head-innovation"] },
      "it-governance": { A: "cio", R: ["ciso"], C: ["head-data", "enterprise-architect"], I: ["ceo", "cto"] },
      "it-vendors": { A: "cio", R: ["head-it-ops"], C: ["cto"] },
      "technology-partnerships": { A: "cto", R: ["cto", "head-innovation"], C: ["cio", "head-product"] },
    },
  }),
};
