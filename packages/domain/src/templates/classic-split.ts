import { buildChart } from "./build";
import { CATALOGUE } from "./catalogue";
import type { Template } from "./template";

/**
 * Archetype 1: the CIO and the CTO are peers under the CEO. The CIO owns the inward-facing
 * side (internal IT, data governance, security of internal systems, compliance, IT
 * suppliers); the CTO owns the outward-facing side (technology strategy, products,
 * architecture, R&D, partnerships). Every shared area has one accountable leader and the
 * other consulted. The CISO and the Chief Data Officer sit in the CIO's organisation with
 * dotted lines to the CTO for the product half of their work.
 */
export const classicSplitTemplate: Template = {
  id: "classic-split",
  name: "Classic CIO / CTO split",
  description:
    "The CIO and the CTO both report to the CEO: the CIO runs the company's own systems, data and security, the CTO builds the products customers buy. Suits a mid-sized or large company that sells technology and also depends on substantial internal IT.",
  document: buildChart({
    name: "Classic CIO / CTO split",
    roles: [
      {
        id: "ceo",
        title: "Chief Executive Officer",
        holder: "Margit Halvorsen",
        department: "Executive",
      },
      // Information side
      {
        id: "cio",
        title: "Chief Information Officer",
        holder: "Tomás Echeverría",
        department: "Information Technology",
        reportsTo: "ceo",
      },
      {
        id: "ciso",
        title: "Chief Information Security Officer",
        holder: "Adaeze Okafor",
        department: "Information Security",
        reportsTo: "cio",
        dottedTo: ["cto"],
        notes: "Dotted line to the CTO for the security of the products.",
      },
      {
        id: "cdo",
        title: "Chief Data Officer",
        holder: "Priya Raghunathan",
        department: "Data Office",
        reportsTo: "cio",
        dottedTo: ["cto"],
        notes: "Dotted line to the CTO for data used in products.",
      },
      {
        id: "head-it-ops",
        title: "Head of IT Operations",
        holder: "Lars Bergström",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "head-business-apps",
        title: "Head of Business Applications",
        holder: "Fatima Zahra Bennani",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "enterprise-architect",
        title: "Enterprise Architect",
        holder: "Kenji Watanabe",
        department: "Information Technology",
        reportsTo: "cio",
      },
      // Technology and product side
      {
        id: "cto",
        title: "Chief Technology Officer",
        holder: "Olusegun Adeyemi",
        department: "Technology",
        reportsTo: "ceo",
      },
      {
        id: "vp-engineering",
        title: "VP Engineering",
        holder: "Sofia Lindqvist",
        department: "Engineering",
        reportsTo: "cto",
      },
      {
        id: "chief-architect",
        title: "Chief Architect",
        holder: "Mateo Rossi",
        department: "Engineering",
        reportsTo: "cto",
      },
      {
        id: "head-product",
        title: "Head of Product",
        holder: "Hannah Kowalczyk",
        department: "Product",
        reportsTo: "cto",
      },
    ],
    responsibilities: CATALOGUE,
    // biome-ignore format: one line per responsibility reads as a RACI table
    matrix: {
      "technology-vision": { A: "ceo", R: ["cio", "cto"], C: ["head-product"], I: ["ciso", "cdo"] },
      "it-strategy": { A: "cio", R: ["cio", "enterprise-architect"], C: ["cto", "head-business-apps"], I: ["ceo"] },
      "technology-strategy": { A: "cto", R: ["cto", "chief-architect"], C: ["cio", "head-product", "vp-engineering"], I: ["ceo"] },
      "business-collaboration": { A: "cio", R: ["head-business-apps"], C: ["head-product"], I: ["ceo"] },
      "it-infrastructure": { A: "cio", R: ["head-it-ops"], S: ["enterprise-architect"], C: ["ciso"], I: ["cto"] },
      "cloud-platform": { A: "cto", R: ["vp-engineering"], S: ["chief-architect"], C: ["cio", "head-it-ops", "ciso"] },
      "internal-digitalisation": { A: "cio", R: ["head-business-apps", "enterprise-architect"], C: ["cdo", "head-it-ops"], I: ["ceo"] },
      cybersecurity: { A: "cio", R: ["ciso"], S: ["head-it-ops"], C: ["cto"], I: ["ceo"] },
      "product-security": { A: "cto", R: ["ciso", "vp-engineering"], C: ["cio", "chief-architect"], I: ["head-product"] },
      "data-governance": { A: "cio", R: ["cdo"], C: ["cto", "ciso"], I: ["ceo"] },
      "data-products": { A: "cto", R: ["cdo", "head-product"], S: ["vp-engineering"], C: ["cio"] },
      "product-development": { A: "cto", R: ["vp-engineering", "head-product"], C: ["chief-architect", "ciso"], I: ["cio"] },
      "research-development": { A: "cto", R: ["chief-architect"], C: ["head-product", "cdo"], I: ["cio"] },
      "technical-leadership": { A: "cto", R: ["vp-engineering", "chief-architect"], I: ["head-product"] },
      "product-architecture": { A: "cto", R: ["chief-architect"], C: ["enterprise-architect", "ciso", "vp-engineering"], I: ["cio"] },
      "it-governance": { A: "cio", R: ["ciso", "enterprise-architect"], C: ["cdo"], I: ["ceo", "cto"] },
      "it-vendors": { A: "cio", R: ["head-it-ops", "head-business-apps"], C: ["cto"] },
      "technology-partnerships": { A: "cto", R: ["cto"], C: ["cio", "head-product", "chief-architect"], I: ["ceo"] },
    },
  }),
};
