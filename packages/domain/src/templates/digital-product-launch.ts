import { buildChart } from "./build";
import { CATALOGUE } from "./catalogue";
import type { Template } from "./template";

/**
 * Archetype 6: a new digital product for customers. The CTO is accountable for building
 * it (development, architecture, cloud, product security); the CIO is accountable for
 * running it, supporting its users and fitting it into the company's internal systems
 * after launch. Each leader is consulted on the other's launch rows, and a launch
 * programme manager in the CTO's organisation has a dotted line to the CIO for the
 * handover. Two launch-specific rows extend the catalogue.
 */
export const digitalProductLaunchTemplate: Template = {
  id: "digital-product-launch",
  name: "New digital product launch",
  description:
    "The CTO leads the build of a new customer-facing digital product and the CIO takes over running, supporting and integrating it after launch; each consults the other on the shared rows. Suits a company launching its first app, portal or online service next to established internal IT.",
  document: buildChart({
    name: "New digital product launch",
    roles: [
      {
        id: "ceo",
        title: "Chief Executive Officer",
        holder: "Amara Nwosu",
        department: "Executive",
      },
      // Build side
      {
        id: "cto",
        title: "Chief Technology Officer",
        holder: "Felix Brandt",
        department: "Technology",
        reportsTo: "ceo",
        notes: "Accountable for building the new product.",
      },
      {
        id: "vp-engineering",
        title: "VP Engineering",
        holder: "Isabela Duarte",
        department: "Engineering",
        reportsTo: "cto",
      },
      {
        id: "product-lead",
        title: "Product Lead, Digital Product",
        holder: "Hiroshi Saito",
        department: "Product",
        reportsTo: "cto",
      },
      {
        id: "launch-manager",
        title: "Launch Programme Manager",
        holder: "Aroha Ngata",
        department: "Technology",
        reportsTo: "cto",
        dottedTo: ["cio"],
        notes: "Dotted line to the CIO for the handover to operations.",
      },
      // Run side
      {
        id: "cio",
        title: "Chief Information Officer",
        holder: "Beatriz Ortega",
        department: "Information Technology",
        reportsTo: "ceo",
        notes: "Accountable for running, supporting and integrating the product after launch.",
      },
      {
        id: "ciso",
        title: "Chief Information Security Officer",
        holder: "Viktor Petrov",
        department: "Information Security",
        reportsTo: "cio",
        dottedTo: ["cto"],
        notes: "Dotted line to the CTO for the security of the product.",
      },
      {
        id: "head-data",
        title: "Head of Data",
        holder: "Lucía Navarro",
        department: "Information Technology",
        reportsTo: "cio",
        dottedTo: ["cto"],
        notes: "Dotted line to the CTO for data used in the product.",
      },
      {
        id: "head-it-ops",
        title: "Head of IT Operations",
        holder: "Mohammed Al-Farsi",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "head-service-desk",
        title: "Head of Service Desk",
        holder: "Jessica Thornton",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "integration-architect",
        title: "Integration Architect",
        holder: "Siddharth Rao",
        department: "Information Technology",
        reportsTo: "cio",
      },
    ],
    responsibilities: [
      ...CATALOGUE,
      {
        id: "product-operations",
        name: "Running and supporting the product after launch",
        category: "Operations",
        description:
          "Operate the new product in production once it is live: monitoring, incidents, user support and service levels.",
      },
      {
        id: "systems-integration",
        name: "Integration with internal systems",
        category: "Operations",
        description:
          "Connect the new product to the company's internal systems, such as CRM, billing and identity, and keep those connections working.",
      },
    ],
    // biome-ignore format: one line per responsibility reads as a RACI table
    matrix: {
      "technology-vision": { A: "ceo", R: ["cto", "cio"] },
      "it-strategy": { A: "cio", R: ["cio"], C: ["cto", "integration-architect"], I: ["ceo"] },
      "technology-strategy": { A: "cto", R: ["cto"], C: ["cio", "product-lead"], I: ["ceo"] },
      "business-collaboration": { A: "cio", R: ["cio", "integration-architect"], C: ["product-lead"] },
      "it-infrastructure": { A: "cio", R: ["head-it-ops"], C: ["cto", "ciso"] },
      "cloud-platform": { A: "cto", R: ["vp-engineering"], S: ["head-it-ops"], C: ["cio", "ciso"] },
      "internal-digitalisation": { A: "cio", R: ["integration-architect"], C: ["head-data"], I: ["ceo"] },
      cybersecurity: { A: "cio", R: ["ciso"], S: ["head-it-ops"], C: ["cto"] },
      "product-security": { A: "cto", R: ["ciso", "vp-engineering"], C: ["cio"] },
      "data-governance": { A: "head-data", R: ["head-data"], C: ["ciso"], I: ["cio"] },
      "data-products": { A: "cto", R: ["head-data", "product-lead"], C: ["cio"] },
      "product-development": { A: "cto", R: ["vp-engineering", "product-lead", "launch-manager"], C: ["cio", "ciso"], I: ["head-service-desk"] },
      "research-development": { A: "cto", R: ["vp-engineering"], C: ["product-lead"] },
      "technical-leadership": { A: "cto", R: ["vp-engineering"] },
      "product-architecture": { A: "cto", R: ["vp-engineering"], C: ["cio", "integration-architect", "ciso"] },
      "it-governance": { A: "cio", R: ["ciso"], C: ["head-data"], I: ["cto"] },
      "it-vendors": { A: "cio", R: ["head-it-ops"], C: ["cto"] },
      "technology-partnerships": { A: "cto", R: ["cto"], C: ["cio", "product-lead"] },
      "product-operations": { A: "cio", R: ["head-it-ops", "head-service-desk"], S: ["vp-engineering"], C: ["cto", "launch-manager"], I: ["product-lead"] },
      "systems-integration": { A: "cio", R: ["integration-architect", "launch-manager"], S: ["vp-engineering"], C: ["cto"], I: ["product-lead"] },
    },
  }),
};
