import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_TYPES, ClientMessageSchema, ServerMessageSchema } from "./live";

const batch = "0b6f1c1e-6a43-4a53-9d55-5f3b1e0e8f01";

describe("the live protocol's client messages", () => {
  it("accepts each message of live.md", () => {
    const messages = [
      { type: "hello", since: null, client: batch },
      { type: "hello", since: 12, client: batch },
      {
        type: "ops",
        batch,
        base: 12,
        operations: [{ op: "updateRole", id: "cio", changes: { title: "CIO" } }],
      },
      {
        type: "presence",
        selection: ["cio", { role: "cio", responsibility: "infra" }],
        cursor: null,
        viewport: { x: 0, y: 0, zoom: 1 },
        editing: { target: "role", id: "cio", field: "title" },
      },
      { type: "summon" },
      { type: "lock", locked: true },
      { type: "ping" },
    ];
    for (const message of messages) expect(ClientMessageSchema.parse(message)).toEqual(message);
    expect(new Set(messages.map((m) => m.type))).toEqual(new Set(CLIENT_MESSAGE_TYPES));
  });

  it("refuses a presence that names a peer or a name: the server stamps those", () => {
    expect(ClientMessageSchema.safeParse({ type: "presence", name: "Someone else" }).success).toBe(
      false,
    );
    expect(ClientMessageSchema.safeParse({ type: "presence", peer: "p1" }).success).toBe(false);
  });

  it("refuses an empty batch, a batch id that is not a UUID and a negative since", () => {
    const bad = [
      { type: "ops", batch, base: 1, operations: [] },
      { type: "ops", batch: "1", base: 1, operations: [{ op: "removeRole", id: "x" }] },
      { type: "hello", since: -1, client: batch },
      { type: "dance" },
    ];
    for (const message of bad) expect(ClientMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe("the live protocol's server messages", () => {
  it("describes an applied change over HTTP (no peer) and a reject", () => {
    const applied = {
      type: "applied",
      version: 3,
      batch,
      by: { peer: null, name: "Olive" },
      operations: [{ op: "removeRole", id: "cto" }],
    };
    expect(ServerMessageSchema.parse(applied)).toEqual(applied);
    const reject = {
      type: "reject",
      batch,
      error: {
        code: "conflict",
        message: "gone",
        issues: [{ path: "operations[0].id", message: "x" }],
      },
    };
    expect(ServerMessageSchema.parse(reject)).toEqual(reject);
    expect(
      ServerMessageSchema.safeParse({ ...reject, error: { ...reject.error, code: "teapot" } })
        .success,
    ).toBe(false);
  });
});
