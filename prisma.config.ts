import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import "./prisma/pg-oid-patch.ts";

// Prisma 6.19 with engine "js": the WebAssembly schema engine bundled in the `prisma`
// package talks to the database through a driver adapter, so no engine binary is
// downloaded (these machines reach only the npm registry). Migrate commands open a
// connection through this adapter: DATABASE_URL must point at a reachable PostgreSQL.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      idleTimeoutMillis: 50,
      allowExitOnIdle: true,
    });
  },
});
