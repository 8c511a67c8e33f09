/**
 * The chart request that index.html's inline script starts as soon as the page's HTML
 * arrives, a third of a second before the app's code has loaded and run: meanwhile the
 * server finds the chart, and it is free again when the browser asks for the page's code.
 */
export interface EarlyRequest {
  /** The address as the API client writes it: `/api/charts/<id>`. */
  url: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    /** Set by index.html's inline script on a chart page. */
    __rolemapEarlyRequest?: EarlyRequest;
  }
}

/**
 * `fetchFn`, except that the first GET of the early request's address is answered with the
 * early request's response. Any other request, and every later one, goes to `fetchFn`.
 */
export function withEarlyRequest(
  fetchFn: typeof fetch,
  early: EarlyRequest | undefined,
): typeof fetch {
  let pending = early;
  return (input, init) => {
    const method = init?.method ?? "GET";
    if (pending !== undefined && method === "GET" && input === pending.url) {
      const { response } = pending;
      pending = undefined;
      return response;
    }
    return fetchFn(input, init);
  };
}
