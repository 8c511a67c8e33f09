import type { Comment } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { commentId, commentOf, messageOf, threadOf } from "./comment-fixtures";
import {
  applyCommentMessage,
  openCountsByTarget,
  removeComment,
  threadsToShow,
  upsertComment,
} from "./comment-threads";

const id = commentId;
const reply = commentOf;
const thread = threadOf;
const message = messageOf;

describe("upsertComment", () => {
  it("adds a new thread with no replies", () => {
    expect(upsertComment([thread(1)], reply(2))).toEqual([thread(1), thread(2)]);
  });

  it("replaces an edited first comment and keeps its replies", () => {
    const threads = [thread(1, { replies: [reply(2, { replyTo: id(1) })] })];
    const edited = reply(1, { body: "changed", editedAt: "2026-12-08T11:00:00.000Z" });
    expect(upsertComment(threads, edited)).toEqual([
      { ...edited, replies: [reply(2, { replyTo: id(1) })] },
    ]);
  });

  it("appends a reply to its thread and replaces an edited one", () => {
    const first = upsertComment([thread(1)], reply(2, { replyTo: id(1) }));
    expect(first?.[0]?.replies.map((r) => r.id)).toEqual([id(2)]);
    const second = upsertComment(first ?? [], reply(2, { replyTo: id(1), body: "new" }));
    expect(second?.[0]?.replies).toEqual([reply(2, { replyTo: id(1), body: "new" })]);
  });

  it("takes a whole thread (an answer with replies) as it is", () => {
    const answer = thread(1, { replies: [reply(2, { replyTo: id(1) })] });
    expect(upsertComment([thread(1)], answer)).toEqual([answer]);
  });

  it("asks for a refetch (null) for a reply to a thread it does not have", () => {
    expect(upsertComment([thread(1)], reply(3, { replyTo: id(9) }))).toBeNull();
  });

  it("does not mutate its input", () => {
    const threads = Object.freeze([Object.freeze(thread(1))]) as Comment[];
    expect(() => upsertComment(threads, reply(2, { replyTo: id(1) }))).not.toThrow();
    expect(threads[0]?.replies).toEqual([]);
  });
});

describe("removeComment", () => {
  it("removes a thread with its replies, or one reply", () => {
    const threads = [thread(1, { replies: [reply(2, { replyTo: id(1) })] }), thread(3)];
    expect(removeComment(threads, id(1))).toEqual([thread(3)]);
    expect(removeComment(threads, id(2))).toEqual([thread(1), thread(3)]);
  });
});

describe("applyCommentMessage", () => {
  it("adds, changes and deletes comments from live messages", () => {
    let threads: Comment[] | null = [];
    threads = applyCommentMessage(threads, message(reply(1)));
    threads = applyCommentMessage(threads ?? [], message(reply(2, { replyTo: id(1) })));
    const resolved = reply(1, {
      resolvedAt: "2026-12-08T12:00:00.000Z",
      resolvedBy: { name: "Bo" },
    });
    threads = applyCommentMessage(threads ?? [], message(resolved));
    expect(threads).toEqual([{ ...resolved, replies: [reply(2, { replyTo: id(1) })] }]);
    // No `type` or `deleted` leaks into the cached comments.
    expect(Object.keys(threads?.[0] ?? {})).not.toContain("type");
    expect(applyCommentMessage(threads ?? [], message(reply(2, { replyTo: id(1) }), true))).toEqual(
      [{ ...resolved, replies: [] }],
    );
  });
});

describe("openCountsByTarget", () => {
  it("counts open threads per target, not resolved ones nor replies", () => {
    const threads = [
      thread(1, { replies: [reply(2, { replyTo: id(1) })] }),
      thread(3),
      thread(4, { target: { role: "cto", responsibility: "budget" } }),
      thread(5, { target: { responsibility: "budget" }, resolvedAt: "2026-12-08T12:00:00.000Z" }),
      thread(6, { target: { chart: true } }),
    ];
    expect(Object.fromEntries(openCountsByTarget(threads))).toEqual({
      "role:cto": 2,
      "cell:cto budget": 1,
      chart: 1,
    });
  });
});

describe("threadsToShow", () => {
  const threads = [
    thread(1),
    thread(2, { target: { role: "cio" } }),
    thread(3, { resolvedAt: "2026-12-08T12:00:00.000Z" }),
  ];
  it.each([
    ["open", null, [id(2), id(1)]],
    ["open", { role: "cto" }, [id(1)]],
    ["resolved", null, [id(3)]],
    ["resolved", { role: "cio" }, []],
  ] as const)("shows %s threads on %j, newest first", (filter, target, ids) => {
    expect(threadsToShow(threads, filter, target).map((t) => t.id)).toEqual(ids);
  });
});
