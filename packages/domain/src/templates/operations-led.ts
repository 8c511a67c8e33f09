import { buildChart } from "./build";
import { CATALOGUE } from "./catalogue";
import type { Template } from "./template";

/**
 * Archetype 5: a logistics, healthcare or manufacturing company where data, compliance and
 * large infrastructure dominate. The CIO came first and owns the catalogue, with the few
 * customer-facing digital services built by a Head of Digital Solutions inside IT. The COO
 * owns the transformation of operational processes; the CIO has a dotted line to the COO
 * and the plant-systems lead a dotted line to the CIO. The CTO seat is vacant and owns
 * nothing yet, which the validator reports as `role/no-ownership` (info).
 */
export const operationsLedTemplate: Template = {
  id: "operations-led",
  name: "Operations-led company",
  description:
    "A company that runs on operations (logistics, healthcare, manufacturing): the CIO leads technology with strong data, security and compliance functions, works closely with the COO, and the CTO seat is still open. Suits organisations where reliable internal systems matter more than products sold to customers.",
  demonstrates:
    "The Chief Technology Officer role is vacant and owns nothing yet, so the chart shows one role/no-ownership info finding on it: the product and innovation rows can move to it once it is filled. It has no errors or warnings.",
  document: buildChart({
    name: "Operations-led company",
    roles: [
      {
        id: "ceo",
        title: "Chief Executive Officer",
        holder: "Ruth Abernathy",
        department: "Executive",
      },
      {
        id: "cio",
        title: "Chief Information Officer",
        holder: "Kwame Asante",
        department: "Information Technology",
        reportsTo: "ceo",
        dottedTo: ["coo"],
        notes: "Dotted line to the COO for the transformation of operations.",
      },
      {
        id: "ciso",
        title: "Chief Information Security Officer",
        holder: "Svetlana Morozova",
        department: "Information Security",
        reportsTo: "cio",
      },
      {
        id: "cdo",
        title: "Chief Data Officer",
        holder: "Luis Carvalho",
        department: "Data Office",
        reportsTo: "cio",
      },
      {
        id: "head-it-ops",
        title: "Head of IT Operations",
        holder: "Grace Mwangi",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "head-business-apps",
        title: "Head of Business Applications",
        holder: "Arjun Mehta",
        department: "Information Technology",
        reportsTo: "cio",
        notes: "ERP, warehouse and scheduling systems.",
      },
      {
        id: "enterprise-architect",
        title: "Enterprise Architect",
        holder: "Birgit Hansen",
        department: "Information Technology",
        reportsTo: "cio",
      },
      {
        id: "head-digital",
        title: "Head of Digital Solutions",
        holder: "Noor Rahman",
        department: "Information Technology",
        reportsTo: "cio",
        notes: "Customer-facing portals and apps, built inside IT.",
      },
      {
        id: "coo",
        title: "Chief Operating Officer",
        holder: "Patrick Fitzgerald",
        department: "Operations",
        reportsTo: "ceo",
      },
      {
        id: "head-ot",
        title: "Head of Operational Technology",
        holder: "Elif Yıldız",
        department: "Operations",
        reportsTo: "coo",
        dottedTo: ["cio"],
        notes: "Plant and site systems; dotted line to the CIO for standards and security.",
      },
      {
        id: "cto",
        title: "Chief Technology Officer",
        holder: null,
        department: "Technology",
        reportsTo: "ceo",
        notes: "Vacant: planned if the company starts selling digital products.",
      },
    ],
    responsibilities: CATALOGUE,
    // biome-ignore format: one line per responsibility reads as a RACI table
    matrix: {
      "technology-vision": { A: "ceo", R: ["cio", "coo"], I: ["cdo"] },
      "it-strategy": { A: "cio", R: ["cio", "enterprise-architect"], C: ["coo", "cdo"], I: ["ceo"] },
      "technology-strategy": { A: "cio", R: ["enterprise-architect", "head-digital"], C: ["coo", "cdo"], I: ["ceo"] },
      "business-collaboration": { A: "cio", R: ["cio", "head-business-apps"], C: ["coo"], I: ["ceo"] },
      "it-infrastructure": { A: "cio", R: ["head-it-ops", "head-ot"], C: ["ciso", "enterprise-architect"] },
      "cloud-platform": { A: "head-it-ops", R: ["head-it-ops"], C: ["enterprise-architect", "ciso"], I: ["cio"] },
      "internal-digitalisation": { A: "coo", R: ["cio", "head-business-apps", "head-ot"], C: ["cdo"], I: ["ceo"] },
      cybersecurity: { A: "cio", R: ["ciso"], S: ["head-it-ops", "head-ot"], I: ["ceo", "coo"] },
      "product-security": { A: "ciso", R: ["ciso"], S: ["head-digital"], I: ["cio"] },
      "data-governance": { A: "cdo", R: ["cdo"], C: ["ciso", "coo"], I: ["cio"] },
      "data-products": { A: "cdo", R: ["cdo"], C: ["head-digital"], I: ["cio"] },
      "product-development": { A: "cio", R: ["head-digital"], C: ["enterprise-architect", "coo"] },
      "research-development": { A: "head-digital", R: ["head-digital"], C: ["enterprise-architect", "cdo"], I: ["cio"] },
      "technical-leadership": { A: "head-digital", R: ["head-digital"], C: ["enterprise-architect"] },
      "product-architecture": { A: "enterprise-architect", R: ["enterprise-architect"], C: ["head-digital", "ciso"] },
      "it-governance": { A: "cio", R: ["ciso", "cdo"], C: ["coo"], I: ["ceo"] },
      "it-vendors": { A: "cio", R: ["head-it-ops", "head-business-apps"], C: ["coo"] },
      "technology-partnerships": { A: "cio", R: ["cio"], C: ["enterprise-architect", "head-digital"], I: ["ceo"] },
    },
  }),
};
