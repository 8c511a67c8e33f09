import {
  CommentMessageSchema,
  LiveAuthorSchema,
  PeerPresenceSchema,
  ServerMessageSchema,
  SummonedMessageSchema,
} from "@rolemap/contract";
import { z } from "zod";

/** A deleted comment as the other processes need it to announce it (its body is not). */
export const GoneCommentSchema = CommentMessageSchema.pick({
  target: true,
  replyTo: true,
  createdAt: true,
  editedAt: true,
  resolvedAt: true,
  resolvedBy: true,
  targetRemoved: true,
}).extend({
  author: z.object({
    accountId: z.uuid().nullable(),
    session: z.string().max(128).nullable(),
    name: z.string(),
  }),
});
export type GoneComment = z.infer<typeof GoneCommentSchema>;

/**
 * What API processes tell each other about live charts. A commit travels as a poke (chart
 * and version): the operation log carries the data, so a lost poke costs only time (the
 * next poke or the periodic check heals it). Presence, summons and locks are not stored
 * and travel whole.
 */
export const BusEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("commit"), chart: z.uuid(), version: z.int().min(1) }),
  z.object({ type: z.literal("presence"), chart: z.uuid(), presence: PeerPresenceSchema }),
  z.object({ type: z.literal("leave"), chart: z.uuid(), peer: z.string() }),
  z.object({ type: z.literal("summon"), chart: z.uuid(), message: SummonedMessageSchema }),
  z.object({
    type: z.literal("locked"),
    chart: z.uuid(),
    locked: z.boolean(),
    by: LiveAuthorSchema,
  }),
  /** Members or links changed: every process re-checks its connections to the chart. */
  z.object({ type: z.literal("access"), chart: z.uuid() }),
  z.object({ type: z.literal("removed"), chart: z.uuid() }),
  /** A session was signed out: every process closes its connections (by the session's hash). */
  z.object({ type: z.literal("sessionEnded"), session: z.string().max(128) }),
  /** A process with a new connection asks the others to announce their peers. */
  z.object({ type: z.literal("roster"), chart: z.uuid() }),
  /**
   * A message for every connection of the chart (`hub.announce`), the same for all. It
   * travels whole, so it must stay small (a NOTIFY payload is under 8,000 bytes).
   */
  z.object({ type: z.literal("announce"), chart: z.uuid(), message: ServerMessageSchema }),
  /**
   * A comment was added, edited, resolved or reopened: each process reads it from the
   * database (a body can outgrow a NOTIFY) and sends it to its connections. A deleted one
   * cannot be read, so it travels in `gone`, without its body.
   */
  z.object({
    type: z.literal("comment"),
    chart: z.uuid(),
    comment: z.uuid(),
    gone: GoneCommentSchema.optional(),
  }),
]);
export type BusEvent = z.infer<typeof BusEventSchema>;

export interface ChangeBus {
  /** Tells the other processes; never delivered back to this one. */
  publish(event: BusEvent): void;
  subscribe(handler: (event: BusEvent) => void): void;
  /** Called when the bus had lost its connection and has it again: events may be missing. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

/**
 * The embedded database runs in one process, so there is nobody else to tell: the
 * in-process bus delivers nothing (this process handles its own events directly).
 */
export function createLocalBus(): ChangeBus {
  return {
    publish() {},
    subscribe() {},
    onReconnect() {},
    close: async () => {},
  };
}
