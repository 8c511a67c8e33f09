/** Exit codes of every command; the README documents the same table. */
export const EXIT = {
  /** Valid chart without error-severity findings, or a command that succeeded. */
  ok: 0,
  /** Valid chart with at least one error-severity finding. */
  findings: 1,
  /** Invalid input: unreadable file, not JSON, invalid chart, bad options or unknown ids. */
  usage: 2,
  /** A bug in rolemap itself (an unexpected exception). */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
