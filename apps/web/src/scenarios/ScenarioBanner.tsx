import { Link } from "react-router";
import type { ChartEditor } from "../editor";
import { BranchIcon } from "./BranchIcon";
import styles from "./ScenarioSwitcher.module.css";
import { chartPath, comparePath } from "./scenario-paths";
import { useScenarioFamily } from "./scenario-queries";

/**
 * Under the header of a scenario's page, at every width: whose scenario this is (so nobody
 * edits it thinking it is the primary), and the way to the comparison and to the primary.
 * Nothing on a primary.
 */
export function ScenarioBanner({ editor }: { editor: ChartEditor }) {
  const { isScenario, primaryId, primary } = useScenarioFamily(editor.chartId);
  if (!isScenario) return null;
  const name = primary.data?.document.name;
  return (
    <section className={styles.banner} aria-label="Scenario" data-testid="scenario-banner">
      <span className={styles.bannerIcon}>
        <BranchIcon size={20} />
      </span>
      <p className={styles.bannerText}>
        <strong>Scenario of {name ?? "another chart"}</strong>
        <span className={styles.bannerHint}>
          {" "}
          · a what-if copy: changes here do not touch {name ?? "it"} until someone promotes them.
        </span>
      </p>
      {name !== undefined && (
        <>
          <Link
            to={comparePath(primaryId, editor.chartId)}
            className="button button-small"
            data-testid="compare-button"
          >
            Compare with primary
          </Link>
          <Link to={chartPath(primaryId)} className="button button-small button-ghost">
            Open {name}
          </Link>
        </>
      )}
    </section>
  );
}
