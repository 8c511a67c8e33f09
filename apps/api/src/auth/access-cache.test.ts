import { describe, expect, it } from "vitest";
import type { BusEvent, ChangeBus } from "../live/bus";
import type { AccessStore, StoredSession } from "../services/access-store";
import { cacheAccessStore } from "./access-cache";

const ACCOUNT = { id: "a1", email: "a@example.com", name: "A", admin: false };
const SESSION: StoredSession = { kind: "account", account: ACCOUNT, lastSeenAt: new Date(0) };
const GUEST: StoredSession = {
  kind: "guest",
  name: "G",
  lastSeenAt: new Date(0),
  link: { id: "l1", chartId: "c1", access: "view", expiresAt: null, revokedAt: null },
};

/** A store whose reads answer what `rows` holds now and count how often they were asked. */
function fakeStore() {
  const rows = {
    sessions: new Map<string, StoredSession>([
      ["s1", SESSION],
      ["g1", GUEST],
    ]),
    grant: { ownerId: "a1", memberAccess: undefined } as const,
  };
  const reads = { findSession: 0, findToken: 0, chartGrant: 0 };
  /** While set, reads wait for it (a test changes the rows behind a read in flight). */
  let held: Promise<void> | undefined;
  let release = () => {};
  const store = {
    async findSession(idHash: string) {
      reads.findSession += 1;
      const found = rows.sessions.get(idHash);
      if (held !== undefined) await held;
      return found;
    },
    async findToken() {
      reads.findToken += 1;
      return { id: "t1", account: ACCOUNT, lastUsedAt: null };
    },
    async chartGrant() {
      reads.chartGrant += 1;
      return rows.grant;
    },
    async deleteSession(idHash: string) {
      rows.sessions.delete(idHash);
    },
    async touchSession() {},
    async touchToken() {},
    async removeMember() {
      return true;
    },
  } as unknown as AccessStore;
  return {
    store,
    rows,
    reads,
    holdReads: () => {
      held = new Promise((resolve) => {
        release = () => {
          held = undefined;
          resolve();
        };
      });
    },
    releaseRead: () => release(),
  };
}

function fakeBus() {
  const handlers: ((event: BusEvent) => void)[] = [];
  const reconnects: (() => void)[] = [];
  const bus: ChangeBus = {
    publish() {},
    subscribe: (handler) => handlers.push(handler),
    onReconnect: (handler) => reconnects.push(handler),
    close: async () => {},
  };
  return {
    bus,
    hear(event: BusEvent) {
      for (const handler of handlers) handler(event);
    },
    reconnect() {
      for (const handler of reconnects) handler();
    },
  };
}

