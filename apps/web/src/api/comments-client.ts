import type {
  Comment,
  CommentsQuery,
  CommentsResponse,
  CreateCommentBody,
  UpdateCommentBody,
} from "@rolemap/contract";
import type { JsonRequest } from "./access-client";

/** Comments on a chart, its roles, rows and matrix cells (history.md). */
export interface CommentsApi {
  /** Threads (first comments with their replies); no filter: every comment of the chart. */
  listComments(
    chartId: string,
    query?: CommentsQuery,
    signal?: AbortSignal,
  ): Promise<CommentsResponse>;
  /** A new thread, or a reply with `replyTo` (comment level). */
  createComment(chartId: string, body: CreateCommentBody): Promise<Comment>;
  /** Edits the body (its author) and/or resolves or reopens it (comment level). */
  updateComment(chartId: string, commentId: string, body: UpdateCommentBody): Promise<Comment>;
  /** Its author or the chart's owner. */
  deleteComment(chartId: string, commentId: string): Promise<void>;
}

const chart = (id: string) => `/charts/${encodeURIComponent(id)}`;
const comment = (chartId: string, id: string) =>
  `${chart(chartId)}/comments/${encodeURIComponent(id)}`;

/** `?role=…&responsibility=…` with only the filters given. */
export function commentsQuery(query: CommentsQuery = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

export function createCommentsApi(request: JsonRequest): CommentsApi {
  return {
    listComments: (chartId, query, signal) =>
      request("GET", `${chart(chartId)}/comments${commentsQuery(query)}`, { signal }),
    createComment: (chartId, body) => request("POST", `${chart(chartId)}/comments`, { body }),
    updateComment: (chartId, commentId, body) =>
      request("PATCH", comment(chartId, commentId), { body }),
    deleteComment: (chartId, commentId) => request("DELETE", comment(chartId, commentId)),
  };
}
