import { readFileSync } from "node:fs";
import express from "express";

/**
 * The throughput bench's floor: the API's own Express, with its defaults, doing nothing
 * but what any server of these routes must: parse the JSON body and answer `{"ok":true}`,
 * or send a chart's JSON bytes (read once from the file given). Rolemap is measured against
 * what this process does on the same machine in the same run.
 *
 * `node --import tsx bench/bare-express.ts <port> <chart.json>`
 */
const [port, chartFile] = process.argv.slice(2);
if (port === undefined || chartFile === undefined) {
  console.error("usage: bare-express.ts <port> <chart.json>");
  process.exit(2);
}
const chartBytes = readFileSync(chartFile);

const app = express();
app.get("/api/health", (_req, res) => {
  res.json({ status: "ok" });
});
app.post("/api/validate", express.json({ limit: "16mb" }), (_req, res) => {
  res.json({ ok: true });
});
app.get("/api/chart", (_req, res) => {
  res.type("application/json").send(chartBytes);
});
app.listen(Number(port), "127.0.0.1");
