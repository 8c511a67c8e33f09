import { useContext, useEffect, useId, useState } from "react";
import { ChartCanvas } from "../../canvas/ChartCanvas";
import { CommentsPanel } from "../../comments/CommentsPanel";
import { CommentsProvider } from "../../comments/CommentsProvider";
import { ALL_OPEN, CommentMarkersContext, useOpenCommentCount } from "../../comments/comment-marks";
import {
  type ChartEditor,
  selectChartName,
  selectFindings,
  selectIsOwner,
  useEditorSelector,
  useUndoRedoShortcuts,
  useWarnBeforeLeavingUnsaved,
} from "../../editor";
import { FindingsPanel } from "../../findings/FindingsPanel";
import { FindingsStrip } from "../../findings/FindingsStrip";
import { HistoryPanel } from "../../history/HistoryPanel";
import { PreviewBanner } from "../../history/PreviewBanner";
import { RestoreDialog } from "../../history/RestoreDialog";
import { useVersionPreview } from "../../history/use-version-preview";
import {
  ExportDialog,
  ImportDialog,
  usePreloadedInterchangeDialogs,
} from "../../interchange/lazy-dialogs";
import { useAfterFirstPaint } from "../../lib/use-after-first-paint";
import { usePersistentState } from "../../lib/use-persistent-state";
import { ResponsibilityMatrix } from "../../matrix/ResponsibilityMatrix";
import { SilentRoundProvider } from "../../rounds/SilentRoundProvider";
import { ScenarioBanner } from "../../scenarios/ScenarioBanner";
import { ShareDialog } from "../../share/ShareDialog";
import { WorkshopEditorContext } from "../../workshop/workshop-context";
import { ChartHeader } from "./ChartHeader";
import styles from "./ChartWorkspace.module.css";
import { NoticeBanner } from "./NoticeBanner";
import { PanelPlaceholder } from "./PanelPlaceholder";
import { PresentationBar } from "./PresentationBar";
import { type SideTab, SideTabs, sideTabId } from "./SideTabs";
import { Splitter } from "./Splitter";
import { usePresentationMode } from "./use-presentation-mode";

const MATRIX_MIN = 160;
/** About 40% of the window: enough rows to work in on a projector's 1280×800. */
const matrixDefault = () =>
  typeof window === "undefined" ? 400 : Math.max(MATRIX_MIN, Math.round(window.innerHeight * 0.4));

/** The comments or the history, in the findings' column (its other tabs) while chosen. */
export type SidePanel = "comments" | "history";
const SIDE_PANELS: readonly string[] = ["comments", "history"];

const SIDE_NAMES: Record<SideTab, string> = {
  findings: "Findings",
  comments: "Comments",
  history: "History",
};

/** The side column's state: whether it is open, and which tab (null: the findings). */
interface SideColumn {
  isOpen: boolean;
  panel: SidePanel | null;
  /** Opens the column on a tab. */
  open(tab: SideTab): void;
  close(): void;
}

/**
 * The chart page once loaded: header, notices, and the canvas, matrix and findings regions;
 * the comments or the history instead of the findings when open. While a past version is
 * previewed (the history), the canvas, matrix and findings show it, read-only.
 */
export function ChartWorkspace({ editor }: { editor: ChartEditor }) {
  const [storedSide, setStoredSide] = usePersistentState<string>("rolemap.sidePanel", "");
  const [isOpen, setOpen] = usePersistentState<boolean>("rolemap.findingsOpen", true);
  const side: SideColumn = {
    isOpen,
    panel: SIDE_PANELS.includes(storedSide) ? (storedSide as SidePanel) : null,
    open(tab) {
      setStoredSide(tab === "findings" ? "" : tab);
      setOpen(true);
    },
    close: () => setOpen(false),
  };
  return (
    <CommentsProvider editor={editor} onOpenPanel={() => side.open("comments")}>
      <Workspace editor={editor} side={side} />
    </CommentsProvider>
  );
}

