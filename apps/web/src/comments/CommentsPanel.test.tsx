import type { AccessLevel, Comment } from "@rolemap/contract";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClientProvider } from "../api/api-context";
import { ApiError } from "../api/client";
import { chartRecord, createTestEditor, FakeServer, settle } from "../test/editor-fixtures";
import { fakeApi } from "../test/render";
import { CommentBadge } from "./CommentBadge";
import { CommentsPanel } from "./CommentsPanel";
import { CommentsProvider } from "./CommentsProvider";
import { commentId, commentOf, messageOf, threadOf } from "./comment-fixtures";
import { MENTION_ORIGIN } from "./selection-origins";

const CTO = "Chief Technology Officer";
const CELL = { role: "cio", responsibility: "it-strategy" };

async function renderPanel({
  access = "owner" as AccessLevel,
  threads = [] as Comment[],
  api: overrides = {} as Parameters<typeof fakeApi>[0],
} = {}) {
  const server = new FakeServer(chartRecord(undefined, 1, access));
  const { editor } = createTestEditor({ server });
  const api = fakeApi({
    listComments: vi.fn(async () => ({ comments: threads })),
    ...overrides,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const onOpenPanel = vi.fn();
  render(
    <ApiClientProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <CommentsProvider editor={editor} onOpenPanel={onOpenPanel}>
          <CommentBadge targetKey="role:cto" target={{ role: "cto" }} name={CTO} placement="card" />
          <CommentsPanel editor={editor} />
        </CommentsProvider>
      </QueryClientProvider>
    </ApiClientProvider>,
  );
  await settle(editor);
  return { editor, server, api, onOpenPanel, user: userEvent.setup() };
}

const panel = () => screen.getByTestId("comments-panel");
const shownThreads = () => within(panel()).queryAllByTestId("comment-thread");
const scope = () => within(panel()).getByTestId("comments-scope");

describe("CommentsPanel", () => {
  it("shows every open thread with what it is on, or only the selected target's", async () => {
    const { editor, user } = await renderPanel({
      threads: [
        threadOf(1),
        threadOf(2, {
          target: CELL,
          replies: [commentOf(3, { target: CELL, replyTo: commentId(2) })],
        }),
        threadOf(4, { resolvedAt: "2026-12-08T11:00:00.000Z", resolvedBy: { name: "Bo" } }),
        threadOf(5, { target: { role: "gone" }, targetRemoved: true }),
      ],
    });
    await waitFor(() => expect(shownThreads()).toHaveLength(3));
    expect(scope()).toHaveTextContent("All comments");
    // Newest first; each says what it is on; a removed role says so.
    expect(shownThreads().map((t) => t.dataset.threadId)).toEqual([
      commentId(5),
      commentId(2),
      commentId(1),
    ]);
    expect(
      within(shownThreads()[0] as HTMLElement).getByTestId("comment-removed-target"),
    ).toHaveTextContent("On a removed role");
    const cellThread = shownThreads()[1] as HTMLElement;
    expect(within(cellThread).getAllByTestId("comment")).toHaveLength(2);

    // Its target, chosen: selected as the matrix does, and the panel narrows to it.
    await user.click(within(cellThread).getByTestId("comment-target"));
    expect(editor.getState().selection).toMatchObject({
      roles: ["cio"],
      responsibilities: ["it-strategy"],
      origin: "matrix-comments",
    });
    expect(scope()).toHaveTextContent("On Chief Information Officer · IT strategy and planning");
    expect(shownThreads()).toHaveLength(1);

    // The CTO, selected on the canvas: its open and resolved threads.
    editor.setSelection({ roles: ["cto"], responsibilities: [], origin: "canvas" });
    await waitFor(() => expect(scope()).toHaveTextContent(`On ${CTO}`));
    expect(shownThreads().map((t) => t.dataset.threadId)).toEqual([commentId(1)]);
    const resolved = within(panel()).getByTestId("comments-filter-resolved");
    expect(resolved).toHaveTextContent("Resolved 1");
    await user.click(resolved);
    expect(resolved).toHaveAttribute("aria-pressed", "true");
    expect(shownThreads().map((t) => t.dataset.threadId)).toEqual([commentId(4)]);
    expect(within(panel()).getByTestId("comment-resolved-note")).toHaveTextContent(
      "Resolved by Bo",
    );

    await user.click(within(panel()).getByTestId("comments-show-all"));
    expect(editor.getState().selection.roles).toEqual([]);
    expect(scope()).toHaveTextContent("All comments");
  });

  it("shows a body as text, and a mention as a button that selects its role", async () => {
    const body = `<img src=x onerror="alert(1)"> ask @${CTO}\nsecond line`;
    const { editor, user } = await renderPanel({
      threads: [threadOf(1, { target: { chart: true }, body })],
    });
    const text = await screen.findByTestId("comment-body");
    expect(text.textContent).toBe(body);
    expect(text.querySelector("img")).toBeNull();
    const mention = within(text).getByTestId("comment-mention");
    expect(mention).toHaveTextContent(`@${CTO}`);
    await user.click(mention);
    expect(editor.getState().selection).toMatchObject({ roles: ["cto"], origin: MENTION_ORIGIN });
    // The panel stays where it was.
    expect(scope()).toHaveTextContent("All comments");
  });

  it("starts a thread on the selected target with Ctrl+Enter; plain Enter is a new line", async () => {
    const created = threadOf(7, { body: "line one\nline two", mine: true });
    const createComment = vi.fn(async () => created);
    const { editor, user } = await renderPanel({ api: { createComment } });
    editor.setSelection({ roles: ["cto"], responsibilities: [], origin: "canvas" });
    // The field is made anew for the new target (its draft belongs to the old one).
    const field = await screen.findByLabelText(`Comment on ${CTO}`);
    expect(field).toHaveAttribute(
      "placeholder",
      expect.stringContaining("Enter: new line, Ctrl+Enter: send"),
    );
    await user.type(field, "line one{Enter}line two");
    expect(createComment).not.toHaveBeenCalled();
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(createComment).toHaveBeenCalledWith(editor.chartId, {
      target: { role: "cto" },
      body: "line one\nline two",
    });
    await waitFor(() => expect(shownThreads()).toHaveLength(1));
    expect(field).toHaveValue("");
    // The CTO's marker counts it.
    expect(screen.getByTestId("comment-badge")).toHaveAttribute("data-count", "1");
  });

  it("offers the chart's roles after @, chosen with the arrows and Enter", async () => {
    const { user } = await renderPanel();
    const field = await screen.findByLabelText("Comment on the chart");
    await user.type(field, "Ask @chief");
    const list = screen.getByRole("listbox", { name: "Roles to mention" });
    const options = within(list).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toContain(`@${CTO}`);
    expect(field).toHaveAttribute("aria-expanded", "true");
    expect(options[0]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowDown}");
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    expect(field).toHaveAttribute("aria-activedescendant", options[1]?.id);
    await user.keyboard("{Enter}");
    expect(field).toHaveValue(`Ask ${options[1]?.textContent} `);
    expect(field).toHaveAttribute("aria-expanded", "false");
    // Escape closes the list without touching the text.
    await user.type(field, "and @te");
    expect(field).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{Escape}");
    expect(field).toHaveAttribute("aria-expanded", "false");
  });

  it("takes others' new, resolved and deleted comments from the live connection", async () => {
    const { server, api } = await renderPanel();
    await screen.findByTestId("comments-empty");
    server.broadcast(messageOf(commentOf(1, { body: "from a peer" })));
    await waitFor(() => expect(shownThreads()).toHaveLength(1));
    expect(screen.getByTestId("comment-badge")).toHaveAttribute("data-count", "1");
    server.broadcast(messageOf(commentOf(2, { replyTo: commentId(1), body: "a reply" })));
    await waitFor(() => expect(within(panel()).getAllByTestId("comment")).toHaveLength(2));
    server.broadcast(
      messageOf(
        commentOf(1, { resolvedAt: "2026-12-08T11:00:00.000Z", resolvedBy: { name: "Bo" } }),
      ),
    );
    await waitFor(() => expect(shownThreads()).toHaveLength(0));
    expect(screen.queryByTestId("comment-badge")).toBeNull();
    server.broadcast(messageOf(commentOf(1), true));
    await waitFor(() =>
      expect(within(panel()).getByTestId("comments-filter-resolved")).toHaveTextContent(
        "Resolved 0",
      ),
    );
    // All from the messages: the list was fetched once.
    expect(api.listComments).toHaveBeenCalledTimes(1);
  });

  it("lets a viewer read, not write", async () => {
    await renderPanel({ access: "view", threads: [threadOf(1)] });
    await waitFor(() => expect(shownThreads()).toHaveLength(1));
    expect(screen.getByTestId("comments-read-only")).toBeInTheDocument();
    expect(screen.queryByTestId("new-comment")).toBeNull();
    expect(screen.queryByTestId("comment-reply-button")).toBeNull();
    expect(screen.queryByTestId("comment-resolve-button")).toBeNull();
    expect(screen.queryByTestId("comment-delete-button")).toBeNull();
  });

  it("replies, resolves, edits my own and deletes (the owner) through the API", async () => {
    const mine = threadOf(1, { mine: true });
    const updateComment = vi.fn(
      async (_chart: string, _id: string, body: { body?: string; resolved?: boolean }) =>
        body.resolved
          ? { ...mine, resolvedAt: "2026-12-08T11:00:00.000Z", resolvedBy: { name: "Dana Owner" } }
          : { ...mine, body: body.body ?? mine.body, editedAt: "2026-12-08T11:00:00.000Z" },
    );
    const createComment = vi.fn(async () => threadOf(2, { replyTo: commentId(1), body: "agreed" }));
    const deleteComment = vi.fn(async () => {});
    const { user } = await renderPanel({
      threads: [mine, threadOf(3, { target: { chart: true } })],
      api: { updateComment, createComment, deleteComment },
    });
    await waitFor(() => expect(shownThreads()).toHaveLength(2));
    const [other, first] = shownThreads() as [HTMLElement, HTMLElement];

    await user.click(within(first).getByTestId("comment-reply-button"));
    await user.keyboard("agreed{Control>}{Enter}{/Control}");
    expect(createComment).toHaveBeenCalledWith(expect.any(String), {
      target: { role: "cto" },
      body: "agreed",
      replyTo: commentId(1),
    });
    await waitFor(() => expect(within(first).getAllByTestId("comment")).toHaveLength(2));

    await user.click(within(first).getByTestId("comment-edit-button"));
    const edit = within(first).getByLabelText("Edit your comment");
    await user.clear(edit);
    await user.type(edit, "better words{Control>}{Enter}{/Control}");
    expect(updateComment).toHaveBeenCalledWith(expect.any(String), commentId(1), {
      body: "better words",
    });
    await waitFor(() =>
      expect(within(first).getAllByTestId("comment-body")[0]).toHaveTextContent("better words"),
    );
    expect(first).toHaveTextContent("edited");
    // Only my own comment has Edit; the owner may delete any.
    expect(within(other).queryByTestId("comment-edit-button")).toBeNull();
    await user.click(within(other).getByTestId("comment-delete-button"));
    await user.click(screen.getByTestId("confirm-delete-comment"));
    expect(deleteComment).toHaveBeenCalledWith(expect.any(String), commentId(3));
    await waitFor(() => expect(shownThreads()).toHaveLength(1));

    await user.click(within(first).getByTestId("comment-resolve-button"));
    expect(updateComment).toHaveBeenLastCalledWith(expect.any(String), commentId(1), {
      resolved: true,
    });
    await waitFor(() => expect(shownThreads()).toHaveLength(0));
  });

  it("says when the comments cannot be loaded, and tries again", async () => {
    const listComments = vi
      .fn()
      .mockRejectedValueOnce(
        new ApiError(503, "database_unavailable", "The database is not answering."),
      )
      .mockResolvedValue({ comments: [threadOf(1)] });
    const { user } = await renderPanel({ api: { listComments } });
    expect(await screen.findByText("The comments could not be loaded")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(shownThreads()).toHaveLength(1));
  });
});

describe("CommentBadge", () => {
  it("counts a target's open threads and opens them when clicked", async () => {
    const { editor, onOpenPanel, user } = await renderPanel({
      threads: [threadOf(1), threadOf(2), threadOf(3, { resolvedAt: "2026-12-08T11:00:00.000Z" })],
    });
    const badge = await screen.findByTestId("comment-badge");
    expect(badge).toHaveAttribute("data-count", "2");
    expect(badge).toHaveAccessibleName(`2 open comments on ${CTO}`);
    await user.click(badge);
    expect(editor.getState().selection).toMatchObject({ roles: ["cto"], origin: "canvas" });
    expect(onOpenPanel).toHaveBeenCalledOnce();
  });
});
