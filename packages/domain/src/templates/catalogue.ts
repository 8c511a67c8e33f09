import type { Responsibility } from "@rolemap/contract";

/**
 * The responsibility catalogue of the domain brief, shared by every built-in template:
 * the information side (usually the CIO's), the technology and product side (usually the
 * CTO's) and the executive row where both meet. Templates copy it; each decides who
 * holds which code.
 */
export const CATALOGUE = [
  // Strategy
  {
    id: "technology-vision",
    name: "Executive technology alignment",
    category: "Strategy",
    description:
      "Agree at executive level on one long-term technology direction, its budget and its risks, and settle disputes between the technology leaders.",
  },
  {
    id: "it-strategy",
    name: "IT strategy and planning",
    category: "Strategy",
    description:
      "Plan the company's internal IT against its business goals, including the IT budget and the order of investments.",
  },
  {
    id: "technology-strategy",
    name: "Technology strategy and innovation",
    category: "Strategy",
    description:
      "Track emerging technology and decide which of it the company should adopt to open new opportunities and stay competitive.",
  },
  {
    id: "business-collaboration",
    name: "Collaboration with business units",
    category: "Strategy",
    description:
      "Work with each department to understand what it needs from technology and make sure its systems serve those goals.",
  },
  // Operations
  {
    id: "it-infrastructure",
    name: "IT infrastructure and operations",
    category: "Operations",
    description:
      "Keep hardware, networks, data centres, workplace software and employee support reliable, secure and able to grow.",
  },
  {
    id: "cloud-platform",
    name: "Cloud platform",
    category: "Operations",
    description:
      "Choose, build and run the cloud environment that both internal systems and customer-facing products depend on.",
  },
  {
    id: "internal-digitalisation",
    name: "Digital transformation of internal processes",
    category: "Operations",
    description:
      "Replace manual and paper-based ways of working inside the company with better digital tools and processes.",
  },
  // Security
  {
    id: "cybersecurity",
    name: "Cybersecurity of internal systems",
    category: "Security",
    description:
      "Protect the company's information assets with security protocols, regular risk assessments and security awareness among staff.",
  },
  {
    id: "product-security",
    name: "Security of products and new technologies",
    category: "Security",
    description:
      "Build security into the products the company sells and into any new technology before it is adopted.",
  },
  // Data
  {
    id: "data-governance",
    name: "Data management and governance",
    category: "Data",
    description:
      "Set and enforce the rules for data quality, privacy and compliance with data-protection law across the company.",
  },
  {
    id: "data-products",
    name: "Data in products and services",
    category: "Data",
    description:
      "Turn the company's data into features, insights and services that customers use or pay for.",
  },
  // Innovation
  {
    id: "product-development",
    name: "Product development",
    category: "Innovation",
    description:
      "Lead the engineering teams that design, build and ship new products and services for customers.",
  },
  {
    id: "research-development",
    name: "Research and development",
    category: "Innovation",
    description:
      "Run feasibility studies and prototypes to judge whether a new technology is worth betting on.",
  },
  {
    id: "technical-leadership",
    name: "Technical leadership and engineering practice",
    category: "Innovation",
    description:
      "Set engineering standards and code quality, grow the engineers and keep a culture where experiments are welcome.",
  },
  {
    id: "product-architecture",
    name: "Architecture of customer-facing products",
    category: "Innovation",
    description:
      "Decide the languages, frameworks and cloud services the products are built on and how their parts fit together.",
  },
  // Governance
  {
    id: "it-governance",
    name: "Compliance and IT governance",
    category: "Governance",
    description:
      "Make sure technology use meets regulation, audit and internal policy, and that IT decisions follow an agreed process.",
  },
  // Partners
  {
    id: "it-vendors",
    name: "IT vendor management",
    category: "Partners",
    description:
      "Negotiate and manage contracts, licences and service levels with the suppliers of internal IT.",
  },
  {
    id: "technology-partnerships",
    name: "Strategic technology partnerships",
    category: "Partners",
    description:
      "Build relationships with technology vendors, platforms and start-ups that strengthen the company's products.",
  },
] as const satisfies readonly Responsibility[];

export type CatalogueId = (typeof CATALOGUE)[number]["id"];
