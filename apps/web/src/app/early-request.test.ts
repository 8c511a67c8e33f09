import { describe, expect, it, vi } from "vitest";
import { type EarlyRequest, withEarlyRequest } from "./early-request";

const URL = "/api/charts/7c9e6679-7425-40de-944b-e07fc1f90ae7";

function setup(early?: EarlyRequest) {
  const fetchFn = vi.fn(async () => new Response("from fetch"));
  return { fetchFn, fetchWith: withEarlyRequest(fetchFn, early) };
}

describe("withEarlyRequest", () => {
  it("answers the first GET of the early address with the early response, once", async () => {
    const early = new Response("early");
    const { fetchFn, fetchWith } = setup({ url: URL, response: Promise.resolve(early) });
    expect(await fetchWith(URL, { method: "GET" })).toBe(early);
    expect(fetchFn).not.toHaveBeenCalled();
    // The chart asked for again (a refetch after a save): a new request.
    expect(await (await fetchWith(URL, { method: "GET" })).text()).toBe("from fetch");
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it("treats a request without a method as a GET", async () => {
    const early = new Response("early");
    const { fetchWith } = setup({ url: URL, response: Promise.resolve(early) });
    expect(await fetchWith(URL)).toBe(early);
  });

  it("sends other addresses and other methods to fetch, keeping the early response", async () => {
    const early = new Response("early");
    const { fetchFn, fetchWith } = setup({ url: URL, response: Promise.resolve(early) });
    await fetchWith("/api/charts", { method: "GET" });
    await fetchWith(URL, { method: "DELETE" });
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(await fetchWith(URL, { method: "GET" })).toBe(early);
  });

  it("passes an early request's network failure on to the caller", async () => {
    const failure = new TypeError("Failed to fetch");
    const { fetchWith } = setup({ url: URL, response: Promise.reject(failure) });
    await expect(fetchWith(URL)).rejects.toBe(failure);
  });

  it("is plain fetch when index.html started nothing", async () => {
    const { fetchFn, fetchWith } = setup(undefined);
    await fetchWith(URL);
    expect(fetchFn).toHaveBeenCalledWith(URL, undefined);
  });
});
