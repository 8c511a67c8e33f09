import type {
  ChartListResponse,
  ChartRecord,
  CreateChartBody,
  ErrorCode,
  FindingsResponse,
  InputIssue,
  OperationsBody,
  OperationsResponse,
  TemplatesResponse,
} from "@rolemap/contract";

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
  fetch?: typeof fetch;
}

export interface ListChartsParams {
  limit?: number;
  offset?: number;
}

/** Every endpoint of apps/api, typed with the contract. Errors are ApiError or NetworkError. */
export interface ApiClient {
  listCharts(params?: ListChartsParams, signal?: AbortSignal): Promise<ChartListResponse>;
  getChart(id: string, signal?: AbortSignal): Promise<ChartRecord>;
  createChart(body: CreateChartBody): Promise<ChartRecord>;
  deleteChart(id: string): Promise<void>;
  postOperations(id: string, body: OperationsBody): Promise<OperationsResponse>;
  getFindings(id: string, signal?: AbortSignal): Promise<FindingsResponse>;
  listTemplates(signal?: AbortSignal): Promise<TemplatesResponse>;
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
}: ApiClientOptions = {}): ApiClient {
  async function request<T>(
    method: string,
    path: string,
    { body, signal }: { body?: unknown; signal?: AbortSignal | undefined } = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}/api${path}`, {
        method,
        headers: {
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new NetworkError(cause);
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const chartPath = (id: string) => `/charts/${encodeURIComponent(id)}`;

  return {
    listCharts: ({ limit = 50, offset = 0 } = {}, signal) =>
      request("GET", `/charts?limit=${limit}&offset=${offset}`, { signal }),
    getChart: (id, signal) => request("GET", chartPath(id), { signal }),
    createChart: (body) => request("POST", "/charts", { body }),
    deleteChart: (id) => request("DELETE", chartPath(id)),
    postOperations: (id, body) => request("POST", `${chartPath(id)}/operations`, { body }),
    getFindings: (id, signal) => request("GET", `${chartPath(id)}/findings`, { signal }),
    listTemplates: (signal) => request("GET", "/templates", { signal }),
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
