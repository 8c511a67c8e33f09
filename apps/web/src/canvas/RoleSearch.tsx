import { type KeyboardEvent, useId, useState } from "react";
import styles from "./ChartCanvas.module.css";

interface RoleSearchProps {
  /** Ids of the roles matching a query, best first. */
  search(query: string): readonly string[];
  /** Shows one match: reveals it, selects it and centres the view on it. */
  focus(roleId: string): void;
}

/** "Find a role": type a title or a holder; Enter (or the arrows) goes to the next match. */
export function RoleSearch({ search, focus }: RoleSearchProps) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<readonly string[]>([]);
  const [current, setCurrent] = useState(0);

  const show = (list: readonly string[], index: number) => {
    const target = list[index];
    setCurrent(index);
    if (target !== undefined) focus(target);
  };
  const step = (delta: number) => {
    if (matches.length === 0) return;
    show(matches, (current + delta + matches.length) % matches.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      setQuery("");
      setMatches([]);
    }
  };

  return (
    <search className={styles.search} aria-label="Find a role">
      <label htmlFor={id} className="visually-hidden">
        Find a role by title or holder
      </label>
      <input
        id={id}
        type="search"
        className={`input ${styles.searchInput}`}
        placeholder="Find a role or person…"
        value={query}
        data-testid="role-search"
        onChange={(event) => {
          const next = event.target.value;
          setQuery(next);
          const found = search(next);
          setMatches(found);
          show(found, 0);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() !== "" && (
        <span className={styles.searchCount} aria-live="polite" data-testid="search-count">
          {matches.length === 0 ? "No match" : `${current + 1} of ${matches.length}`}
        </span>
      )}
      {matches.length > 1 && (
        <>
          <button
            type="button"
            className="button button-small"
            aria-label="Previous match"
            onClick={() => step(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label="Next match"
            onClick={() => step(1)}
          >
            ↓
          </button>
        </>
      )}
    </search>
  );
}
