import { z } from "zod";
import { AccessLevelSchema } from "./access";
import { ChartDocumentSchema, PositionSchema, ResponsibilitySchema, RoleSchema } from "./chart";
import { CommentReplySchema } from "./comments";
import { OperationBatchSchema } from "./operations";
import { RoundStatusSchema } from "./rounds";

/**
 * The live protocol `rolemap.live/v1` (`../shared/spec/live.md`): JSON text frames over a
 * WebSocket at `GET /api/charts/:id/live`. The server parses client messages with these
 * schemas; clients infer the server's messages from them.
 */

const VersionSchema = z.int({ error: "version must be an integer" }).min(0);
const BatchIdSchema = z.uuid({ error: "batch must be a UUID" });

/** A matrix cell: one role's column in one responsibility's row. */
export const CellRefSchema = z.strictObject({
  role: RoleSchema.shape.id,
  responsibility: ResponsibilitySchema.shape.id,
});
export const ViewportSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  zoom: z.number().positive(),
});

/** Where a person is and what they hold: relayed to peers, never stored. */
export const PresenceFieldsSchema = z.strictObject({
  /** Selected roles (by id) and matrix cells. */
  selection: z
    .array(z.union([RoleSchema.shape.id, CellRefSchema]))
    .max(1000)
    .optional(),
  /** The pointer in chart coordinates; null when it left the canvas. */
  cursor: PositionSchema.nullable().optional(),
  viewport: ViewportSchema.optional(),
  /** The field an editor holds open (`{target:"role", id:"cto", field:"title"}`); null when none. */
  editing: z
    .strictObject({
      target: z.enum(["chart", "role", "responsibility", "cell"]),
      id: z.string().max(300),
      field: z.string().max(100).optional(),
    })
    .nullable()
    .optional(),
});

// ---- client → server -------------------------------------------------------------------

export const HelloMessageSchema = z.strictObject({
  type: z.literal("hello"),
  /** The last version this tab applied; null for "send me the chart". */
  since: VersionSchema.nullable(),
  /** This tab's id (stable across its reconnects). */
  client: z.uuid({ error: "client must be a UUID" }),
});
export const OpsMessageSchema = z.strictObject({
  type: z.literal("ops"),
  batch: BatchIdSchema,
  operations: OperationBatchSchema,
  /** The version the client had applied when it made the batch (informative: merge is at the server). */
  base: VersionSchema,
});
export const PresenceMessageSchema = PresenceFieldsSchema.extend({
  type: z.literal("presence"),
});
export const SummonMessageSchema = z.strictObject({ type: z.literal("summon") });
export const LockMessageSchema = z.strictObject({
  type: z.literal("lock"),
  locked: z.boolean({ error: "locked must be a boolean" }),
});
export const PingMessageSchema = z.strictObject({ type: z.literal("ping") });

export const CLIENT_MESSAGE_TYPES = ["hello", "ops", "presence", "summon", "lock", "ping"] as const;
export const ClientMessageSchema = z.discriminatedUnion("type", [
  HelloMessageSchema,
  OpsMessageSchema,
  PresenceMessageSchema,
  SummonMessageSchema,
  LockMessageSchema,
  PingMessageSchema,
]);

// ---- server → client -------------------------------------------------------------------

/** Who made a change or sent a message; `peer` is null for a change made over HTTP. */
export const LiveAuthorSchema = z.strictObject({
  peer: z.string().nullable(),
  name: z.string(),
});

