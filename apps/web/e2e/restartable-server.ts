import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const webDir = path.resolve(import.meta.dirname, "..");
const rootDir = path.resolve(webDir, "../..");

/**
 * A Rolemap server of a test's own (the config's webServer cannot be stopped from a test),
 * started like start-server.mjs starts the suite's: apps/api on the embedded database, the
 * built apps/web (the config's webServer has just built it when needed). It keeps its port
 * and DATA_DIR across `stop` and `start`, so a test can restart it under open pages.
 */
export class RestartableServer {
  readonly baseURL: string;
  /** Made by the first start, kept by the next ones. */
  private dataDir: string | null = null;
  private process: ChildProcess | null = null;
  private output = "";

  constructor(readonly port: number) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  /** Starts the server and waits until it answers /api/health. */
  async start(): Promise<void> {
    if (this.process !== null) throw new Error("the server is running");
    this.dataDir ??= mkdtempSync(path.join(tmpdir(), "rolemap-e2e-restart-"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(rootDir, "apps/api/src/main.ts")],
      {
        cwd: rootDir,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          PORT: String(this.port),
          HOST: "127.0.0.1",
          DATA_DIR: this.dataDir,
          DATABASE_URL: "",
          WEB_DIST: path.join(webDir, "dist"),
          LOG_LEVEL: "warn",
          API_RATE_LIMIT: "0",
          NODE_ENV: "production",
        },
      },
    );
    this.process = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `the server exited (${child.exitCode ?? child.signalCode}):\n${this.output}`,
        );
      try {
        if ((await fetch(`${this.baseURL}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not start:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops the server with `signal` and waits until the process has exited. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.process;
    this.process = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    // A graceful stop that hangs is ended after a while (the test then fails on what it checks).
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }

  /** What the server printed lately (for a failure's message). */
  get log(): string {
    return this.output;
  }

  /** Stops the server and removes its data. */
  async dispose(): Promise<void> {
    await this.stop("SIGTERM");
    if (this.dataDir !== null) rmSync(this.dataDir, { recursive: true, force: true });
    this.dataDir = null;
  }
}
