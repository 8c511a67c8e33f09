import { describe, expect, it, vi } from "vitest";
import {
  ApiError,
  createApiClient,
  describeError,
  exportQuery,
  filenameFromDisposition,
  importQuery,
  NetworkError,
} from "./client";

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

describe("import and export requests", () => {
  const preview = {
    counts: { roles: 2, reportingLines: 1, responsibilities: 0, assignments: 0 },
    problems: [],
  };

  it("sends the file to import as UTF-8 text, with the options in the query", async () => {
    const fetch = vi.fn(async (..._args: Parameters<typeof globalThis.fetch>) =>
      json(200, preview),
    );
    const api = createApiClient({ fetch });
    const text = "\uFEFFName;Title;Manager\nAnn;CEO;\n";
    await expect(api.previewImport({ format: "org-csv" }, text)).resolves.toEqual(preview);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe("/api/charts/import?format=org-csv&preview=true");
    expect(init).toMatchObject({
      method: "POST",
      body: text,
      headers: { Accept: "application/json", "Content-Type": "text/plain; charset=utf-8" },
    });
  });

  it("imports into a chart under a name, and reports every problem of a refused file", async () => {
    const body = {
      error: {
        code: "invalid_input",
        message: "the file cannot be imported: 1 problem; nothing was stored",
        issues: [{ path: "line 3, column Manager", message: 'manager "J. Doe" matches no one' }],
      },
    };
    const fetch = vi.fn(async (..._args: Parameters<typeof globalThis.fetch>) => json(400, body));
    const api = createApiClient({ fetch });
    const error = await api
      .importChart({ format: "matrix-csv", into: "c 1", name: "Q3 & Q4" }, "x")
      .catch((e: unknown) => e);
    expect(fetch.mock.calls[0]?.[0]).toBe(
      "/api/charts/import?format=matrix-csv&into=c+1&name=Q3+%26+Q4",
    );
    expect(error).toMatchObject({ status: 400, issues: body.error.issues });
  });

  it("downloads an export as a file with the server's name for it", async () => {
    const fetch = vi.fn(
      async (..._args: Parameters<typeof globalThis.fetch>) =>
        new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), {
          status: 200,
          headers: {
            "Content-Type": "image/png",
            "Content-Disposition": 'attachment; filename="classic-split.png"',
          },
        }),
    );
    const api = createApiClient({ fetch });
    const file = await api.exportChart("id", {
      format: "png",
      scale: 3,
      page: "a4",
      fit: "pages",
      findings: true,
    });
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/charts/id/export?format=png&scale=3&findings=true");
    expect(file.filename).toBe("classic-split.png");
    expect(file.blob.size).toBe(4);
  });

  it("puts only the options a format uses in the export query", () => {
    const base = { scale: 4, page: "a3", fit: "one-page", findings: false } as const;
    expect(exportQuery({ ...base, format: "pdf" })).toBe("format=pdf&page=a3&fit=one-page");
    expect(exportQuery({ ...base, format: "png" })).toBe("format=png&scale=4");
    expect(exportQuery({ ...base, format: "csv", findings: true })).toBe(
      "format=csv&findings=true",
    );
    expect(importQuery({ format: "json" }, false)).toBe("format=json");
  });

  it.each([
    ['attachment; filename="a-b.pdf"', "a-b.pdf"],
    ["attachment; filename=plain.csv", "plain.csv"],
    ["attachment; filename=\"x.svg\"; filename*=UTF-8''caf%C3%A9.svg", "café.svg"],
    ["attachment", null],
    [null, null],
  ])("reads the file name of %s", (header, name) => {
    expect(filenameFromDisposition(header)).toBe(name);
  });
});