export const AppliedMessageSchema = z.strictObject({
  type: z.literal("applied"),
  version: z.int().min(1),
  batch: BatchIdSchema,
  by: LiveAuthorSchema,
  operations: OperationBatchSchema,
});
export const PeerPresenceSchema = PresenceFieldsSchema.extend({
  type: z.literal("presence"),
  peer: z.string(),
  name: z.string(),
});
export const WelcomeMessageSchema = z.strictObject({
  type: z.literal("welcome"),
  version: z.int().min(1),
  you: z.strictObject({ peer: z.string(), name: z.string(), access: AccessLevelSchema }),
  peers: z.array(PeerPresenceSchema),
  /** Every change since the hello's `since`, in order … */
  ops: z.array(AppliedMessageSchema).optional(),
  /** … or, when `since` was null or the log no longer reaches it, the whole chart. */
  chart: ChartDocumentSchema.optional(),
  locked: z.boolean(),
});
export const AckMessageSchema = z.strictObject({
  type: z.literal("ack"),
  batch: BatchIdSchema,
  version: z.int().min(1),
});
export const REJECT_CODES = ["invalid_input", "conflict", "forbidden", "locked"] as const;
export const RejectMessageSchema = z.strictObject({
  type: z.literal("reject"),
  batch: BatchIdSchema,
  error: z.strictObject({
    code: z.enum(REJECT_CODES),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  }),
});
export const LeaveMessageSchema = z.strictObject({ type: z.literal("leave"), peer: z.string() });
export const SummonedMessageSchema = z.strictObject({
  type: z.literal("summon"),
  by: LiveAuthorSchema,
  viewport: ViewportSchema.nullable(),
});
export const LockedMessageSchema = z.strictObject({
  type: z.literal("locked"),
  locked: z.boolean(),
  by: LiveAuthorSchema,
});
export const LIVE_ERROR_CODES = ["invalid_message", "forbidden", "internal"] as const;
export const LiveErrorMessageSchema = z.strictObject({
  type: z.literal("error"),
  code: z.enum(LIVE_ERROR_CODES),
  message: z.string(),
});
export const PongMessageSchema = z.strictObject({ type: z.literal("pong") });
/**
 * A comment was added, edited, resolved, reopened or deleted (`deleted: true`): the comment
 * itself, without its thread's replies (a reply names its thread in `replyTo`). `mine` is
 * as the receiving connection's principal sees it.
 */
export const CommentMessageSchema = CommentReplySchema.extend({
  type: z.literal("comment"),
  deleted: z.boolean(),
});
/**
 * A silent round started, gained a participant, was revealed or removed (`removed: true`).
 * Only counts travel: codes are read with `GET /rounds/:rid`, as the asker may see them.
 */
export const RoundMessageSchema = z.strictObject({
  type: z.literal("round"),
  id: z.uuid(),
  status: RoundStatusSchema,
  participants: z.int().min(0),
  removed: z.boolean(),
});

export const ServerMessageSchema = z.discriminatedUnion("type", [
  WelcomeMessageSchema,
  AppliedMessageSchema,
  AckMessageSchema,
  RejectMessageSchema,
  PeerPresenceSchema,
  LeaveMessageSchema,
  SummonedMessageSchema,
  LockedMessageSchema,
  LiveErrorMessageSchema,
  PongMessageSchema,
  CommentMessageSchema,
  RoundMessageSchema,
]);

export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type HelloMessage = z.infer<typeof HelloMessageSchema>;
export type OpsMessage = z.infer<typeof OpsMessageSchema>;
export type PresenceFields = z.infer<typeof PresenceFieldsSchema>;
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
export type WelcomeMessage = z.infer<typeof WelcomeMessageSchema>;
export type AppliedMessage = z.infer<typeof AppliedMessageSchema>;
export type PeerPresence = z.infer<typeof PeerPresenceSchema>;
export type RejectMessage = z.infer<typeof RejectMessageSchema>;
export type RejectCode = (typeof REJECT_CODES)[number];
export type LiveAuthor = z.infer<typeof LiveAuthorSchema>;
export type Viewport = z.infer<typeof ViewportSchema>;
export type CellRef = z.infer<typeof CellRefSchema>;
export type CommentMessage = z.infer<typeof CommentMessageSchema>;
export type RoundMessage = z.infer<typeof RoundMessageSchema>;
