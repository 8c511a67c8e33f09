import { main } from "./server";

// The process entry point: `node --import tsx apps/api/src/main.ts` (or scripts/start.mjs).
void main();
