// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import "./support/jsdomShims";
import { App } from "../../src/taskpane/App";
import type { PaneSection } from "../../src/taskpane/sections";

afterEach(cleanup);

describe("App", () => {
  it("App renders the six section tabs in order with Scenario selected", () => {
    render(<App port={null} />);
    const tabs = screen.getAllByRole("tab");
    const labels = ["Scenario", "Simulate", "Sensitivity", "Evidence", "Figures", "Build"];
    expect(tabs).toHaveLength(6);
    labels.forEach((label, index) => expect(tabs[index]).toBe(screen.getByRole("tab", { name: label })));
    expect(screen.getByRole("tab", { name: "Scenario" }).getAttribute("aria-selected")).toBe("true");
  });

  it("App keeps a visited section mounted but hidden after switching away", () => {
    const sections: PaneSection[] = [
      { id: "scenario", label: "First", render: () => <p>first body</p> },
      { id: "simulate", label: "Second", render: () => <p>second body</p> },
    ];
    render(<App port={null} sections={sections} />);
    fireEvent.click(screen.getByRole("tab", { name: "Second" }));
    const first = screen.getByText("first body").closest("[role=tabpanel]");
    expect(first?.hasAttribute("hidden")).toBe(true);
    expect(screen.getByRole("tabpanel").textContent).toBe("Secondsecond body");
    // Each section starts with its name as a (visually hidden) h2: the sections' own headings are h3.
    expect(screen.getByRole("heading", { level: 2, name: "Second" })).toBeTruthy();
  });

  it("App switches section when a tab is activated", () => {
    render(<App port={null} />);
    fireEvent.click(screen.getByRole("tab", { name: "Figures" }));
    expect(screen.getByRole("searchbox", { name: "Search figures" })).toBeTruthy();
  });

  it("App shows the host notice until it is dismissed", () => {
    render(<App port={null} notice="Running outside Excel" />);
    expect(screen.getByTestId("host-notice").textContent).toMatch(/Running outside Excel/);
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("host-notice")).toBeNull();
  });

  it("App renders a sections override instead of the registry", () => {
    const sections: PaneSection[] = [{ id: "simulate", label: "Only", render: () => <p>custom body</p> }];
    render(<App port={null} sections={sections} />);
    expect(screen.getAllByRole("tab")).toEqual([screen.getByRole("tab", { name: "Only" })]);
    expect(screen.getByText("custom body")).toBeTruthy();
  });
});
