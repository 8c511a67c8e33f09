import type {
  ChartListResponse,
  ChartRecord,
  CreateChartBody,
  ErrorCode,
  ExportOptions,
  FindingsResponse,
  ImportOptions,
  ImportPreview,
  InputIssue,
  OperationsBody,
  OperationsResponse,
  TemplatesResponse,
} from "@rolemap/contract";
import { LIVE_SUBPROTOCOL } from "@rolemap/contract/constants";
import type { LiveSocket } from "../editor/types";
import { type AccessApi, createAccessApi } from "./access-client";
import { type CommentsApi, createCommentsApi } from "./comments-client";
import { createHistoryApi, type HistoryApi } from "./history-client";
import { createRoundsApi, type RoundsApi } from "./rounds-client";
import { createScenariosApi, type ScenariosApi } from "./scenarios-client";

/** The API answered with an error: `{"error":{code,message,issues}}` and its HTTP status. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues: InputIssue[] = [],
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  /** No principal (never signed in, signed out, or a share link revoked): sign in again. */
  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code !== "invalid_credentials";
  }

  /** Worth sending again later: the server failed or is overloaded, the request was fine. */
  get isRetryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** No answer at all: the network or the server is down. Always worth retrying. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(override readonly cause: unknown) {
    super("Cannot reach the Rolemap server");
  }
}

export interface ApiClientOptions {
  /** Prefix of every path; "" for the same origin (the app is served by the API). */
  baseUrl?: string;
  /** Opens a WebSocket (the browser's by default). */
  webSocket?(url: string, protocol: string): LiveSocket;
  fetch?: typeof fetch;
}

export interface ListChartsParams {
  limit?: number;
  offset?: number;
}

/** An import as the API takes it; `preview` is chosen by the method called. */
export type ImportRequest = Omit<ImportOptions, "preview">;

/** A downloaded export: the file and the name the server gave it (Content-Disposition). */
export interface ExportedFile {
  blob: Blob;
  filename: string | null;
}

/** Every endpoint of apps/api, typed with the contract. Errors are ApiError or NetworkError. */
export interface ApiClient extends AccessApi, ScenariosApi, CommentsApi, HistoryApi, RoundsApi {
  listCharts(params?: ListChartsParams, signal?: AbortSignal): Promise<ChartListResponse>;
  getChart(id: string, signal?: AbortSignal): Promise<ChartRecord>;
  createChart(body: CreateChartBody): Promise<ChartRecord>;
  deleteChart(id: string): Promise<void>;
  postOperations(id: string, body: OperationsBody): Promise<OperationsResponse>;
  getFindings(id: string, signal?: AbortSignal): Promise<FindingsResponse>;
  listTemplates(signal?: AbortSignal): Promise<TemplatesResponse>;
  /** Checks a file and counts what it would create or merge; nothing is stored. */
  previewImport(request: ImportRequest, text: string, signal?: AbortSignal): Promise<ImportPreview>;
  /** A new chart from the file, or (with `into`) the chart the matrix was merged into. */
  importChart(request: ImportRequest, text: string): Promise<ChartRecord>;
  exportChart(id: string, options: ExportOptions, signal?: AbortSignal): Promise<ExportedFile>;
  /** The chart's live connection (`rolemap.live/v1`), authenticated by the session cookie. */
  openLive(id: string): LiveSocket;
}

