import type { AppliedMessage, PeerPresence, ServerMessage } from "@rolemap/contract";
import { describe, expect, it, vi } from "vitest";
import type { LogEntry } from "../services/chart-store";
import { createRoom, type RoomMember } from "./live-room";

const entry = (version: number): LogEntry => ({
  version,
  batchId: `00000000-0000-4000-8000-${String(version).padStart(12, "0")}`,
  author: { accountId: null, name: "A", peer: null },
  operations: [{ op: "updateChart", name: `v${version}` }],
});

/** A member that records the versions it was sent. */
function member(): RoomMember & { versions: number[] } {
  const versions: number[] = [];
  const presence: PeerPresence = { type: "presence", peer: "p", name: "P" };
  return {
    peer: "p",
    presence,
    versions,
    send(_message: ServerMessage | string) {},
    applied(message: AppliedMessage) {
      versions.push(message.version);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a live room", () => {
  it("sends versions in order: an early one waits, a gap is read from the log", async () => {
    const log = new Map([[3, entry(3)]]);
    const readLog = vi.fn(async (after: number, to: number) =>
      Array.from({ length: to - after }, (_, i) => log.get(after + 1 + i) as LogEntry),
    );
    const room = createRoom(
      "c",
      readLog,
      () => {},
      () => {},
    );
    const m = member();
    room.members.add(m);
    room.start(1);
    room.deliver(entry(2));
    room.deliver(entry(4)); // early: 3 was committed by another process
    room.poke(3);
    await settle();
    expect(m.versions).toEqual([2, 3, 4]);
    expect(readLog).toHaveBeenCalledWith(2, 3);
    room.deliver(entry(4)); // a repeat is not sent again
    expect(m.versions).toEqual([2, 3, 4]);
  });

  it("holds commits that arrive before it knows where it starts", () => {
    const room = createRoom(
      "c",
      async () => [],
      () => {},
      () => {},
    );
    const m = member();
    room.members.add(m);
    room.deliver(entry(5));
    room.deliver(entry(6));
    room.start(5); // the chart was at 5 when the first member came: 5 is in its welcome
    expect(m.versions).toEqual([6]);
  });

  it("reports a log that cannot be read and recovers on the next poke", async () => {
    let failing = true;
    const onError = vi.fn();
    const room = createRoom(
      "c",
      async (after, to) => {
        if (failing) throw new Error("database away");
        return Array.from({ length: to - after }, (_, i) => entry(after + 1 + i));
      },
      () => {},
      onError,
    );
    const m = member();
    room.members.add(m);
    room.start(1);
    room.poke(3);
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(m.versions).toEqual([]);
    failing = false;
    room.poke(3);
    await settle();
    expect(m.versions).toEqual([2, 3]);
  });

  it("tells members to resynchronise when the log cannot replay a stretch", async () => {
    const onStale = vi.fn();
    const room = createRoom(
      "c",
      async () => undefined,
      onStale,
      () => {},
    );
    room.members.add(member());
    room.start(1);
    room.poke(4);
    await settle();
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(room.version).toBe(4);
  });
});
