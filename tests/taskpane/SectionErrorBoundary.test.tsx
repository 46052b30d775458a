// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import "./support/jsdomShims";
import { App } from "../../src/taskpane/App";
import type { PaneSection } from "../../src/taskpane/sections";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A section that throws while rendering, as a view does on data it cannot draw (e.g. a hostile document). */
function Exploding({ when }: { readonly when: () => boolean }) {
  if (when()) throw new Error("Maximum call stack size exceeded");
  return <p>drawn again</p>;
}

describe("SectionErrorBoundary (in App)", () => {
  it("a section that throws shows its message in place; the tabs and the other sections keep working", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let broken = true;
    const sections: PaneSection[] = [
      { id: "scenario", label: "First", render: () => <p>first body</p> },
      { id: "simulate", label: "Second", render: () => <Exploding when={() => broken} /> },
    ];
    render(<App port={null} sections={sections} />);
    fireEvent.click(screen.getByRole("tab", { name: "Second" }));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("The Second section could not be shown");
    expect(alert.textContent).toContain("Maximum call stack size exceeded");
    expect(alert.textContent).toContain("workbook document panel");
    // the shell survived: another tab still renders its section
    fireEvent.click(screen.getByRole("tab", { name: "First" }));
    expect(screen.getByText("first body")).toBeTruthy();
    // once the cause is gone, Try again draws the section
    fireEvent.click(screen.getByRole("tab", { name: "Second" }));
    broken = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.getByText("drawn again")).toBeTruthy();
  });
});
