import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/**
 * What request logs keep: never a credential. Cookie, Authorization and Set-Cookie
 * headers are dropped, and the secrets in share and invite addresses (/s/<token>,
 * /invite/<token>) are masked.
 */
const SECRET_PATH = /^\/(s|invite)\/[^/?#]+/;

export const redactUrl = (url: string) => url.replace(SECRET_PATH, "/$1/[redacted]");

interface LoggedRequest {
  url?: string;
  headers?: IncomingHttpHeaders;
  [key: string]: unknown;
}
interface LoggedResponse {
  headers?: OutgoingHttpHeaders;
  [key: string]: unknown;
}

export const requestLogSerializers = {
  req(req: LoggedRequest) {
    const { cookie: _cookie, authorization: _authorization, ...headers } = req.headers ?? {};
    return { ...req, url: req.url === undefined ? undefined : redactUrl(req.url), headers };
  },
  res(res: LoggedResponse) {
    if (res.headers === undefined) return res;
    const { "set-cookie": _setCookie, ...headers } = res.headers;
    return { ...res, headers };
  },
};
