// Workaround for prisma/orm#27403 (Prisma 6.19 wasm schema engine + @prisma/adapter-pg):
// "Column type 'name' could not be deserialized from the database". The adapter has no
// mapping for PostgreSQL's internal `name` (OID 19) / `"char"` (OID 18) types that the
// schema engine's catalog queries return. Report them as `text` (OID 25) instead.
// Only loaded by prisma.config.ts (CLI), never by the app.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Result = require("pg/lib/result.js");
const REMAP: Record<number, number> = { 18: 25, 19: 25 };
const orig = Result.prototype.addFields;
if (!orig.__patched) {
  Result.prototype.addFields = function (fields: Array<{ dataTypeID: number }>) {
    for (const f of fields) if (REMAP[f.dataTypeID]) f.dataTypeID = REMAP[f.dataTypeID];
    return orig.call(this, fields);
  };
  Result.prototype.addFields.__patched = true;
}
