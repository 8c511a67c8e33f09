import type { RejectMessage } from "@rolemap/contract";
import type { EndReason } from "./live-link";

/** What people read when the live connection ends for good. */
export const END_MESSAGES: Record<EndReason, string> = {
  "signed-out": "You are no longer signed in, so your changes cannot be sent. Sign in again.",
  revoked: "Your access to this chart has ended. Changes not yet sent cannot be saved.",
  deleted: "This chart no longer exists on the server (it may have been deleted).",
};

const REJECT_REASONS: Record<RejectMessage["error"]["code"], string> = {
  conflict: "someone else changed the chart so that it no longer applies",
  locked: "the owner has locked the chart",
  forbidden: "you may no longer change this chart",
  invalid_input: "the server found it invalid",
};

/** "Your change “Move CISO” was undone: the role CIO was removed (someone else …)." */
export function describeReject(label: string, error: RejectMessage["error"]): string {
  const detail = error.issues[0]?.message ?? error.message;
  const reason = REJECT_REASONS[error.code];
  return `Your change “${label}” was undone: ${reason}${detail ? ` (${detail})` : ""}.`;
}

export const lockNotice = (locked: boolean, by: string) =>
  locked
    ? `${by} locked the chart: only the owner can change it now.`
    : `${by} unlocked the chart: everyone with edit rights can change it again.`;
