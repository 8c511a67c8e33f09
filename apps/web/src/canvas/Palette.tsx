import { memo, type ReactNode } from "react";
import { ARCHETYPE_MIME, ROLE_ARCHETYPES, type RoleArchetype } from "./archetypes";
import styles from "./Palette.module.css";

interface PaletteProps {
  /** Click or Enter: adds the role without dragging (under the selected role, if one is). */
  onAdd(archetype: RoleArchetype): void;
  /** Shown below the list (the legend). */
  children?: ReactNode;
}

/** Role archetypes to drag onto the canvas, or onto a role to make the new one report to it. */
function PaletteView({ onAdd, children }: PaletteProps) {
  return (
    <aside className={styles.palette} aria-labelledby="palette-heading" data-testid="palette">
      <h3 id="palette-heading" className={styles.heading}>
        Add a role
      </h3>
      <p className={styles.hint}>Drag onto the canvas — or onto a role to report to it.</p>
      <ul className={styles.list}>
        {ROLE_ARCHETYPES.map((archetype) => (
          <li key={archetype.id}>
            <button
              type="button"
              className={styles.item}
              draggable
              data-testid={`palette-${archetype.id}`}
              title={`${archetype.title}: ${archetype.description}`}
              aria-label={`Add ${archetype.title}`}
              onDragStart={(event) => {
                event.dataTransfer.setData(ARCHETYPE_MIME, archetype.id);
                event.dataTransfer.effectAllowed = "copy";
              }}
              onClick={() => onAdd(archetype)}
            >
              <span className={styles.grip} aria-hidden="true">
                ⠿
              </span>
              <span className={styles.label}>{archetype.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className={styles.footer}>{children}</div>
    </aside>
  );
}

export const Palette = memo(PaletteView);

/**
 * The canvas's left column: the palette for people who may edit, else only the legend
 * and a word on why there is nothing to add (the chart is read-only for them).
 */
export function CanvasSide({ canEdit, onAdd, children }: PaletteProps & { canEdit: boolean }) {
  if (canEdit) return <Palette onAdd={onAdd}>{children}</Palette>;
  return (
    <aside className={styles.palette} aria-label="Legend" data-testid="read-only-side">
      <p className={styles.hint}>
        You can look around this chart, select roles and export it, but not change it.
      </p>
      <div className={styles.footer}>{children}</div>
    </aside>
  );
}
