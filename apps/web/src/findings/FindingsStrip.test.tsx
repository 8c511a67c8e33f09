import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createTestEditor } from "../test/editor-fixtures";
import { FindingsStrip } from "./FindingsStrip";

describe("FindingsStrip", () => {
  it("says there are no findings for a clean chart", () => {
    const { editor } = createTestEditor();
    render(<FindingsStrip editor={editor} />);
    expect(screen.getByTestId("findings-strip-counts")).toHaveTextContent("No findings");
  });

  it("shows counts and the first messages, and follows the chart's edits", () => {
    const { editor } = createTestEditor();
    render(<FindingsStrip editor={editor} />);
    act(() => {
      editor.apply(
        [{ op: "addResponsibility", responsibility: { id: "quantum", name: "Quantum readiness" } }],
        "Add a row",
      );
    });
    const strip = screen.getByTestId("findings-strip");
    expect(screen.getByTestId("findings-strip-counts")).not.toHaveTextContent("No findings");
    expect(strip.querySelectorAll("li[data-severity]").length).toBeGreaterThan(0);
    expect(strip).toHaveTextContent(/Quantum readiness/);
  });
});
