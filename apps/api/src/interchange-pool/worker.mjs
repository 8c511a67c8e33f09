// The worker threads' entry. A worker does not inherit the TypeScript loader that
// scripts/start.mjs registers in the main thread (`node --import tsx` would pass it on
// through execArgv, vitest would not), so it registers tsx itself, then loads the tasks.
import { register } from "tsx/esm/api";

register();
const tasks = await import("./tasks.ts");

export const exportFile = tasks.exportFile;
export const exportComparisonFile = tasks.exportComparisonFile;
export const importFile = tasks.importFile;
