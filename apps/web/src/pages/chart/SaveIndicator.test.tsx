import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectionStatus, SaveState } from "../../editor";
import { createWorkshopDouble } from "../../test/workshop-fixtures";
import { describeConnection, SaveIndicator } from "./SaveIndicator";

const save = (patch: Partial<SaveState> = {}): SaveState => ({
  status: "saved",
  pending: 0,
  stored: true,
  retryAt: null,
  error: null,
  ...patch,
});

describe("describeConnection", () => {
  it.each<[ConnectionStatus, Partial<SaveState>, string, string, boolean]>([
    ["live", {}, "Live", "All changes saved", false],
    ["live", { status: "saving", pending: 1 }, "Live", "Saving…", false],
    ["connecting", {}, "Connecting…", "", false],
    ["reconnecting", { status: "offline", pending: 3 }, "Reconnecting", "3 changes waiting", true],
    ["reconnecting", { status: "offline" }, "Reconnecting", "", true],
    [
      "offline",
      { status: "offline", pending: 1 },
      "Offline",
      "1 change kept in this browser",
      true,
    ],
    [
      "offline",
      { status: "offline", pending: 2, stored: false },
      "Offline",
      "2 changes kept in this page",
      true,
    ],
    [
      "closed",
      { status: "failed", pending: 2, error: "You no longer have access to this chart." },
      "Disconnected",
      "You no longer have access to this chart. — 2 changes not sent",
      false,
    ],
  ])("%s with %j: %s, %s", (connection, patch, label, text, canRetry) => {
    expect(describeConnection(connection, save(patch))).toMatchObject({ label, text, canRetry });
  });
});

describe("SaveIndicator", () => {
  afterEach(() => vi.useRealTimers());

  it("says the chart is live and saved, in words and as data for tests", () => {
    const editor = createWorkshopDouble();
    render(<SaveIndicator editor={editor} />);
    const indicator = screen.getByTestId("connection-indicator");
    expect(indicator).toHaveAttribute("data-status", "live");
    expect(indicator).toHaveTextContent("Live");
    expect(screen.getByRole("status")).toHaveTextContent("Live: All changes saved");
    expect(screen.queryByRole("button", { name: "Retry now" })).toBeNull();
  });

  it("counts down to the next attempt while reconnecting, and retries now when asked", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    vi.setSystemTime(100_000);
    const editor = createWorkshopDouble({
      state: {
        connection: "reconnecting",
        save: save({ status: "offline", pending: 3, retryAt: 105_000 }),
      },
    });
    render(<SaveIndicator editor={editor} />);
    expect(screen.getByTestId("connection-indicator")).toHaveAttribute(
      "data-status",
      "reconnecting",
    );
    expect(screen.getByRole("status")).toHaveTextContent("Reconnecting: 3 changes waiting");
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("next try in 5 s");
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("next try in 3 s");
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("trying now");
    vi.useRealTimers();

    await userEvent.setup().click(screen.getByRole("button", { name: "Retry now" }));
    expect(editor.calls.retryNow).toBe(1);
  });

  it("keeps the edits in the browser while offline", () => {
    const editor = createWorkshopDouble({
      state: { connection: "offline", save: save({ status: "offline", pending: 2 }) },
    });
    render(<SaveIndicator editor={editor} />);
    expect(screen.getByRole("status")).toHaveTextContent("Offline: 2 changes kept in this browser");
    expect(screen.getByRole("button", { name: "Retry now" })).toBeInTheDocument();
  });

  it("says why the connection ended for good, without a retry", () => {
    const editor = createWorkshopDouble();
    render(<SaveIndicator editor={editor} />);
    act(() =>
      editor.setState({
        connection: "closed",
        save: save({ status: "failed", error: "This chart was deleted." }),
      }),
    );
    expect(screen.getByTestId("connection-indicator")).toHaveAttribute("data-status", "closed");
    expect(screen.getByRole("status")).toHaveTextContent("Disconnected: This chart was deleted.");
    expect(screen.queryByRole("button", { name: "Retry now" })).toBeNull();
  });
});
