import { useEffect, useId, useState } from "react";
import { ChartCanvas } from "../../canvas/ChartCanvas";
import {
  type ChartEditor,
  selectChartName,
  selectFindings,
  useEditorSelector,
  useUndoRedoShortcuts,
  useWarnBeforeLeavingUnsaved,
} from "../../editor";
import { FindingsPanel } from "../../findings/FindingsPanel";
import { FindingsStrip } from "../../findings/FindingsStrip";
import {
  ExportDialog,
  ImportDialog,
  usePreloadedInterchangeDialogs,
} from "../../interchange/lazy-dialogs";
import { useAfterFirstPaint } from "../../lib/use-after-first-paint";
import { usePersistentState } from "../../lib/use-persistent-state";
import { ResponsibilityMatrix } from "../../matrix/ResponsibilityMatrix";
import { SilentRoundProvider } from "../../rounds/SilentRoundProvider";
import { ShareDialog } from "../../share/ShareDialog";
import { WorkshopEditorContext } from "../../workshop/workshop-context";
import { ChartHeader } from "./ChartHeader";
import styles from "./ChartWorkspace.module.css";
import { NoticeBanner } from "./NoticeBanner";
import { PanelPlaceholder } from "./PanelPlaceholder";
import { PresentationBar } from "./PresentationBar";
import { Splitter } from "./Splitter";
import { usePresentationMode } from "./use-presentation-mode";

const MATRIX_MIN = 160;
/** About 40% of the window: enough rows to work in on a projector's 1280×800. */
const matrixDefault = () =>
  typeof window === "undefined" ? 400 : Math.max(MATRIX_MIN, Math.round(window.innerHeight * 0.4));

/** The chart page once loaded: header, notices, and the canvas, matrix and findings regions. */
export function ChartWorkspace({ editor }: { editor: ChartEditor }) {
  const name = useEditorSelector(editor, selectChartName);
  const findingCount = useEditorSelector(editor, (s) => selectFindings(s).length);
  const [isMatrixOpen, setMatrixOpen] = usePersistentState<boolean>("rolemap.matrixOpen", true);
  const [isFindingsOpen, setFindingsOpen] = usePersistentState<boolean>(
    "rolemap.findingsOpen",
    true,
  );
  const [matrixHeight, setMatrixHeight] = usePersistentState<number>(
    "rolemap.matrixHeight",
    matrixDefault(),
  );
  const ids = { canvas: useId(), matrix: useId(), findings: useId() };
  const [dialog, setDialog] = useState<"export" | "import-matrix" | "share" | null>(null);
  // The presentation view hides the header and the panels: the chart, its findings, its name.
  const presentation = usePresentationMode();
  const { isPresenting } = presentation;
  const showsMatrix = isMatrixOpen && !isPresenting;
  const showsFindings = isFindingsOpen && !isPresenting;

  // While this page shows the editor, it stays in the workshop (live connection, presence).
  useEffect(() => editor.retain(), [editor]);
  useUndoRedoShortcuts(editor);
  useWarnBeforeLeavingUnsaved(editor);
  useEffect(() => {
    document.title = `${name} – Rolemap`;
  }, [name]);
  usePreloadedInterchangeDialogs();
  // The matrix and findings fill in once the cards are on screen: the chart is what a person
  // looks at first, and the panels' rendering need not be part of the frame that shows it.
  const arePanelsFilled = useAfterFirstPaint();

  const maxMatrix = () => Math.max(MATRIX_MIN, window.innerHeight - 280);

  return (
    <div className={styles.workspace} data-presenting={isPresenting}>
      {isPresenting ? (
        <PresentationBar editor={editor} onExit={presentation.exit} />
      ) : (
        <ChartHeader
          editor={editor}
          isMatrixOpen={isMatrixOpen}
          onToggleMatrix={() => setMatrixOpen(!isMatrixOpen)}
          isFindingsOpen={isFindingsOpen}
          onToggleFindings={() => setFindingsOpen(!isFindingsOpen)}
          findingCount={findingCount}
          onImportMatrix={() => setDialog("import-matrix")}
          onExport={() => setDialog("export")}
          onShare={() => setDialog("share")}
          onPresent={presentation.enter}
        />
      )}
      <NoticeBanner editor={editor} />
      <div className={styles.body} data-findings-open={showsFindings}>
        <div
          className={styles.mainColumn}
          style={{
            gridTemplateRows: showsMatrix
              ? `minmax(0, 1fr) auto ${Math.min(matrixHeight, maxMatrix())}px`
              : isPresenting
                ? "minmax(0, 1fr) auto"
                : "minmax(0, 1fr)",
          }}
        >
          <section
            className={styles.canvas}
            aria-labelledby={ids.canvas}
            data-testid="canvas-region"
          >
            <h2 id={ids.canvas} className="visually-hidden">
              Org chart
            </h2>
            <ChartCanvas editor={editor} isPresenting={isPresenting} />
          </section>
          {showsMatrix && (
            <>
              <Splitter
                label="Resize the responsibility matrix"
                value={Math.min(matrixHeight, maxMatrix())}
                min={MATRIX_MIN}
                max={maxMatrix()}
                onChange={setMatrixHeight}
              />
              <section
                className={styles.panel}
                aria-labelledby={ids.matrix}
                data-testid="matrix-region"
              >
                <header className={styles.panelHeader}>
                  <h2 id={ids.matrix}>Responsibility matrix</h2>
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => setMatrixOpen(false)}
                  >
                    Hide
                  </button>
                </header>
                <div className={styles.panelBody}>
                  {arePanelsFilled ? (
                    // Peers' selected cells are outlined in their colours (workshop/).
                    <WorkshopEditorContext.Provider value={editor}>
                      {/* A silent round makes its cells private entry (rounds/). */}
                      <SilentRoundProvider editor={editor}>
                        <ResponsibilityMatrix editor={editor} />
                      </SilentRoundProvider>
                    </WorkshopEditorContext.Provider>
                  ) : (
                    <PanelPlaceholder label="Loading the responsibility matrix…" />
                  )}
                </div>
              </section>
            </>
          )}
          {isPresenting && <FindingsStrip editor={editor} />}
        </div>
        {showsFindings && (
          <aside
            className={`${styles.panel} ${styles.findings}`}
            aria-labelledby={ids.findings}
            data-testid="findings-region"
          >
            <header className={styles.panelHeader}>
              <h2 id={ids.findings}>
                Findings <span className={styles.count}>{findingCount}</span>
              </h2>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => setFindingsOpen(false)}
              >
                Hide
              </button>
            </header>
            <div className={styles.panelBody}>
              {arePanelsFilled ? (
                <FindingsPanel editor={editor} />
              ) : (
                <PanelPlaceholder label="Loading the findings…" />
              )}
            </div>
          </aside>
        )}
      </div>
      <ExportDialog open={dialog === "export"} onClose={() => setDialog(null)} editor={editor} />
      <ImportDialog
        open={dialog === "import-matrix"}
        onClose={() => setDialog(null)}
        target={{ kind: "merge", editor }}
      />
      <ShareDialog
        open={dialog === "share"}
        onClose={() => setDialog(null)}
        chartId={editor.chartId}
        chartName={name}
      />
    </div>
  );
}
