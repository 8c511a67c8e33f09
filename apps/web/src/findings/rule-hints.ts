import type { RuleId } from "@rolemap/contract";

/** One short suggestion per rule: what to change so the finding goes away. */
export const RULE_HINTS: Readonly<Record<RuleId, string>> = {
  "raci/no-accountable": "Make exactly one role A on this row.",
  "raci/multiple-accountable": "Keep one A; make the others R or C.",
  "raci/no-responsible": "Give the row at least one R — who does the work?",
  "raci/too-many-responsible": "Fewer R roles; move some to S or C.",
  "raci/too-many-consulted": "Consult fewer roles; inform the rest (I).",
  "raci/support-without-responsible": "Add an R for the S roles to support.",
  "raci/vacant-accountable": "Fill the role, or move the A to a filled role.",
  "raci/conflicting-codes": "Drop the C or I of this role on this row.",
  "role/no-ownership": "Give the role an R or A somewhere, or ask whether it is needed.",
  "role/overloaded": "Hand some of these A codes to other roles.",
  "org/cycle": "Break the loop: someone in it needs another manager.",
  "org/multiple-managers": "Keep one solid manager; make the others dotted lines.",
  "org/multiple-roots": "Put the top roles under one head.",
  "org/span-of-control": "Add a level, or move some reports elsewhere.",
  "authority/accountable-outside-chain":
    "The A should be someone the R reports to; change the A or add a line.",
  "catalogue/duplicate-responsibility": "Merge the rows, or rename them to tell them apart.",
};