/** `ws://…` or `wss://…` for an API path, from the API's base URL or the page's origin. */
export function liveUrl(baseUrl: string, path: string): string {
  const origin = typeof location === "undefined" ? "http://localhost" : location.href;
  const url = new URL(`${baseUrl}/api${path}`, origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/** The options a format uses, and no others: the URL stays readable. */
export function exportQuery(options: ExportOptions): string {
  const query = new URLSearchParams({ format: options.format });
  if (options.format === "png") query.set("scale", String(options.scale));
  if (options.format === "pdf") {
    query.set("page", options.page);
    query.set("fit", options.fit);
  }
  if (options.findings) query.set("findings", "true");
  return query.toString();
}

export function importQuery(request: ImportRequest, preview: boolean): string {
  const query = new URLSearchParams({ format: request.format });
  if (request.into !== undefined) query.set("into", request.into);
  if (request.name !== undefined) query.set("name", request.name);
  if (preview) query.set("preview", "true");
  return query.toString();
}

/** The file name of `Content-Disposition: attachment; filename="…"; filename*=UTF-8''…`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (header === null) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name === undefined || name === "" ? null : name;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** Reads `{"error":{…}}`; anything else (a proxy's HTML page, say) becomes a generic error. */
async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error !== undefined && typeof error.code === "string" && typeof error.message === "string")
    return new ApiError(
      response.status,
      error.code as ErrorCode,
      error.message,
      Array.isArray(error.issues) ? (error.issues as InputIssue[]) : [],
    );
  const code: ErrorCode = response.status === 404 ? "not_found" : "internal";
  return new ApiError(
    response.status,
    code,
    `The server could not answer (HTTP ${response.status}).`,
  );
}

export function createApiClient({
  baseUrl = "",
  fetch: fetchFn = (...args) => globalThis.fetch(...args),
  webSocket = (url, protocol) => new WebSocket(url, protocol),
}: ApiClientOptions = {}): ApiClient {
  interface RequestOptions {
    /** Sent as JSON. */
    body?: unknown;
    /** Sent as it is: a file to import. */
    text?: string;
    signal?: AbortSignal | undefined;
    accept?: string;
  }

  /** The successful response, or ApiError / NetworkError. */
  async function send(
    method: string,
    path: string,
    { body, text, signal, accept = "application/json" }: RequestOptions,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (text !== undefined) headers["Content-Type"] = "text/plain; charset=utf-8";
    else if (body !== undefined) headers["Content-Type"] = "application/json";
    const payload =
      text !== undefined
        ? { body: text }
        : body !== undefined
          ? { body: JSON.stringify(body) }
          : {};
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}/api${path}`, {
        method,
        headers,
        ...payload,
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new NetworkError(cause);
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const response = await send(method, path, options);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** A file (an export): its bytes and the name the server gave it. */
  async function download(path: string, signal?: AbortSignal): Promise<ExportedFile> {
    const response = await send("GET", path, { signal, accept: "*/*" });
    let blob: Blob;
    try {
      blob = await response.blob();
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new NetworkError(cause);
    }
    return {
      blob,
      filename: filenameFromDisposition(response.headers.get("Content-Disposition")),
    };
  }

  const chartPath = (id: string) => `/charts/${encodeURIComponent(id)}`;

  return {
    ...createAccessApi(request),
    ...createScenariosApi(request, download),
    ...createCommentsApi(request),
    ...createHistoryApi(request),
    ...createRoundsApi(request, download),
    listCharts: ({ limit = 50, offset = 0 } = {}, signal) =>
      request("GET", `/charts?limit=${limit}&offset=${offset}`, { signal }),
    getChart: (id, signal) => request("GET", chartPath(id), { signal }),
    createChart: (body) => request("POST", "/charts", { body }),
    deleteChart: (id) => request("DELETE", chartPath(id)),
    postOperations: (id, body) => request("POST", `${chartPath(id)}/operations`, { body }),
    getFindings: (id, signal) => request("GET", `${chartPath(id)}/findings`, { signal }),
    listTemplates: (signal) => request("GET", "/templates", { signal }),
    previewImport: (importRequest, text, signal) =>
      request("POST", `/charts/import?${importQuery(importRequest, true)}`, { text, signal }),
    importChart: (importRequest, text) =>
      request("POST", `/charts/import?${importQuery(importRequest, false)}`, { text }),
    openLive: (id) => webSocket(liveUrl(baseUrl, `${chartPath(id)}/live`), LIVE_SUBPROTOCOL),
    exportChart: (id, options, signal) =>
      download(`${chartPath(id)}/export?${exportQuery(options)}`, signal),
  };
}

/** A short sentence for people from any error the client throws. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.issues[0];
    return first === undefined ? error.message : `${error.message} (${first.message})`;
  }
  if (error instanceof NetworkError) return "Cannot reach the Rolemap server.";
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
