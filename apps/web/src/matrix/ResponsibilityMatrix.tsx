import { useCallback, useId, useMemo, useState } from "react";
import { type ChartEditor, selectCanEdit, selectSelection, useEditorSelector } from "../editor";
import { SilentRoundBar } from "../rounds/SilentRoundBar";
import { SilentRoundButton } from "../rounds/SilentRoundButton";
import { AddRowForm } from "./AddRowForm";
import { CODE_NAMES, DISPLAY_ORDER } from "./codes";
import { MatrixGrid } from "./MatrixGrid";
import styles from "./ResponsibilityMatrix.module.css";
import { RoleFilterBar } from "./RoleFilterBar";
import { defaultRoleFilter, filterColumns, type RoleFilter } from "./role-filter";
import { addRowEdit, categoriesOf } from "./row-operations";
import { useMatrixModel } from "./use-matrix-model";

/** Selections made by adding a row: the grid scrolls to the new row. */
const ADD_ROW_ORIGIN = "matrix-add";

/**
 * The responsibility matrix of the chart page: responsibilities as rows, roles as columns,
 * a RASCI code (or several) per cell. Every change is an operation batch on the editor, so
 * it is optimistic, saved, and undoable like any other edit.
 */
export function ResponsibilityMatrix({ editor }: { editor: ChartEditor }) {
  const model = useMatrixModel(editor);
  const selection = useEditorSelector(editor, selectSelection);
  const canEdit = useEditorSelector(editor, selectCanEdit);
  const [filter, setFilter] = useState<RoleFilter>(() =>
    defaultRoleFilter(editor.getState().document.roles.length),
  );
  const [editedRoles, setEditedRoles] = useState<ReadonlySet<string>>(() => new Set());
  const [isAdding, setIsAdding] = useState(false);
  const [isKeyShown, setKeyShown] = useState(false);
  const categoriesListId = useId();

  const pinnedRoles = useMemo(
    () => new Set([...editedRoles, ...selection.roles]),
    [editedRoles, selection.roles],
  );
  const columns = useMemo(
    () => filterColumns(model.columns, filter, { assignedRoles: model.assignedRoles, pinnedRoles }),
    [model.columns, model.assignedRoles, filter, pinnedRoles],
  );
  const categories = useMemo(() => categoriesOf(model.rows), [model.rows]);

  const onRoleEdited = useCallback((roleId: string) => {
    setEditedRoles((roles) => (roles.has(roleId) ? roles : new Set([...roles, roleId])));
  }, []);

  const addRow = (name: string, category: string) => {
    const edit = addRowEdit(editor.getState().document, { name, category });
    const operation = edit?.operations[0];
    if (edit === null || operation?.op !== "addResponsibility") return false;
    const result = editor.apply(edit.operations, edit.label);
    if (!result.ok) return false;
    editor.setSelection({
      responsibilities: [operation.responsibility.id],
      roles: [],
      origin: ADD_ROW_ORIGIN,
    });
    return true;
  };

  const hasRows = model.rows.length > 0;
  const hasRoles = model.columns.length > 0;

  return (
    <section className={styles.matrix} aria-label="Responsibility matrix" data-testid="matrix">
      <div className={styles.toolbar}>
        {hasRoles && (
          <RoleFilterBar
            filter={filter}
            onChange={setFilter}
            shown={columns.length}
            total={model.columns.length}
          />
        )}
        <button
          type="button"
          className={`button button-small button-ghost ${styles.keyButton}`}
          onClick={() => setKeyShown(!isKeyShown)}
          aria-expanded={isKeyShown}
          data-testid="matrix-key-toggle"
        >
          Key
        </button>
        <SilentRoundButton editor={editor} />
        {canEdit && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setIsAdding(true)}
            aria-expanded={isAdding}
            data-testid="add-row"
          >
            <span aria-hidden="true">+</span> Add responsibility
          </button>
        )}
      </div>
      <SilentRoundBar editor={editor} />
      {isKeyShown && (
        <p className={styles.legend} data-testid="matrix-key">
          {DISPLAY_ORDER.map((code) => (
            <span key={code} className={styles.legendItem}>
              <span className={styles[`menuCode${code}`]}>{code}</span> {CODE_NAMES[code]}
            </span>
          ))}
          {canEdit && (
            <span className={styles.legendKeys}>
              Click or Enter: menu · A R S C I: toggle a code · Delete: clear · F2: rename a row ·
              Alt+↑/↓: move it
            </span>
          )}
        </p>
      )}
      {isAdding && canEdit && (
        <AddRowForm
          categoriesListId={categoriesListId}
          onAdd={addRow}
          onClose={() => setIsAdding(false)}
        />
      )}
      <datalist id={categoriesListId}>
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      {hasRoles && columns.length === 0 && (
        <p className={styles.notice} data-testid="matrix-no-columns">
          No roles match this filter.{" "}
          <button
            type="button"
            className="button button-small"
            onClick={() => setFilter({ scope: "all", text: "" })}
          >
            Show all roles
          </button>
        </p>
      )}
      {hasRows ? (
        <MatrixGrid
          editor={editor}
          model={model}
          columns={columns}
          categoriesListId={categoriesListId}
          onRoleEdited={onRoleEdited}
        />
      ) : (
        <div className={styles.empty} data-testid="matrix-empty">
          <p className={styles.emptyTitle}>No responsibilities yet</p>
          <p>
            Rows are the areas of work — “Cybersecurity”, “Product development”. Add them, then
            decide for each role who is accountable, responsible, consulted or informed.
          </p>
          {!hasRoles && <p>Roles you place on the canvas become the columns.</p>}
          {!isAdding && canEdit && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setIsAdding(true)}
            >
              Add the first responsibility
            </button>
          )}
        </div>
      )}
    </section>
  );
}
