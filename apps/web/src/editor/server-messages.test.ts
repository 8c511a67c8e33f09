import type { CommentMessage, RoundMessage, ServerMessage } from "@rolemap/contract";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestEditor } from "../test/editor-fixtures";
import { createServerMessageBus } from "./server-messages";

const comment: CommentMessage = {
  type: "comment",
  id: "6f1c3a52-3c1e-4d0e-9a51-0d6f5b7a1c01",
  target: { role: "cto" },
  replyTo: null,
  author: { name: "Sam Peer" },
  body: "Who owns this?",
  createdAt: "2026-12-08T10:00:00.000Z",
  editedAt: null,
  resolvedAt: null,
  resolvedBy: null,
  targetRemoved: false,
  mine: false,
  deleted: false,
};
const round: RoundMessage = {
  type: "round",
  id: "6f1c3a52-3c1e-4d0e-9a51-0d6f5b7a1c02",
  status: "open",
  participants: 3,
  removed: false,
};

describe("createServerMessageBus", () => {
  it("calls only the listeners of the message's type, until they unsubscribe", () => {
    const bus = createServerMessageBus();
    const comments: ServerMessage[] = [];
    const rounds: ServerMessage[] = [];
    const stop = bus.on("comment", (message) => comments.push(message));
    bus.on("round", (message) => rounds.push(message));
    bus.emit(comment);
    bus.emit(round);
    bus.emit({ type: "pong" });
    stop();
    bus.emit(comment);
    expect(comments).toEqual([comment]);
    expect(rounds).toEqual([round]);
  });

  it("keeps telling the other listeners when one throws", () => {
    const bus = createServerMessageBus();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const heard: string[] = [];
    bus.on("comment", () => {
      throw new Error("broken listener");
    });
    bus.on("comment", (message) => heard.push(message.body));
    bus.emit(comment);
    expect(heard).toEqual(["Who owns this?"]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

describe("editor.onServerMessage", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const flush = async () => {
    for (let i = 0; i < 30; i += 1) await vi.advanceTimersByTimeAsync(10);
  };

  it("passes comment and round messages from the live connection to their listeners", async () => {
    const { editor, server } = createTestEditor();
    const comments: CommentMessage[] = [];
    const rounds: RoundMessage[] = [];
    editor.onServerMessage("comment", (message) => comments.push(message));
    editor.onServerMessage("round", (message) => rounds.push(message));
    await flush();
    server.broadcast(comment);
    server.broadcast(round);
    await flush();
    expect(comments).toEqual([comment]);
    expect(rounds).toEqual([round]);
    // Not chart changes: the document and version are untouched.
    expect(editor.getState().version).toBe(1);
  });

  it("tells applied listeners of every new version", async () => {
    const { editor, server } = createTestEditor();
    const versions: number[] = [];
    editor.onServerMessage("applied", (message) => versions.push(message.version));
    await flush();
    server.editElsewhere([{ op: "updateChart", name: "Elsewhere" }]);
    server.editElsewhere([{ op: "updateChart", name: "Again" }]);
    await flush();
    expect(versions).toEqual([2, 3]);
    expect(editor.getState()).toMatchObject({ version: 3, document: { name: "Again" } });
  });

  it("stops after unsubscribing and after dispose", async () => {
    const { editor, server } = createTestEditor();
    const heard: string[] = [];
    const stop = editor.onServerMessage("comment", (message) => heard.push(message.id));
    editor.onServerMessage("round", (message) => heard.push(message.id));
    await flush();
    stop();
    server.broadcast(comment);
    await flush();
    editor.dispose();
    server.broadcast(round);
    await flush();
    expect(heard).toEqual([]);
  });
});
