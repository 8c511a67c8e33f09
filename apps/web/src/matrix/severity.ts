import type { Finding, Severity } from "@rolemap/contract";

/** The symbols the whole app uses beside severity colours (see components/SeverityBadges). */
export const SEVERITY_SYMBOLS: Readonly<Record<Severity, string>> = {
  error: "✕",
  warning: "!",
  info: "i",
};

export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  error: "Error",
  warning: "Warning",
  info: "Info",
};

/** "Error: Cybersecurity has 2 accountable roles …", one finding per line. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${SEVERITY_WORDS[f.severity]}: ${f.message}`).join("\n");
}
