import type { ErrorBody, ErrorCode, InputIssue } from "@rolemap/contract";

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  malformed_json: 400,
  payload_too_large: 413,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  /** Promote found the original changed the same things since the scenario was made. */
  promote_conflict: 409,
  locked: 423,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_site: 403,
  already_set_up: 409,
  rate_limited: 429,
  request_timeout: 408,
  unknown_host: 421,
  /** A request whose work outgrew a server limit (an export's time or memory). */
  limit_exceeded: 422,
  /** The server has no room for this work now: retry after Retry-After. */
  server_busy: 503,
  /** The database is down, unreachable or timed out: retry after Retry-After. */
  database_unavailable: 503,
  internal: 500,
};

/** The one error type of the API: a stable code, a message for people, and problems. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: InputIssue[];

  constructor(code: ErrorCode, message: string, issues: InputIssue[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}

export const invalidInput = (message: string, issues: InputIssue[]) =>
  new AppError("invalid_input", message, issues);

export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);

export const unauthenticated = () =>
  new AppError(
    "unauthenticated",
    "sign in first: this needs a session, an API token or a share link",
  );

export const forbidden = (message: string) => new AppError("forbidden", message);
