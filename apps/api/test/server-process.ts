import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { HOST as TEST_HOST } from "./principals";

const API_DIR = path.resolve(import.meta.dirname, "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === "object" && address !== null ? address.port : 0),
      );
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | NodeJS.Signals>;
}

/** Starts the real server (`node --import tsx src/main.ts`) and waits until it is healthy. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      // The host name test clients send (principals.ts).
      ALLOWED_HOSTS: TEST_HOST,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? -1));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Starting the embedded database can take a minute on a loaded 2-core machine.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, baseUrl, output: () => output, exited };
}

/**
 * Sets a fresh server up (its first account, as the setup screen does) and answers an API
 * token of that owner for the test's requests.
 */
export async function setUpOwnerToken(baseUrl: string): Promise<string> {
  const json = { "content-type": "application/json", origin: baseUrl };
  const setup = await fetch(`${baseUrl}/api/auth/setup`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({
      email: "owner@example.com",
      name: "Owner",
      password: "owner-password-1",
    }),
  });
  if (setup.status !== 201)
    throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  const cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const created = await fetch(`${baseUrl}/api/tokens`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({ name: "test" }),
  });
  if (created.status !== 201) throw new Error(`token answered ${created.status}`);
  return ((await created.json()) as { token: string }).token;
}