function Workspace({ editor, side }: { editor: ChartEditor; side: SideColumn }) {
  const preview = useVersionPreview(editor);
  const markers = useContext(CommentMarkersContext);
  // What the canvas, matrix and findings read: a past version's read-only editor, or the live one.
  const shown = preview.editor ?? editor;
  const isPreviewing = preview.selected !== null;
  const [restoring, setRestoring] = useState<typeof preview.selected>(null);
  const isOwner = useEditorSelector(editor, selectIsOwner);
  const name = useEditorSelector(editor, selectChartName);
  const findingCount = useEditorSelector(shown, (s) => selectFindings(s).length);
  const [isMatrixOpen, setMatrixOpen] = usePersistentState<boolean>("rolemap.matrixOpen", true);
  const [matrixHeight, setMatrixHeight] = usePersistentState<number>(
    "rolemap.matrixHeight",
    matrixDefault(),
  );
  const ids = { canvas: useId(), matrix: useId(), side: useId(), sidePanel: useId() };
  const [dialog, setDialog] = useState<"export" | "import-matrix" | "share" | null>(null);
  // The presentation view hides the header and the panels: the chart, its findings, its name.
  const presentation = usePresentationMode();
  const { isPresenting } = presentation;
  const showsMatrix = isMatrixOpen && !isPresenting;
  const tab: SideTab = side.panel ?? "findings";
  const showsSide = side.isOpen && !isPresenting;
  const showsFindings = showsSide && tab === "findings";
  const openComments = useOpenCommentCount(ALL_OPEN);
  // Leaving the history ends its preview: nothing read-only stays without its cause on screen.
  const showsHistory = showsSide && tab === "history";
  const closePreview = preview.close;
  useEffect(() => {
    if (!showsHistory) closePreview();
  }, [showsHistory, closePreview]);

  // While this page shows the editor, it stays in the workshop (live connection, presence).
  useEffect(() => editor.retain(), [editor]);
  // While previewing, the shortcuts reach the read-only editor: they change nothing.
  useUndoRedoShortcuts(shown);
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
          isFindingsOpen={showsFindings}
          onToggleFindings={() => (showsFindings ? side.close() : side.open("findings"))}
          sidePanel={showsSide ? side.panel : null}
          onToggleSidePanel={(panel) =>
            showsSide && tab === panel ? side.close() : side.open(panel)
          }
          isPreviewing={isPreviewing}
          findingCount={findingCount}
          onImportMatrix={() => setDialog("import-matrix")}
          onExport={() => setDialog("export")}
          onShare={() => setDialog("share")}
          onPresent={presentation.enter}
        />
      )}
      <NoticeBanner editor={editor} />
      {!isPresenting && <ScenarioBanner editor={editor} />}
      <PreviewBanner
        preview={preview}
        canRestore={isOwner}
        onRestore={() => setRestoring(preview.selected)}
      />
      <div className={styles.body} data-findings-open={showsSide}>
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
            <CommentMarkersContext.Provider value={isPreviewing ? null : markers}>
              <ChartCanvas
                key={isPreviewing ? "preview" : "live"}
                editor={shown}
                isPresenting={isPresenting}
              />
            </CommentMarkersContext.Provider>
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
                    <WorkshopEditorContext.Provider value={shown}>
                      <CommentMarkersContext.Provider value={isPreviewing ? null : markers}>
                        {/* A silent round makes its cells private entry (rounds/). */}
                        <SilentRoundProvider editor={editor} enabled={!isPreviewing}>
                          <ResponsibilityMatrix
                            key={isPreviewing ? "preview" : "live"}
                            editor={shown}
                          />
                        </SilentRoundProvider>
                      </CommentMarkersContext.Provider>
                    </WorkshopEditorContext.Provider>
                  ) : (
                    <PanelPlaceholder label="Loading the responsibility matrix…" />
                  )}
                </div>
              </section>
            </>
          )}
          {isPresenting && <FindingsStrip editor={shown} />}
        </div>
        {showsSide && (
          <aside
            className={`${styles.panel} ${styles.findings}`}
            aria-labelledby={ids.side}
            data-testid={`${tab}-region`}
          >
            <header className={styles.panelHeader}>
              <h2 id={ids.side} className="visually-hidden">
                {SIDE_NAMES[tab]}
              </h2>
              <SideTabs
                tab={tab}
                onSelect={side.open}
                idBase={ids.side}
                panelId={ids.sidePanel}
                labels={{
                  findings: { name: "Findings", count: findingCount },
                  comments: { name: "Comments", count: openComments },
                  history: { name: "History" },
                }}
              />
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={side.close}
                title="Hide the side panel"
              >
                <span aria-hidden="true">✕</span>
                <span className="visually-hidden">Hide</span>
              </button>
            </header>
            <div
              className={styles.panelBody}
              id={ids.sidePanel}
              role="tabpanel"
              aria-labelledby={sideTabId(ids.side, tab)}
            >
              {tab === "comments" ? (
                <CommentsPanel editor={editor} />
              ) : tab === "history" ? (
                <HistoryPanel editor={editor} preview={preview} />
              ) : arePanelsFilled ? (
                <FindingsPanel editor={shown} />
              ) : (
                <PanelPlaceholder label="Loading the findings…" />
              )}
            </div>
          </aside>
        )}
      </div>
      <RestoreDialog
        chartId={editor.chartId}
        version={restoring}
        onClose={() => setRestoring(null)}
        onRestored={() => {
          setRestoring(null);
          preview.close();
        }}
      />
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
