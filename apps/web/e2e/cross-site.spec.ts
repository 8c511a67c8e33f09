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
  // text/plain forms send "name=value": the name carries the JSON up to its last brace.
  const [name, value] = [planted.slice(0, -1), "}"];
  const operations = JSON.stringify({ operations: [{ op: "updateChart", name: "Hacked" }] });
  const html = `<!doctype html><title>Free prizes</title>
    <form id="import" method="post" enctype="text/plain" target="one"
      action="${baseURL}/api/charts/import?format=json"><input name='${name}' value='${value}'></form>
    <form id="ops" method="post" enctype="text/plain" target="two"
      action="${baseURL}/api/charts/${chart.id}/operations"><input name='${operations.slice(0, -1)}' value='}'></form>
    <iframe name="one"></iframe><iframe name="two"></iframe>
    <script>document.getElementById("import").submit(); document.getElementById("ops").submit();</script>`;
  await page.route(`${EVIL}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: html }),
  );
  const answers: number[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(`${baseURL}/api/`)) answers.push(response.status());
  });
  await page.goto(`${EVIL}/prizes`);
  await expect.poll(() => answers.length).toBe(2);
  // Refused: not authenticated (the Lax cookie stayed home) or cross_site.
  for (const status of answers) expect([401, 403]).toContain(status);

  const { charts } = await api.listCharts();
  expect(charts.map((c) => c.name)).toEqual(["Target"]);
  expect((await api.getChart(chart.id)).version).toBe(chart.version);
});
