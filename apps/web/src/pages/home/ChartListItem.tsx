import type { ChartListItem as ChartSummary } from "@rolemap/contract";
import { useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/client";
import { useRenameChart } from "../../api/hooks";
import { ACCESS_LABELS } from "../../auth/access";
import { accountOf, useSession } from "../../auth/hooks";
import { InlineEditInput } from "../../components/InlineEditInput";
import { RelativeTime } from "../../components/RelativeTime";
import { SeverityBadges } from "../../components/SeverityBadges";
import styles from "./ChartList.module.css";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ChartListItem({
  chart,
  onDelete,
}: {
  chart: ChartSummary;
  onDelete(chart: ChartSummary): void;
}) {
  const [isRenaming, setRenaming] = useState(false);
  const rename = useRenameChart();
  const { counts } = chart;
  const isOwner = chart.access === "owner";
  // Someone else's chart (even one they made this person a co-owner of).
  const isShared = chart.owner.id !== accountOf(useSession().data)?.id;

  return (
    <li className={styles.row} data-testid="chart-row" data-chart-id={chart.id}>
      <div className={styles.main}>
        {isRenaming ? (
          <InlineEditInput
            initialValue={chart.name}
            label="Chart name"
            testId="rename-input"
            onCancel={() => setRenaming(false)}
            onCommit={(name) => {
              setRenaming(false);
              rename.mutate({ id: chart.id, name });
            }}
          />
        ) : (
          <Link to={`/charts/${chart.id}`} className={styles.name} data-testid="chart-link">
            {chart.name}
          </Link>
        )}
        {isShared && (
          <span className={styles.shared} data-testid="shared-with-me">
            Shared with me by {chart.owner.name} · {ACCESS_LABELS[chart.access].toLowerCase()}
          </span>
        )}
        <span className={styles.meta}>
          {count(counts.roles, "role", "roles")} ·{" "}
          {count(counts.responsibilities, "responsibility", "responsibilities")} · changed{" "}
          <RelativeTime iso={chart.updatedAt} />
        </span>
      </div>
      <div className={styles.findings}>
        <SeverityBadges errors={counts.errors} warnings={counts.warnings} infos={counts.infos} />
      </div>
      {isOwner && (
        <div className={styles.actions}>
          <button
            type="button"
            className="button button-small"
            onClick={() => setRenaming(true)}
            disabled={isRenaming}
            aria-label={`Rename ${chart.name}`}
            data-testid="rename-button"
          >
            Rename
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => onDelete(chart)}
            aria-label={`Delete ${chart.name}`}
            data-testid="delete-button"
          >
            Delete
          </button>
        </div>
      )}
      {rename.isError && (
        <p className={`${styles.rowError} field-error`} role="alert">
          Renaming failed: {describeError(rename.error)}
        </p>
      )}
    </li>
  );
}
