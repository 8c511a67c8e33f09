import { act, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePresentationMode } from "./use-presentation-mode";

describe("usePresentationMode", () => {
  it("enters and leaves with P, and leaves with Escape", () => {
    const { result } = renderHook(() => usePresentationMode());
    expect(result.current.isPresenting).toBe(false);
    act(() => void fireEvent.keyDown(document.body, { key: "p" }));
    expect(result.current.isPresenting).toBe(true);
    act(() => void fireEvent.keyDown(document.body, { key: "P" }));
    expect(result.current.isPresenting).toBe(false);
    act(() => void fireEvent.keyDown(document.body, { key: "p" }));
    act(() => void fireEvent.keyDown(document.body, { key: "Escape" }));
    expect(result.current.isPresenting).toBe(false);
  });

  it("works without fullscreen support (refused or missing)", () => {
    const { result } = renderHook(() => usePresentationMode());
    expect(document.documentElement.requestFullscreen).toBeUndefined();
    act(() => result.current.enter());
    expect(result.current.isPresenting).toBe(true);
    act(() => result.current.exit());
    expect(result.current.isPresenting).toBe(false);
  });

  it.each([
    ["a text field", <input key="i" aria-label="field" />],
    ["a text area", <textarea key="t" aria-label="field" />],
    [
      "an open dialog",
      <dialog key="d" open>
        <button type="button" aria-label="field" />
      </dialog>,
    ],
  ])("ignores P typed in %s", (_, element) => {
    const { result } = renderHook(() => usePresentationMode());
    render(element);
    const field = screen.getByLabelText("field");
    act(() => void fireEvent.keyDown(field, { key: "p" }));
    expect(result.current.isPresenting).toBe(false);
  });

  it("ignores P with a modifier (Ctrl+P prints)", () => {
    const { result } = renderHook(() => usePresentationMode());
    act(() => void fireEvent.keyDown(document.body, { key: "p", ctrlKey: true }));
    expect(result.current.isPresenting).toBe(false);
  });
});
