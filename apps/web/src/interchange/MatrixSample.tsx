import type { ChartDocument, RaciCode } from "@rolemap/contract";
import { formatRaciCell, roleColumnLabels } from "@rolemap/interchange";
import { useMemo } from "react";
import styles from "./ExportDialog.module.css";

const ROWS = 8;
const ROLE_COLUMNS = 6;

/**
 * The first rows and role columns of the matrix file, headed as the export heads them
 * (`roleColumnLabels`: "Title (Holder)" where titles repeat).
 */
export function MatrixSample({ document }: { document: ChartDocument }) {
  const sample = useMemo(() => {
    const roles = document.roles.slice(0, ROLE_COLUMNS);
    const labels = roleColumnLabels(document.roles).slice(0, ROLE_COLUMNS);
    const rows = document.responsibilities.slice(0, ROWS);
    const wanted = new Set(rows.map((row) => row.id));
    const codes = new Map<string, RaciCode[]>();
    for (const assignment of document.assignments) {
      if (!wanted.has(assignment.responsibility)) continue;
      const key = `${assignment.responsibility}\u0000${assignment.role}`;
      codes.set(key, [...(codes.get(key) ?? []), assignment.code]);
    }
    return {
      columns: roles.map((role, at) => ({ id: role.id, label: labels[at] ?? role.title })),
      rows: rows.map((row) => ({
        id: row.id,
        name: row.name,
        category: row.category ?? "",
        cells: roles.map((role) => formatRaciCell(codes.get(`${row.id}\u0000${role.id}`) ?? [])),
      })),
    };
  }, [document]);

  if (document.responsibilities.length === 0)
    return (
      <p className={`${styles.frame} ${styles.frameMessage}`} data-testid="export-matrix-empty">
        This chart has no responsibilities yet: the file will hold only the header row with the
        roles.
      </p>
    );

  const moreRows = document.responsibilities.length - sample.rows.length;
  const moreColumns = document.roles.length - sample.columns.length;
  return (
    <div className={`${styles.frame} ${styles.matrixFrame}`}>
      <table className={styles.matrix} data-testid="export-matrix-sample">
        <thead>
          <tr>
            <th scope="col">Responsibility</th>
            <th scope="col">Category</th>
            {sample.columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
            {moreColumns > 0 && <th scope="col">+{moreColumns} more</th>}
          </tr>
        </thead>
        <tbody>
          {sample.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td>{row.category}</td>
              {row.cells.map((cell, at) => (
                <td key={sample.columns[at]?.id} className={styles.code}>
                  {cell}
                </td>
              ))}
              {moreColumns > 0 && <td aria-hidden="true">…</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {moreRows > 0 && (
        <p className={styles.more}>
          and {moreRows} more {moreRows === 1 ? "row" : "rows"}
        </p>
      )}
    </div>
  );
}
