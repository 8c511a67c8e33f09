import type { VersionSummary } from "@rolemap/contract";
import { useState } from "react";
import { useLiveVersions, useVersions } from "../api/history-hooks";
import { QueryState } from "../components/QueryState";
import { RelativeTime } from "../components/RelativeTime";
import type { ChartEditor } from "../editor";
import styles from "./History.module.css";
import type { VersionPreview } from "./use-version-preview";
import { groupVersions, KIND_LABELS, type VersionGroup } from "./version-groups";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The timeline of versions, newest first, grouped by person and minute. Choosing a version
 * shows it read-only on the canvas and matrix; the newest is "now". Older pages load on
 * request; new versions arrive live.
 */
export function HistoryPanel({
  editor,
  preview,
}: {
  editor: ChartEditor;
  preview: VersionPreview;
}) {
  const query = useVersions(editor.chartId);
  useLiveVersions(editor);
  const versions = query.data?.pages.flatMap((page) => page.versions) ?? [];
  const newest = versions[0]?.version;
  const choose = (version: VersionSummary) =>
    version.version === newest ? preview.close() : preview.show(version);

  return (
    <div className={styles.panel} data-testid="history-panel">
      <p className={styles.intro}>Choose a version to see the chart as it was then (read-only).</p>
      <QueryState
        query={query}
        loading="Loading the history…"
        errorTitle="The history could not be loaded"
        isEmpty={() => versions.length === 0}
        empty="No versions yet."
        emptyTestId="history-empty"
      >
        {() => (
          <>
            <ol className={styles.timeline} aria-label="Versions, newest first">
              {groupVersions(versions).map((group) => (
                <GroupItem
                  key={group.key}
                  group={group}
                  newest={newest}
                  selected={preview.selected?.version ?? null}
                  onChoose={choose}
                />
              ))}
            </ol>
            {query.hasNextPage && (
              <button
                type="button"
                className={`button button-small ${styles.loadOlder}`}
                disabled={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
                data-testid="load-older-versions"
              >
                {query.isFetchingNextPage ? "Loading…" : "Load older"}
              </button>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function GroupItem({
  group,
  newest,
  selected,
  onChoose,
}: {
  group: VersionGroup;
  newest: number | undefined;
  selected: number | null;
  onChoose(version: VersionSummary): void;
}) {
  const [first, ...older] = group.versions;
  const hasSelected = group.versions.some((v) => v.version === selected);
  const [isOpen, setOpen] = useState(false);
  if (first === undefined) return null;
  const open = isOpen || (hasSelected && selected !== first.version);
  if (older.length === 0)
    return (
      <li className={styles.group} data-testid="version-group">
        <VersionRow
          version={first}
          isNow={first.version === newest}
          selected={selected}
          onChoose={onChoose}
        />
      </li>
    );
  return (
    <li className={styles.group} data-testid="version-group" data-count={group.versions.length}>
      <VersionRow
        version={first}
        isNow={first.version === newest}
        selected={selected}
        onChoose={onChoose}
        groupSize={group.versions.length}
      />
      <button
        type="button"
        className={styles.expand}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="version-group-toggle"
      >
        {open ? "Hide" : "Show"} {plural(older.length, "earlier change")} by {group.by} in that
        minute
      </button>
      {open && (
        <ol className={styles.groupVersions}>
          {older.map((version) => (
            <li key={version.version}>
              <VersionRow version={version} isNow={false} selected={selected} onChoose={onChoose} />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function VersionRow({
  version,
  isNow,
  selected,
  onChoose,
  groupSize,
}: {
  version: VersionSummary;
  isNow: boolean;
  selected: number | null;
  onChoose(version: VersionSummary): void;
  groupSize?: number;
}) {
  const isSelected = selected === null ? isNow : selected === version.version;
  return (
    <button
      type="button"
      className={styles.version}
      aria-pressed={isSelected}
      onClick={() => onChoose(version)}
      data-testid="version-row"
      data-version={version.version}
      data-kind={version.kind}
    >
      <span className={styles.versionHead}>
        <span className={styles.who}>{version.by.name}</span>
        <span className={styles.when}>
          <RelativeTime iso={version.at} />
        </span>
      </span>
      <span className={styles.versionLine}>
        <span className={styles.kind} data-kind={version.kind}>
          {KIND_LABELS[version.kind]}
        </span>
        <span className={styles.summary}>{version.summary || "no change"}</span>
      </span>
      <span className={styles.versionFoot}>
        <span>Version {version.version}</span>
        {groupSize !== undefined && <span> · {plural(groupSize, "change")} in a minute</span>}
        {isNow && <span className={styles.now}> · Now</span>}
      </span>
    </button>
  );
}
