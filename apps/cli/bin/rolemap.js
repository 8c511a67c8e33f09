#!/usr/bin/env node
// The workspace packages are consumed as TypeScript source, so the command registers tsx's
// ESM loader first and then imports the real entry point.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
