import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, describeError, NetworkError } from "./client";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("createApiClient", () => {
  it("calls the API with JSON and returns the parsed answer", async () => {
    const fetch = vi.fn(async () => json(200, { charts: [], total: 0, limit: 10, offset: 20 }));
    const api = createApiClient({ fetch });
    await expect(api.listCharts({ limit: 10, offset: 20 })).resolves.toMatchObject({ total: 0 });
    expect(fetch).toHaveBeenCalledWith("/api/charts?limit=10&offset=20", {
      method: "GET",
      headers: { Accept: "application/json" },
    });
  });

  it("sends bodies as JSON", async () => {
    const fetch = vi.fn(async (..._args: Parameters<typeof globalThis.fetch>) =>
      json(200, { id: "x", version: 2, updatedAt: "", findings: [] }),
    );
    const api = createApiClient({ fetch, baseUrl: "http://host" });
    await api.postOperations("a b", { operations: [{ op: "updateChart", name: "N" }], version: 1 });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe("http://host/api/charts/a%20b/operations");
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({
      operations: [{ op: "updateChart", name: "N" }],
      version: 1,
    });
  });

  it("returns nothing for 204", async () => {
    const api = createApiClient({ fetch: async () => new Response(null, { status: 204 }) });
    await expect(api.deleteChart("x")).resolves.toBeUndefined();
  });

  it("turns the API's error body into an ApiError", async () => {
    const body = {
      error: {
        code: "version_conflict",
        message: "The chart has changed",
        issues: [{ path: "version", message: "stale" }],
      },
    };
    const api = createApiClient({ fetch: async () => json(409, body) });
    const error = await api.getChart("x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: "version_conflict",
      message: "The chart has changed",
      issues: [{ path: "version", message: "stale" }],
      isConflict: true,
      isRetryable: false,
    });
    expect(describeError(error)).toBe("The chart has changed (stale)");
  });

  it("copes with an error answer that is not the API's JSON", async () => {
    const api = createApiClient({ fetch: async () => new Response("<html>", { status: 502 }) });
    const error = await api.listTemplates().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "internal", isRetryable: true });
  });

  it("reports no answer at all as a NetworkError", async () => {
    const api = createApiClient({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const error = await api.listCharts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(describeError(error)).toBe("Cannot reach the Rolemap server.");
  });
});
