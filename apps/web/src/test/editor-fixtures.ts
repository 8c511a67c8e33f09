import type {
  AccessLevel,
  ChartDocument,
  ChartRecord,
  OperationsBody,
  OperationsResponse,
} from "@rolemap/contract";
import { applyOperations, getTemplate, validateChart } from "@rolemap/domain";
import { ApiError } from "../api/client";
import { type ChartEditorOptions, createChartEditor } from "../editor/chart-editor";
import type { ChartEditor, EditorTransport } from "../editor/types";

export const CHART_ID = "0b6a3c2e-8f55-4f0b-9d55-2f1f1b9c1a01";

/** A stored chart: the classic-split template unless a document is given. */
export function chartRecord(
  document?: ChartDocument,
  version = 1,
  access: AccessLevel = "owner",
): ChartRecord {
  const template = getTemplate("classic-split");
  if (document === undefined && template === undefined) throw new Error("no classic-split");
  return {
    id: CHART_ID,
    version,
    updatedAt: "2026-11-23T10:00:00.000Z",
    document: document ?? (template?.document as ChartDocument),
    access,
  };
}

/**
 * An in-memory server for one chart, as the API behaves: batches apply all or nothing and
 * bump the version; a stale `version` gets 409. `fail` makes the next calls throw.
 */
export class FakeServer implements EditorTransport {
  record: ChartRecord;
  posted: OperationsBody[] = [];
  /** Errors to throw from the next postOperations calls, in order. */
  failures: unknown[] = [];
  /** When set, postOperations waits for this before answering. */
  gate: Promise<void> | null = null;

  constructor(record: ChartRecord = chartRecord()) {
    this.record = record;
  }

  async postOperations(chartId: string, body: OperationsBody): Promise<OperationsResponse> {
    this.posted.push(body);
    if (this.gate !== null) await this.gate;
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    if (chartId !== this.record.id) throw new Error(`unknown chart ${chartId}`);
    if (body.version !== undefined && body.version !== this.record.version)
      throw new ApiError(409, "version_conflict", "The chart has changed");
    const result = applyOperations(this.record.document, body.operations);
    if (!result.ok) throw new ApiError(400, "invalid_input", "Invalid operations", result.issues);
    this.record = {
      ...this.record,
      version: this.record.version + 1,
      updatedAt: new Date(Date.parse(this.record.updatedAt) + 1000).toISOString(),
      document: result.document,
    };
    return {
      id: this.record.id,
      version: this.record.version,
      updatedAt: this.record.updatedAt,
      findings: validateChart(this.record.document),
    };
  }

  async getChart(): Promise<ChartRecord> {
    return this.record;
  }

  /** Someone else's edit, straight on the server. */
  editElsewhere(operations: OperationsBody["operations"]) {
    const result = applyOperations(this.record.document, operations);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    this.record = { ...this.record, version: this.record.version + 1, document: result.document };
  }
}

/** A real editor over a FakeServer, online, with no background listeners. */
export function createTestEditor(
  options: Partial<ChartEditorOptions> & { server?: FakeServer } = {},
): { editor: ChartEditor; server: FakeServer } {
  const server = options.server ?? new FakeServer(options.record);
  const editor = createChartEditor({
    record: server.record,
    transport: server,
    isOnline: () => true,
    onOnline: () => () => {},
    ...options,
  });
  return { editor, server };
}

/** Resolves once every queued batch is saved (or the queue stops). */
export async function settle(editor: ChartEditor, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    if (editor.getState().save.status !== "saving") return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
