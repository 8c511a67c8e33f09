import { expect, test } from "./fixtures";

/**
 * A page on another origin, opened in the signed-in owner's browser, tries what a forged
 * form can do: post a chart file to the import route (which takes any content type) and
 * post operations into an existing chart. The server must change nothing (access.md: the
 * Origin check; the cookie is SameSite=Lax as well).
 */
const EVIL = "http://evil.example";

test("a form on another site cannot create or change charts in the owner's browser", async ({
  api,
  page,
  baseURL,
}) => {
  const chart = await api.createChart("classic-split", "Target");
  const planted = JSON.stringify({
    format: "rolemap.chart/v1",
    name: "Planted by another site",
    roles: [],
    reportingLines: [],
    responsibilities: [],
    assignments: [],
  });
  // A text/plain form sends "name=value": the name carries the JSON up to its last brace.
  const operations = JSON.stringify({ operations: [{ op: "updateChart", name: "Hacked" }] });
  const form = (action: string, json: string) => `<!doctype html><title>Free prizes</title>
    <form method="post" enctype="text/plain" action="${action}">
    <input name='${json.slice(0, -1)}' value='}'></form>
    <script>document.forms[0].submit();</script>`;
  const pages: Record<string, string> = {
    "/import": form(`${baseURL}/api/charts/import?format=json`, planted),
    "/ops": form(`${baseURL}/api/charts/${chart.id}/operations`, operations),
  };
  await page.route(`${EVIL}/**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html",
      body: pages[new URL(route.request().url()).pathname] ?? "",
    }),
  );
  for (const [path, target] of [
    ["/import", "/api/charts/import"],
    ["/ops", `/api/charts/${chart.id}/operations`],
  ] as const) {
    const answer = page.waitForResponse((response) => response.url().includes(target));
    await page.goto(`${EVIL}${path}`);
    const response = await answer;
    expect(response.request().method()).toBe("POST");
    // Refused: not signed in (the Lax cookie stayed home) or cross_site.
    expect([401, 403]).toContain(response.status());
  }

  const { charts } = await api.listCharts();
  expect(charts.map((c) => c.name)).toEqual(["Target"]);
  expect((await api.getChart(chart.id)).version).toBe(chart.version);
});