describe("cacheAccessStore", () => {
  it("reads a session, a token and a grant once while nothing changes", async () => {
    const fake = fakeStore();
    const { store } = cacheAccessStore(fake.store, { soleUser: true });
    for (let n = 0; n < 3; n++) {
      await store.findSession("s1");
      await store.findToken("h");
      await store.chartGrant("c1", "a1");
    }
    expect(fake.reads).toEqual({ findSession: 1, findToken: 1, chartGrant: 1 });
  });

  it("keeps no answer of nothing (an unknown session is asked again)", async () => {
    const fake = fakeStore();
    const { store } = cacheAccessStore(fake.store, { soleUser: true });
    expect(await store.findSession("nobody")).toBeUndefined();
    expect(await store.findSession("nobody")).toBeUndefined();
    expect(fake.reads.findSession).toBe(2);
  });

  it("does not keep what a read saw while a change was being written", async () => {
    const fake = fakeStore();
    const { store } = cacheAccessStore(fake.store, { soleUser: true });
    fake.holdReads();
    const reading = store.findSession("s1"); // reads the row, then waits
    await Promise.resolve();
    await store.deleteSession("s1"); // signed out meanwhile
    fake.releaseRead();
    expect(await reading).toEqual(SESSION); // that request began before the sign-out
    expect(await store.findSession("s1")).toBeUndefined(); // the next one is refused
  });

  it("keeps the server's own touches, so a renewed session is not renewed again", async () => {
    const fake = fakeStore();
    const { store } = cacheAccessStore(fake.store, { soleUser: true });
    await store.findSession("s1");
    const at = new Date(1_000);
    await store.touchSession("s1", at);
    expect((await store.findSession("s1"))?.lastSeenAt).toEqual(at);
    await store.findToken("h");
    await store.touchToken("t1", at);
    expect((await store.findToken("h"))?.lastUsedAt).toEqual(at);
    expect(fake.reads).toMatchObject({ findSession: 1, findToken: 1 });
  });

  it("shared with other processes: keeps sessions a few seconds and reads grants every time", async () => {
    const fake = fakeStore();
    let now = 0;
    const { store } = cacheAccessStore(fake.store, {
      soleUser: false,
      sharedTtlMs: 5_000,
      now: () => now,
    });
    await store.findSession("s1");
    await store.chartGrant("c1", "a1");
    await store.chartGrant("c1", "a1");
    now = 4_000;
    await store.findSession("s1");
    expect(fake.reads).toMatchObject({ findSession: 1, chartGrant: 2 });
    now = 10_000;
    await store.findSession("s1");
    expect(fake.reads.findSession).toBe(2);
  });

  it("drops what other processes changed, as the bus tells, and everything after a lost bus", async () => {
    const fake = fakeStore();
    const heard = fakeBus();
    const { store } = cacheAccessStore(fake.store, { soleUser: false, bus: heard.bus });
    const fill = async () => {
      await store.findSession("s1");
      await store.findSession("g1");
    };
    await fill();
    heard.hear({ type: "sessionEnded", session: "s1" });
    await fill();
    expect(fake.reads.findSession).toBe(3);
    heard.hear({ type: "access", chart: "c1" }); // the guest's chart: its link may be revoked
    await fill();
    expect(fake.reads.findSession).toBe(4);
    heard.hear({ type: "removed", chart: "c1" });
    await fill();
    expect(fake.reads.findSession).toBe(5);
    heard.reconnect();
    await fill();
    expect(fake.reads.findSession).toBe(7);
  });

  it("drops a chart's grants and guests when it is removed or its members change", async () => {
    const fake = fakeStore();
    const cache = cacheAccessStore(fake.store, { soleUser: true });
    await cache.store.chartGrant("c1", "a1");
    await cache.store.findSession("g1");
    await cache.store.removeMember("c1", "a2");
    await cache.store.chartGrant("c1", "a1");
    expect(fake.reads.chartGrant).toBe(2);
    cache.forgetChart("c1");
    await cache.store.chartGrant("c1", "a1");
    await cache.store.findSession("g1");
    expect(fake.reads).toMatchObject({ chartGrant: 3, findSession: 2 });
  });

  it("drops a scenario's grants with its original's: losing the original loses them", async () => {
    const fake = fakeStore();
    const cache = cacheAccessStore(fake.store, { soleUser: true });
    const scenarioGrant = {
      ownerId: "b",
      memberAccess: undefined,
      original: { id: "c1", ownerId: "b", memberAccess: "edit" as const },
    };
    (fake.rows as { grant: unknown }).grant = scenarioGrant;
    await cache.store.chartGrant("s1", "a1");
    await cache.store.chartGrant("s1", "a1");
    expect(fake.reads.chartGrant).toBe(1);
    await cache.store.removeMember("c1", "a1"); // removed from the original
    await cache.store.chartGrant("s1", "a1");
    expect(fake.reads.chartGrant).toBe(2);
    cache.forgetChart("c1"); // the original deleted, here or by another process
    await cache.store.chartGrant("s1", "a1");
    expect(fake.reads.chartGrant).toBe(3);
    cache.forgetChart("c2"); // another chart: kept
    await cache.store.chartGrant("s1", "a1");
    expect(fake.reads.chartGrant).toBe(3);
  });

  /**
   * Every method of the store is either passed through untouched (it cannot change a kept
   * answer) or wrapped: a new method must be sorted here before the cache can be trusted.
   */
  it("wraps every method that changes what is kept", () => {
    const names = [
      "hasAccounts",
      "createOwner",
      "createInvitedAccount",
      "findLogin",
      "findAccountByEmail",
      "listAccounts",
      "removeAccount",
      "createSession",
      "findSession",
      "touchSession",
      "deleteSession",
      "createToken",
      "findToken",
      "touchToken",
      "listTokens",
      "deleteToken",
      "createInvite",
      "listInvites",
      "deleteInvite",
      "chartGrant",
      "members",
      "setMember",
      "removeMember",
      "createLink",
      "listLinks",
      "findLink",
      "revokeLink",
    ] as const satisfies readonly (keyof AccessStore)[];
    const wrapped = [
      "createOwner",
      "removeAccount",
      "findSession",
      "touchSession",
      "deleteSession",
      "findToken",
      "touchToken",
      "deleteToken",
      "chartGrant",
      "setMember",
      "removeMember",
      "revokeLink",
    ];
    const original = Object.fromEntries(names.map((name) => [name, () => name]));
    const { store } = cacheAccessStore(original as unknown as AccessStore, { soleUser: true });
    // The store's type has exactly these methods (no more: `satisfies` above, no fewer: this).
    type Missing = Exclude<keyof AccessStore, (typeof names)[number]>;
    const none: Missing[] = [];
    expect(none).toEqual([]);
    for (const name of names)
      expect((store[name] as unknown) !== original[name], name).toBe(wrapped.includes(name));
  });
});
