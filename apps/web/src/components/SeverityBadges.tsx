export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Findings by severity: colour, symbol and words, so it reads without colour too. */
export function SeverityBadges({ errors, warnings, infos }: SeverityCounts) {
  if (errors + warnings + infos === 0)
    return (
      <span className="badge badge-ok" data-testid="findings-none">
        <span aria-hidden="true">✓</span> No findings
      </span>
    );
  return (
    <span className="severity-badges">
      {errors > 0 && (
        <span className="badge badge-error" data-testid="findings-errors">
          <span aria-hidden="true">✕</span> {plural(errors, "error", "errors")}
        </span>
      )}
      {warnings > 0 && (
        <span className="badge badge-warning" data-testid="findings-warnings">
          <span aria-hidden="true">!</span> {plural(warnings, "warning", "warnings")}
        </span>
      )}
      {infos > 0 && (
        <span className="badge badge-info" data-testid="findings-infos">
          <span aria-hidden="true">i</span> {infos} info
        </span>
      )}
    </span>
  );
}
