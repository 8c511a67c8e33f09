import type { CommentTarget } from "@rolemap/contract";
import { useMemo, useRef, useState } from "react";
import { describeError } from "../api/client";
import { useComments, useCreateComment } from "../api/comments-hooks";
import { hasAccess } from "../auth/access";
import { QueryState } from "../components/QueryState";
import {
  type ChartEditor,
  selectAccess,
  selectDocument,
  selectSelection,
  useEditorSelector,
} from "../editor";
import { CommentComposer, SEND_KEYS } from "./CommentComposer";
import styles from "./Comments.module.css";
import { CommentThread } from "./CommentThread";
import {
  describeTarget,
  selectionOfTarget,
  type TargetName,
  targetKey,
  targetOfSelection,
} from "./comment-targets";
import { isOpen, type ThreadFilter, threadsToShow } from "./comment-threads";
import { MENTION_ORIGIN, panelOrigin } from "./selection-origins";
import type { ThreadTools } from "./thread-tools";

/**
 * The comments panel: the threads on what is selected (a role, a row, a matrix cell), or
 * every thread when nothing is; open or resolved ones; a field to start a thread (comment
 * level). Selecting a role by a mention in a comment leaves the panel where it is.
 */
export function CommentsPanel({ editor }: { editor: ChartEditor }) {
  const query = useComments(editor.chartId);
  const access = useEditorSelector(editor, selectAccess);
  const document = useEditorSelector(editor, selectDocument);
  const selection = useEditorSelector(editor, selectSelection);
  const [filter, setFilter] = useState<ThreadFilter>("open");
  const create = useCreateComment(editor.chartId);

  // A mention selects its role: the panel keeps showing what it showed.
  const scopeRef = useRef<CommentTarget | null>(null);
  if (selection.origin !== MENTION_ORIGIN) scopeRef.current = targetOfSelection(selection);
  const scope = scopeRef.current;

  const roles = document.roles;
  const tools: ThreadTools = useMemo(
    () => ({
      chartId: editor.chartId,
      canComment: hasAccess(access, "comment"),
      isOwner: access === "owner",
      roles,
      showRole: (roleId) =>
        editor.setSelection({ roles: [roleId], responsibilities: [], origin: MENTION_ORIGIN }),
      describe: (target) => describeTarget(target, document),
      selectTarget: (target) =>
        editor.setSelection({ ...selectionOfTarget(target), origin: panelOrigin(target) }),
    }),
    [editor, access, roles, document],
  );
  const scopeName: TargetName | null = scope === null ? null : tools.describe(scope);
  const threads = query.data?.comments ?? [];
  const inScope =
    scope === null ? threads : threads.filter((t) => targetKey(t.target) === targetKey(scope));
  const openCount = inScope.filter(isOpen).length;
  const resolvedCount = inScope.length - openCount;
  const shown = threadsToShow(threads, filter, scope);
  const where = scopeName === null ? "the chart" : scopeName.name;

  return (
    <div className={styles.panel} data-testid="comments-panel">
      <div className={styles.scope}>
        <p className={styles.scopeText} data-testid="comments-scope">
          {scope === null ? "All comments" : `On ${where}`}
        </p>
        {scope !== null && (
          <button
            type="button"
            className={styles.linkButton}
            onClick={() => editor.clearSelection()}
            data-testid="comments-show-all"
          >
            Show all
          </button>
        )}
      </div>
      <fieldset className={styles.filter}>
        <legend className="visually-hidden">Show</legend>
        {(["open", "resolved"] as const).map((each) => (
          <button
            key={each}
            type="button"
            className={styles.filterButton}
            aria-pressed={filter === each}
            onClick={() => setFilter(each)}
            data-testid={`comments-filter-${each}`}
          >
            {each === "open" ? "Open" : "Resolved"}{" "}
            <span className={styles.filterCount}>
              {each === "open" ? openCount : resolvedCount}
            </span>
          </button>
        ))}
      </fieldset>
      {tools.canComment && scopeName?.isRemoved !== true && (
        <CommentComposer
          key={scope === null ? "chart" : targetKey(scope)}
          label={`Comment on ${where}`}
          placeholder={`Comment on ${where}… Enter: new line, ${SEND_KEYS}: send`}
          submitLabel="Comment"
          pendingLabel="Sending…"
          roles={roles}
          isPending={create.isPending}
          error={create.isError ? describeError(create.error) : null}
          testId="new-comment"
          onSubmit={async (body) => {
            try {
              await create.mutateAsync({ target: scope ?? { chart: true }, body });
              setFilter("open");
              return true;
            } catch {
              return false;
            }
          }}
        />
      )}
      {!tools.canComment && (
        <p className={styles.note} data-testid="comments-read-only">
          You can read the comments on this chart, not write them.
        </p>
      )}
      <QueryState
        query={query}
        loading="Loading the comments…"
        errorTitle="The comments could not be loaded"
        isEmpty={() => shown.length === 0}
        emptyTestId="comments-empty"
        empty={
          filter === "open"
            ? `No open comments ${scope === null ? "on this chart" : `on ${where}`}.`
            : `No resolved comments ${scope === null ? "on this chart" : `on ${where}`}.`
        }
      >
        {() => (
          <ol
            className={styles.threads}
            aria-label={`${filter === "open" ? "Open" : "Resolved"} comments`}
          >
            {shown.map((thread) => (
              <CommentThread
                key={thread.id}
                thread={thread}
                showsTarget={scope === null}
                tools={tools}
              />
            ))}
          </ol>
        )}
      </QueryState>
    </div>
  );
}
