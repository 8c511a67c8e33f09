import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { EXIT } from "./exit-codes";
import { processIO } from "./io";

// Command modules are imported inside the actions, so `--help` and `--version` do not pay
// for loading zod and the engine.
const io = processIO();

const program = new Command("rolemap")
  .description("Validate, create, export and import org-chart and responsibility (RACI) documents.")
  .version(packageJson.version, "-v, --version", "print the version")
  .helpOption("-h, --help", "show help")
  .showHelpAfterError("(run rolemap --help for usage)")
  // Commander exits with 1 on usage errors; 1 means "the chart has errors" here, so
  // usage errors are turned into exceptions and mapped to 2 below.
  .exitOverride();

program
  .command("validate")
  .description("check a chart document and report its findings")
  .argument("<file>", 'chart JSON file, or "-" to read standard input')
  .option("--json", 'print {"findings": [...]} as JSON instead of the report')
  .action(async (file: string, options: { json?: boolean }) => {
    const { runValidate } = await import("./commands/validate");
    process.exitCode = await runValidate(file, options, io);
  });

program
  .command("templates")
  .description("list the built-in chart templates")
  .option("--json", "print the template summaries as a JSON array")
  .action(async (options: { json?: boolean }) => {
    const { runTemplates } = await import("./commands/templates");
    process.exitCode = runTemplates(options, io);
  });

program
  .command("new")
  .description("print a new chart document from a template (redirect it to a file)")
  .requiredOption("-t, --template <id>", "template id (see rolemap templates)")
  .option("-n, --name <name>", "chart name instead of the template's")
  .action(async (options: { template: string; name?: string }) => {
    const { runNew } = await import("./commands/new");
    process.exitCode = runNew(options, io);
  });

program
  .command("export")
  .description("write a chart as SVG, PNG, PDF, PPTX, JSON, matrix CSV or XLSX (redirect it)")
  .argument("<file>", 'chart JSON file, or "-" to read standard input')
  .requiredOption("-f, --format <format>", "svg, png, pdf, pptx, json, csv or xlsx")
  .option("--scale <n>", "PNG pixels per chart unit, 1 to 4 (default 2)")
  .option("--page <size>", "PDF paper, landscape: a4, letter or a3 (default a4)")
  .option("--fit <fit>", "PDF: pages (split a large chart) or one-page (default pages)")
  .option("--findings", "finding badges on the cards and a findings appendix")
  .action(async (file: string, options) => {
    const { runExport } = await import("./commands/export");
    process.exitCode = await runExport(file, options, io);
  });

program
  .command("import")
  .description("make a chart document from an HR org list CSV, a RACI matrix CSV or JSON")
  .argument("<file>", 'the file, or "-" to read standard input')
  .option("-f, --format <format>", "org-csv, matrix-csv or json (default: guessed from the file)")
  .option("--into <chart>", "merge a matrix CSV into this chart JSON file")
  .option("-n, --name <name>", "name of the new chart")
  .action(async (file: string, options) => {
    const { runImport } = await import("./commands/import");
    process.exitCode = await runImport(file, options, io);
  });

program
  .command("compare")
  .description(
    "what chart B changes relative to chart A: in words, as JSON, or as a PDF, PNG or SVG",
  )
  .argument("<a>", 'the first chart JSON file (the primary), or "-" for standard input')
  .argument("<b>", "the second chart JSON file (the scenario)")
  .option("-f, --format <format>", "text, json, pdf, png or svg (default text)")
  .option("-o, --out <file>", "write to this file instead of standard output")
  .action(async (a: string, b: string, options) => {
    const { runCompare } = await import("./commands/compare");
    process.exitCode = await runCompare(a, b, options, io);
  });

program.addHelpText(
  "after",
  `
Exit codes: 0 no error findings, 1 error findings (compare: B opens one), 2 invalid input or usage, 3 internal error.

Examples:
  rolemap templates
  rolemap new --template classic-split > chart.json
  rolemap validate chart.json
  rolemap validate --json chart.json
  rolemap export chart.json --format pdf --page a3 > chart.pdf
  rolemap import people.csv --name "Our org" > chart.json
  rolemap import raci.csv --into chart.json > merged.json
  rolemap compare chart.json scenario.json
  rolemap compare chart.json scenario.json --format pdf --out comparison.pdf`,
);

// A reader such as `head` may close the pipe early; that is not a failure of the command.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version "errors" have exit code 0; everything else is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    io.stderr(
      `rolemap: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.internal;
  }
}
