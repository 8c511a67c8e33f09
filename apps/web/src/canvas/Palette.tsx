import { memo, type ReactNode } from "react";
import { usePersistentState } from "../lib/use-persistent-state";
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

/** Where the choice to fold the canvas's left column is remembered. */
export const PALETTE_OPEN_KEY = "rolemap.paletteOpen";

/**
 * The canvas's left column: the palette for people who may edit, else only the legend
 * and a word on why there is nothing to add (the chart is read-only for them). It folds
 * to a narrow strip with one button (remembered across visits), giving the chart the room.
 */
export function CanvasSide({ canEdit, onAdd, children }: PaletteProps & { canEdit: boolean }) {
  const [isOpen, setOpen] = usePersistentState<boolean>(PALETTE_OPEN_KEY, true);
  const what = canEdit ? "palette" : "legend";
  const toggle = (
    <button
      type="button"
      className={styles.toggle}
      aria-expanded={isOpen}
      aria-label={isOpen ? `Hide the ${what}` : `Show the ${what}`}
      title={isOpen ? `Hide the ${what}` : `Show the ${what}`}
      data-testid="palette-toggle"
      onClick={() => setOpen(!isOpen)}
    >
      <span aria-hidden="true">{isOpen ? "«" : "»"}</span>
    </button>
  );
  if (!isOpen) return <div className={styles.folded}>{toggle}</div>;
  if (canEdit)
    return (
      <div className={styles.side}>
        {toggle}
        <Palette onAdd={onAdd}>{children}</Palette>
      </div>
    );
  return (
    <div className={styles.side}>
      {toggle}
      <aside className={styles.palette} aria-label="Legend" data-testid="read-only-side">
        <p className={styles.hint}>
          You can look around this chart, select roles and export it, but not change it.
        </p>
        <div className={styles.footer}>{children}</div>
      </aside>
    </div>
  );
}
