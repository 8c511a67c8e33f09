import type { Round } from "@rolemap/contract";
import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import { useApiClient } from "../api/api-context";
import { describeError } from "../api/client";
import { type ChartEditor, selectDocument, useEditorSelector } from "../editor";
import { saveFile } from "../lib/save-file";
import { RemoveRoundDialog } from "./RemoveRoundDialog";
import styles from "./Rounds.module.css";
import { adoptionEdit, type RowSummary, summariseRows } from "./round-model";
import type { SilentRound } from "./silent-round-context";

const NO_LEADING = new Map();

/**
 * A revealed round: how many took part and the agenda (rows where people saw different
 * accountables) in one line; on demand, every row with what adopting it sets, the agenda
 * first. The facilitator adopts a row, downloads the votes and removes the round; anyone
 * hides it for themselves.
 */
export function RoundResults({ round, editor }: { round: SilentRound; editor: ChartEditor }) {
  const current = round.round as Round;
  const document = useEditorSelector(editor, selectDocument);
  const leading = round.leading ?? NO_LEADING;
  const summaries = useMemo(
    () => summariseRows(current, document, leading),
    [current, document, leading],
  );
  const agenda = summaries.filter((row) => row.disagree);
  const agreed = summaries.filter((row) => !row.disagree);
  const [isRemoving, setRemoving] = useState(false);
  // The tally is in the cells; the rows' list (adopting a row) opens on demand, so the
  // matrix keeps its room.
  const [isListOpen, setListOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const api = useApiClient();
  const download = useMutation({
    mutationFn: () => api.downloadRoundVotes(current.chartId, current.id),
    onSuccess: (file) => {
      if (container.current !== null)
        saveFile(file.blob, file.filename ?? "round-votes.csv", container.current);
    },
  });
  const isAdopted = (id: string) => adoptionEdit(document, current, leading, id) === null;

  const row = (summary: RowSummary) => (
    <RowLine
      key={summary.id}
      summary={summary}
      showAdopt={round.isFacilitator}
      isAdopted={isAdopted(summary.id)}
      canAdopt={round.canAdopt}
      onAdopt={() => round.adoptRow(summary.id)}
    />
  );

  const listId = useId();
  return (
    <div ref={container}>
      <section
        className={styles.banner}
        aria-label="Silent round results"
        data-testid="round-results-banner"
      >
        <p className={styles.bannerText}>
          Silent round revealed · {current.participants}{" "}
          {current.participants === 1 ? "person" : "people"} filled in ·{" "}
          {agenda.length === 0 ? (
            "everyone saw the same accountables"
          ) : (
            <>
              {agenda.length} {agenda.length === 1 ? "row" : "rows"} to discuss:{" "}
              <span data-testid="round-agenda-names">{namesOf(agenda)}</span>
            </>
          )}
        </p>
        <div className={styles.bannerActions}>
          <button
            type="button"
            className="button button-small"
            onClick={() => setListOpen(!isListOpen)}
            aria-expanded={isListOpen}
            aria-controls={listId}
            data-testid="round-results-toggle"
          >
            {isListOpen ? "Hide rows" : "Rows and adopting"}
          </button>
          {round.isFacilitator && (
            <>
              <button
                type="button"
                className="button button-small"
                onClick={() => download.mutate()}
                disabled={download.isPending}
                data-testid="round-download"
              >
                {download.isPending ? "Downloading…" : "Votes (CSV)"}
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => setRemoving(true)}
                data-testid="round-remove"
              >
                Remove…
              </button>
            </>
          )}
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={round.dismiss}
            title="Puts the results away for you; the round stays for the others"
            data-testid="round-hide"
          >
            Hide results
          </button>
        </div>
        {download.error !== null && (
          <p className={styles.error} role="alert">
            The votes could not be downloaded: {describeError(download.error)}
          </p>
        )}
      </section>
      {isListOpen && (
        <div className={styles.results} id={listId} data-testid="round-results">
          {summaries.length === 0 ? (
            <p className={styles.muted}>
              No one filled in the round's rows, or they are no longer in the chart.
            </p>
          ) : (
            <>
              {agenda.length > 0 && (
                <>
                  <h3>The agenda: different accountables</h3>
                  <ul className={styles.rowList} data-testid="round-agenda">
                    {agenda.map(row)}
                  </ul>
                </>
              )}
              {agreed.length > 0 && (
                <>
                  <h3>{agenda.length > 0 ? "Agreed" : "Rows"}</h3>
                  <ul className={styles.rowList} data-testid="round-agreed">
                    {agreed.map(row)}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      )}
      {round.isFacilitator && (
        <RemoveRoundDialog round={current} open={isRemoving} onClose={() => setRemoving(false)} />
      )}
    </div>
  );
}

/** "IT budget, Security and 2 more". */
function namesOf(rows: readonly RowSummary[]): string {
  const shown = rows.slice(0, 3).map((row) => row.name);
  const more = rows.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function RowLine({
  summary,
  showAdopt,
  isAdopted,
  canAdopt,
  onAdopt,
}: {
  summary: RowSummary;
  showAdopt: boolean;
  /** The chart already has the row's result. */
  isAdopted: boolean;
  canAdopt: boolean;
  onAdopt(): void;
}) {
  const { name, voters, accountables, disagree, disagreements, leading } = summary;
  return (
    <li
      className={styles.rowItem}
      data-disagree={disagree || undefined}
      data-testid={`round-row-${summary.id}`}
    >
      <span className={styles.rowName}>{name}</span>
      {disagree && <span className={styles.disagreeTag}>≠ different accountables</span>}
      <span className={styles.rowDetail}>
        {voters} {voters === 1 ? "person" : "people"} · accountable:{" "}
        {accountables === "" ? "no one" : accountables}
        {disagreements > 0 &&
          ` · ${disagreements} ${disagreements === 1 ? "cell differs" : "cells differ"}`}
        {` · most chose ${leading === "" ? "no codes" : leading}`}
      </span>
      {showAdopt && (
        <button
          type="button"
          className="button button-small"
          onClick={onAdopt}
          disabled={isAdopted || !canAdopt}
          aria-label={`Adopt the result on ${name}`}
          title="Sets each role of the round on this row to the codes most people chose (A: the role most saw as accountable)"
          data-testid={`round-adopt-${summary.id}`}
        >
          {!isAdopted ? "Adopt row" : leading === "" ? "Nothing to adopt" : "In the chart"}
        </button>
      )}
    </li>
  );
}
