import styles from "./ResponsibilityMatrix.module.css";
import type { RoleFilter, RoleScope } from "./role-filter";

export interface RoleFilterBarProps {
  filter: RoleFilter;
  onChange(filter: RoleFilter): void;
  shown: number;
  total: number;
}

/** "Roles shown": all roles or only those involved, narrowed by a search. */
export function RoleFilterBar({ filter, onChange, shown, total }: RoleFilterBarProps) {
  return (
    <fieldset className={styles.filter} data-testid="matrix-role-filter">
      <legend className="visually-hidden">Roles shown</legend>
      <label className={styles.filterField}>
        <span className={styles.filterLabel}>Roles shown</span>
        <select
          className={`input ${styles.filterSelect}`}
          value={filter.scope}
          onChange={(event) => onChange({ ...filter, scope: event.target.value as RoleScope })}
          title="Involved: roles holding a code here, selected, or edited in this session"
          data-testid="matrix-role-scope"
        >
          <option value="all">All</option>
          <option value="involved">Involved</option>
        </select>
      </label>
      <input
        type="search"
        className={`input ${styles.filterSearch}`}
        placeholder="Filter roles…"
        aria-label="Filter roles by title, holder or department"
        value={filter.text}
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
        data-testid="matrix-role-search"
      />
      <span className={styles.filterCount} aria-live="polite" data-testid="matrix-role-count">
        {shown === total
          ? `${total} ${total === 1 ? "role" : "roles"}`
          : `${shown} of ${total} roles`}
      </span>
    </fieldset>
  );
}
