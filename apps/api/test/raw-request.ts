import { request as httpRequest, type OutgoingHttpHeaders } from "node:http";

export interface RawAnswer {
  status: number;
  text: string;
  /**
   * The server closed the connection while its answer was still arriving (only with
   * `acceptCut`). Node closes a `Connection: close` request's socket as soon as its answer
   * is written, without reading the rest of a body the route never read; the unread bytes
   * make the kernel reset the connection, and a large answer still in flight is lost.
   */
  cut?: boolean;
}

/**
 * One HTTP request with exactly these bytes and headers (supertest would serialise a Buffer
 * sent as JSON, and refuses some headers): for bodies that lie about their encoding, bad
 * escapes and the like. Rejects when no answer comes within `timeoutMs`.
 */
export function rawRequest(options: {
  port: number;
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer | undefined;
  timeoutMs?: number;
  /** Resolve with `cut: true` (and the status) when the answer's body is cut off. */
  acceptCut?: boolean;
}): Promise<RawAnswer> {
  const { port, method, path, headers, body, timeoutMs = 30_000, acceptCut = false } = options;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      // A connection of its own: a kept-alive one the server just closed would "hang up".
      { port, host: "127.0.0.1", method, path, headers, timeout: timeoutMs, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on("error", (error) => {
          if (acceptCut && error.message === "aborted")
            resolve({ status: res.statusCode ?? 0, text: "", cut: true });
          else reject(error);
        });
      },
    );
    req.on("timeout", () => {
      req.destroy(new Error(`${method} ${path.slice(0, 200)}: no answer within ${timeoutMs} ms`));
    });
    req.on("error", reject);
    req.end(body);
  });
}
