/**
 * The roles of the palette: the technology leadership roles of the domain brief, and a
 * blank one. A dropped role is vacant until someone names its holder.
 */
export interface RoleArchetype {
  /** Stable key: the drag payload, a test id and the base of new role ids. */
  id: string;
  /** What the palette shows in large type. */
  label: string;
  /** The title the new role gets. */
  title: string;
  department?: string;
  /** One line for the palette's tooltip. */
  description: string;
}

export const ROLE_ARCHETYPES: readonly RoleArchetype[] = [
  {
    id: "ceo",
    label: "CEO",
    title: "Chief Executive Officer",
    department: "Executive",
    description: "Runs the company; the CIO and the CTO usually report here.",
  },
  {
    id: "cio",
    label: "CIO",
    title: "Chief Information Officer",
    department: "Information Technology",
    description: "Faces inward: internal systems, infrastructure, data governance, IT suppliers.",
  },
  {
    id: "cto",
    label: "CTO",
    title: "Chief Technology Officer",
    department: "Technology",
    description: "Faces outward: products, architecture, R&D, technology partnerships.",
  },
  {
    id: "ciso",
    label: "CISO",
    title: "Chief Information Security Officer",
    department: "Information Security",
    description: "Security protocols, risk assessments and security awareness.",
  },
  {
    id: "cdo",
    label: "CDO",
    title: "Chief Data Officer",
    department: "Data Office",
    description: "Data quality, privacy and compliance; data used in products.",
  },
  {
    id: "vp-engineering",
    label: "VP Engineering",
    title: "VP Engineering",
    department: "Engineering",
    description: "Engineering teams, delivery and engineering practices.",
  },
  {
    id: "head-it-ops",
    label: "Head of IT Operations",
    title: "Head of IT Operations",
    department: "Information Technology",
    description: "Keeps hardware, networks, data centres and support running.",
  },
  {
    id: "custom",
    label: "Custom role",
    title: "New role",
    description: "Any other role; rename it after dropping it.",
  },
];

/** The MIME type of a palette drag, so drops of anything else (files, text) are ignored. */
export const ARCHETYPE_MIME = "application/x-rolemap-archetype";

export function findArchetype(id: string): RoleArchetype | undefined {
  return ROLE_ARCHETYPES.find((archetype) => archetype.id === id);
}
