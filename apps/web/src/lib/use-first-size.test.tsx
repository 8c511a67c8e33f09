import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useFirstSize } from "./use-first-size";

type Report = (entries: { contentRect: { width: number; height: number } }[]) => void;

/** A ResizeObserver the test drives: `report` delivers a size as the browser would. */
function fakeResizeObserver() {
  const observers: { report: Report; observed: Element[]; disconnected: boolean }[] = [];
  class FakeObserver {
    private readonly state: (typeof observers)[number];
    constructor(callback: Report) {
      this.state = { report: callback, observed: [], disconnected: false };
      observers.push(this.state);
    }
    observe(element: Element) {
      this.state.observed.push(element);
    }
    unobserve() {}
    disconnect() {
      this.state.disconnected = true;
    }
  }
  vi.stubGlobal("ResizeObserver", FakeObserver);
  return observers;
}

function Probe() {
  const [size, ref] = useFirstSize<HTMLDivElement>();
  return (
    <div ref={ref} data-testid="box">
      {size === null ? "unknown" : `${size.width}×${size.height}`}
    </div>
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("useFirstSize", () => {
  it("reports the first size an element has, then stops observing", () => {
    const observers = fakeResizeObserver();
    render(<Probe />);
    const [observer] = observers;
    expect(observer?.observed).toEqual([screen.getByTestId("box")]);
    expect(screen.getByTestId("box")).toHaveTextContent("unknown");

    // Not laid out yet (hidden, say): no size to report.
    act(() => observer?.report([{ contentRect: { width: 0, height: 300 } }]));
    expect(screen.getByTestId("box")).toHaveTextContent("unknown");
    expect(observer?.disconnected).toBe(false);

    act(() => observer?.report([{ contentRect: { width: 800, height: 600 } }]));
    expect(screen.getByTestId("box")).toHaveTextContent("800×600");
    expect(observer?.disconnected).toBe(true);
  });

  it("stops observing when the element goes away", () => {
    const observers = fakeResizeObserver();
    const { unmount } = render(<Probe />);
    unmount();
    expect(observers[0]?.disconnected).toBe(true);
  });
});
