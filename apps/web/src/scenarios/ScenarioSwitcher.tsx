import { useEffect, useId, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import type { ChartEditor } from "../editor";
import { BranchIcon } from "./BranchIcon";
import styles from "./ScenarioSwitcher.module.css";
import { type SwitcherItem, SwitcherMenu } from "./SwitcherMenu";
import { chartPath, comparePath, promotedOf } from "./scenario-paths";
import { useNewScenario } from "./use-new-scenario";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The chart header's scenario switcher: "Primary" and each scenario of the primary by name,
 * the open one checked; "Compare with primary" on a scenario; "New scenario…" for those who
 * may edit the primary. Short, for a full header: "Primary · 2" or an amber "Scenario"
 * (whose scenario it is: its tooltip, and the banner under the header, ScenarioBanner).
 */
export function ScenarioSwitcher({ editor }: { editor: ChartEditor }) {
  const chartId = editor.chartId;
  const { family, primaryName, canCreate, start, dialog } = useNewScenario(editor);
  const { isScenario, primaryId } = family;
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  usePromotedNotice(editor);

  const primaryRecord = family.primary.data;
  const scenarios = family.scenarios.data?.scenarios ?? [];

  if (family.current === undefined) return null;
  // Nothing to switch to and nothing to make: no control at all.
  if (!isScenario && scenarios.length === 0 && !canCreate) return null;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const items: SwitcherItem[] = [];
  if (!isScenario || primaryRecord !== undefined)
    items.push({
      key: "primary",
      label: "Primary",
      hint: primaryName,
      checked: !isScenario,
      onSelect: () => !isScenario || navigate(chartPath(primaryId)),
      testId: "scenario-item-primary",
    });
  for (const scenario of scenarios)
    items.push({
      key: scenario.id,
      label: scenario.name,
      hint:
        scenario.promotedVersion === null
          ? `by ${scenario.createdBy.name}`
          : `promoted (version ${scenario.promotedVersion} of the primary)`,
      checked: scenario.id === chartId,
      onSelect: () => scenario.id === chartId || navigate(chartPath(scenario.id)),
      testId: "scenario-item",
    });
  if (family.scenarios.isError)
    items.push({
      key: "retry",
      label: "Scenarios could not be loaded",
      hint: "Try again",
      onSelect: () => void family.scenarios.refetch(),
      testId: "scenario-retry",
    });
  if (isScenario && primaryRecord !== undefined)
    items.push({
      key: "compare",
      label: "Compare with primary",
      separated: true,
      onSelect: () => navigate(comparePath(primaryId, chartId)),
      testId: "scenario-compare-item",
    });
  if (canCreate)
    items.push({
      key: "new",
      label: "New scenario…",
      hint: `a copy of ${primaryName}`,
      separated: !(isScenario && primaryRecord !== undefined),
      onSelect: start,
      testId: "new-scenario-item",
    });

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: leaving the button and its menu closes the menu; the button is the control.
    <div
      className={styles.switcher}
      data-testid="scenario-switcher"
      data-scenario={isScenario}
      data-empty={!isScenario && scenarios.length === 0}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={`${styles.button} ${isScenario ? styles.scenario : ""}`}
        aria-label={
          isScenario
            ? `Scenario of ${primaryName}`
            : `Primary: ${plural(scenarios.length, "scenario", "scenarios")}`
        }
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        title={
          isScenario
            ? `A what-if scenario of ${primaryName}: changes here do not touch it until promoted`
            : "Scenarios: what-if copies of this chart"
        }
        onClick={() => setOpen(!isOpen)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
          }
        }}
        data-testid="scenario-button"
      >
        <BranchIcon />
        <span className={styles.label} data-testid="scenario-marker">
          {isScenario ? "Scenario" : "Primary"}
          {!isScenario && scenarios.length > 0 && (
            <span className={styles.count}> · {scenarios.length}</span>
          )}
        </span>
        <span className={styles.caret} aria-hidden="true">
          ▾
        </span>
      </button>
      {isOpen && (
        <SwitcherMenu id={menuId} label="Primary and scenarios" items={items} onClose={close} />
      )}
      {dialog}
    </div>
  );
}

/**
 * After a promote the compare view opens the primary with `{promoted}` in the router state:
 * said once as the editor's notice, then taken out of the history entry.
 */
function usePromotedNotice(editor: ChartEditor) {
  const location = useLocation();
  const navigate = useNavigate();
  const promoted = promotedOf(location.state);
  const name = promoted?.name ?? null;
  const version = promoted?.version ?? null;
  const { pathname, search } = location;
  useEffect(() => {
    if (name === null || version === null) return;
    editor.notify(`“${name}” was promoted into this chart as version ${version}.`);
    navigate(`${pathname}${search}`, { replace: true, state: null });
  }, [name, version, editor, navigate, pathname, search]);
}
