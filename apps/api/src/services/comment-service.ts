import { randomUUID } from "node:crypto";
import type {
  Comment,
  CommentsQuery,
  CommentsResponse,
  CommentTarget,
  CreateCommentBody,
  InputIssue,
  ServerMessage,
  UpdateCommentBody,
} from "@rolemap/contract";
import type { Logger } from "pino";
import { mayDo, type Principal } from "../auth/principal";
import { forbidden, invalidInput, notFound } from "../errors";
import type { ChangeBus, GoneComment } from "../live/bus";
import type { ChartAccess } from "./chart-access";
import type { CommentAuthor, CommentChanges, CommentStore, StoredComment } from "./comment-store";
import {
  authorOf,
  type CommentNews,
  goneNewsOf,
  goneOf,
  isAuthor,
  isRemoved,
  nameOf,
  newsOf,
  replyOf,
  sameTarget,
  targetOfQuery,
} from "./comment-views";
import { createPerKeyQueue } from "./per-key-queue";
import { assertStorable } from "./storable-text";

/** What comments need of the live side: this process's connections of a chart. */
export interface CommentLive {
  sendEach(chartId: string, messageFor: (principal: Principal) => ServerMessage): void;
  watching(chartId: string): boolean;
}

/**
 * Comments on a chart, its roles, rows and cells (history.md, "Comments"): reading needs
 * view access, writing and resolving comment access; a body is edited by its author only,
 * a comment deleted by its author or the chart's owner. Every change is announced to the
 * chart's live connections as a `comment` message, with `mine` for each.
 */
export function createCommentService(deps: {
  store: CommentStore;
  access: ChartAccess;
  live: CommentLive;
  bus: ChangeBus;
  logger: Logger;
}) {
  const { store, access, live, bus, logger } = deps;
  /**
   * A chart's comment changes and the ones heard from other processes are written and
   * announced one at a time, so its connections hear them in the order they happened (an
   * edit never arrives after the comment's deletion).
   */
  const inTurn = createPerKeyQueue();

  const presentFor = (chartId: string, comments: readonly StoredComment[]) => {
    const roles = new Set<string>();
    const responsibilities = new Set<string>();
    for (const { target } of comments) {
      if ("role" in target) roles.add(target.role);
      if ("responsibility" in target) responsibilities.add(target.responsibility);
    }
    return store.present(chartId, [...roles], [...responsibilities]);
  };

  /** Sends this process's connections of the chart the news, each with its own `mine`. */
  const deliver = (chartId: string, news: CommentNews, author: CommentAuthor) => {
    live.sendEach(chartId, (principal) => ({ ...news, mine: isAuthor(author, principal) }));
  };

  const announce = (comment: StoredComment, targetRemoved: boolean) => {
    deliver(comment.chartId, newsOf(comment, targetRemoved), comment.author);
    bus.publish({ type: "comment", chart: comment.chartId, comment: comment.id });
  };

  const deliverGone = (chartId: string, id: string, gone: GoneComment) =>
    deliver(chartId, goneNewsOf(id, gone), gone.author);

  const announceGone = (comment: StoredComment, targetRemoved: boolean) => {
    const gone = goneOf(comment, targetRemoved);
    deliverGone(comment.chartId, comment.id, gone);
    bus.publish({ type: "comment", chart: comment.chartId, comment: comment.id, gone });
  };

  /** Another process changed a comment: read it here and tell this process's connections. */
  const relay = async (chartId: string, id: string, gone: GoneComment | undefined) => {
    if (!live.watching(chartId)) return;
    if (gone !== undefined) return deliverGone(chartId, id, gone);
    const comment = await store.get(chartId, id);
    // Deleted meanwhile: its deletion follows.
    if (comment === undefined) return;
    const present = await presentFor(chartId, [comment]);
    deliver(chartId, newsOf(comment, isRemoved(comment.target, present)), comment.author);
  };
  bus.subscribe((event) => {
    if (event.type !== "comment") return;
    inTurn(event.chart, () => relay(event.chart, event.comment, event.gone)).catch(
      (error: unknown) =>
        logger.warn({ err: error, chart: event.chart }, "comments: could not relay a change"),
    );
  });

  /** The comment (with its replies when it starts a thread) as `principal` sees it. */
  const answerOf = async (principal: Principal, comment: StoredComment): Promise<Comment> => {
    const replies =
      comment.replyTo === null ? await store.replies(comment.chartId, comment.id) : [];
    const present = await presentFor(comment.chartId, [comment]);
    const removed = isRemoved(comment.target, present);
    const reply = (one: StoredComment) => replyOf(one, removed, isAuthor(one.author, principal));
    return { ...reply(comment), replies: replies.map(reply) };
  };

  const found = async (chartId: string, id: string) => {
    const comment = await store.get(chartId, id);
    if (comment === undefined) throw notFound(`comment ${id}`);
    return comment;
  };
  const rootOf = async (comment: StoredComment) =>
    comment.replyTo === null ? comment : found(comment.chartId, comment.replyTo);

  /** The ids a new thread's target names must be in the chart now: 400 naming each missing one. */
  const requirePresent = async (chartId: string, target: CommentTarget) => {
    const roles = "role" in target ? [target.role] : [];
    const responsibilities = "responsibility" in target ? [target.responsibility] : [];
    const present = await store.present(chartId, roles, responsibilities);
    const issues: InputIssue[] = [
      ...roles
        .filter((id) => !present.roles.has(id))
        .map((id) => ({ path: "target.role", message: `the chart has no role "${id}"` })),
      ...responsibilities
        .filter((id) => !present.responsibilities.has(id))
        .map((id) => ({
          path: "target.responsibility",
          message: `the chart has no responsibility "${id}"`,
        })),
    ];
    if (issues.length > 0) throw invalidInput("the comment's target is not in the chart", issues);
  };

  return {
    async list(
      principal: Principal | undefined,
      chartId: string,
      query: CommentsQuery,
    ): Promise<CommentsResponse> {
      await access.require(principal, chartId, "view");
      const asker = principal as Principal;
      const target = targetOfQuery(query);
      const all = await store.list(chartId, target);
      const roots = all.filter(
        (comment) =>
          comment.replyTo === null &&
          (query.resolved === undefined ||
            (comment.resolved !== null) === (query.resolved === "true")),
      );
      const replies = new Map<string, StoredComment[]>();
      for (const comment of all)
        if (comment.replyTo !== null)
          replies.set(comment.replyTo, [...(replies.get(comment.replyTo) ?? []), comment]);
      const present = await presentFor(chartId, roots);
      const reply = (comment: StoredComment) =>
        replyOf(comment, isRemoved(comment.target, present), isAuthor(comment.author, asker));
      return {
        comments: roots.map((root) => ({
          ...reply(root),
          replies: (replies.get(root.id) ?? []).map(reply),
        })),
      };
    },

    async create(
      principal: Principal | undefined,
      chartId: string,
      body: CreateCommentBody,
    ): Promise<Comment> {
      await access.require(principal, chartId, "comment");
      assertStorable(body, "");
      return inTurn(chartId, () => createIn(principal as Principal, chartId, body));
    },

    async update(
      principal: Principal | undefined,
      chartId: string,
      id: string,
      body: UpdateCommentBody,
    ): Promise<Comment> {
      await access.require(principal, chartId, "comment");
      assertStorable(body, "");
      return inTurn(chartId, () => updateIn(principal as Principal, chartId, id, body));
    },

    async remove(principal: Principal | undefined, chartId: string, id: string): Promise<void> {
      const level = await access.require(principal, chartId, "comment");
      const mayDeleteAny = mayDo(level, "owner");
      return inTurn(chartId, () => removeIn(principal as Principal, chartId, id, mayDeleteAny));
    },
  };

  async function createIn(
    author: Principal,
    chartId: string,
    body: CreateCommentBody,
  ): Promise<Comment> {
    let replyTo: string | null = null;
    if (body.replyTo !== undefined) {
      // A reply to a reply joins the same thread.
      const thread = await rootOf(await found(chartId, body.replyTo));
      if (!sameTarget(thread.target, body.target))
        throw invalidInput("a reply is about what its thread is about", [
          {
            path: "target",
            message: `must be the thread's target, ${JSON.stringify(thread.target)}`,
          },
        ]);
      replyTo = thread.id;
    } else await requirePresent(chartId, body.target);
    const created = await store.create({
      id: randomUUID(),
      chartId,
      target: body.target,
      replyTo,
      author: authorOf(author),
      body: body.body,
    });
    if (created === undefined)
      throw notFound(replyTo === null ? `chart ${chartId}` : `comment ${replyTo}`);
    const answer = await answerOf(author, created);
    announce(created, answer.targetRemoved);
    return answer;
  }

  async function updateIn(
    asker: Principal,
    chartId: string,
    id: string,
    body: UpdateCommentBody,
  ): Promise<Comment> {
    const comment = await found(chartId, id);
    if (body.body !== undefined && !isAuthor(comment.author, asker))
      throw forbidden("only its author can edit a comment");
    // Resolving a reply resolves its thread: the resolution is kept on the first comment.
    const root = await rootOf(comment);
    const now = new Date();
    const edit: CommentChanges =
      body.body !== undefined && body.body !== comment.body
        ? { body: { text: body.body, editedAt: now } }
        : {};
    const resolve: CommentChanges =
      body.resolved !== undefined && body.resolved !== (root.resolved !== null)
        ? { resolved: body.resolved ? { at: now, by: nameOf(asker) } : null }
        : {};
    const changed: StoredComment[] = [];
    if (root === comment) {
      if (edit.body !== undefined || resolve.resolved !== undefined)
        changed.push(await updated(chartId, id, { ...edit, ...resolve }));
    } else {
      // The thread first, so the reply read back shares its new resolution.
      if (resolve.resolved !== undefined) changed.push(await updated(chartId, root.id, resolve));
      if (edit.body !== undefined) changed.push(await updated(chartId, id, edit));
    }
    const latest = changed.find((one) => one.id === id) ?? (await found(chartId, id));
    const answer = await answerOf(asker, latest);
    for (const one of changed) announce(one, answer.targetRemoved);
    return answer;
  }

  async function removeIn(
    asker: Principal,
    chartId: string,
    id: string,
    mayDeleteAny: boolean,
  ): Promise<void> {
    const comment = await found(chartId, id);
    if (!mayDeleteAny && !isAuthor(comment.author, asker))
      throw forbidden("only its author or the chart's owner can delete a comment");
    const present = await presentFor(chartId, [comment]);
    if (!(await store.remove(chartId, id))) throw notFound(`comment ${id}`);
    announceGone(comment, isRemoved(comment.target, present));
  }

  async function updated(chartId: string, id: string, changes: CommentChanges) {
    const result = await store.update(chartId, id, changes);
    if (result === undefined) throw notFound(`comment ${id}`);
    return result;
  }
}

export type CommentService = ReturnType<typeof createCommentService>;
