// @vitest-environment jsdom
import "./support/jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EvidenceSection } from "../../src/taskpane/evidence/EvidenceSection";
import { createPaneStore, PaneStoreProvider } from "../../src/taskpane/store/PaneStoreProvider";
import type { PaneStore } from "../../src/taskpane/store/PaneStoreProvider";
import type { ChartSpec, SheetLayout } from "../../src/workbook/layout/types";
import type { WorkbookPort } from "../../src/workbook/port";
import { inProcessWorker } from "../worker/inProcessWorker";

afterEach(cleanup);

function renderSection(port: WorkbookPort | null = null, store: PaneStore = createPaneStore()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneStoreProvider store={store}>
        <EvidenceSection port={port} createWorker={inProcessWorker} now={() => "2026-12-02T17:00:00.000Z"} />
      </PaneStoreProvider>
    </FluentProvider>,
  );
  return store;
}

function observation(n: number): HTMLElement {
  return screen.getByRole("group", { name: new RegExp(`^Observation ${n} \\(`) });
}

function box(n: number, label: "Value (USD bn)" | "SD (USD bn)"): HTMLInputElement {
  return within(observation(n)).getByRole<HTMLInputElement>("textbox", { name: label });
}

function weights(): { id: string; name: string; prior: number; posterior: number }[] {
  return JSON.parse(screen.getByTestId("evidence-weights").getAttribute("data-weights") ?? "[]") as {
    id: string;
    name: string;
    prior: number;
    posterior: number;
  }[];
}

function writeSheetsMock() {
  return vi.fn((sheets: readonly SheetLayout[], _charts: readonly ChartSpec[]) =>
    Promise.resolve({ sheets: { [sheets[0]!.name]: sheets[0]!.name }, charts: 2 }),
  );
}

function fakePort(writeSheets: ReturnType<typeof writeSheetsMock>): WorkbookPort {
  return {
    host: "preview",
    getActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    insertAtActiveCell: () => Promise.resolve({ sheet: "Sheet1", address: "A1" }),
    writeSheets,
  };
}

describe("EvidenceSection", () => {
  it("EvidenceSection() lists the five cited observations with their source badges and weighs the four presets", () => {
    renderSection();
    // defaultEvidence.ts: five observations, the first NVIDIA China revenue FY2026 = 19.677 ± 1
    expect(within(screen.getByTestId("evidence-observations")).getAllByRole("group")).toHaveLength(5);
    expect(box(1, "Value (USD bn)").value).toBe("19.677");
    expect(box(1, "SD (USD bn)").value).toBe("1");
    expect(
      within(observation(2)).getByRole("button", {
        name: /^Source of Observation 2 .*figure nvda_china_rev_q1fy27$/,
      }),
    ).toBeTruthy();
    const w = weights();
    // presets.ts: five presets; the pane shows Licensed trade, which is one of them (no extra bar)
    expect(w.map((r) => r.id)).toEqual(["licensed", "paper", "decoupling", "detente", "supplyCrunch"]);
    expect(w.reduce((a, r) => a + r.posterior, 0)).toBeCloseTo(1, 12);
    expect(w.every((r) => r.prior === 0.2)).toBe(true);
    expect(screen.getByRole("img", { name: /^Posterior weight of each scenario/ })).toBeTruthy();
  });

  it("EvidenceSection() keeps a bad value as typed and names the entry at the box and in the weights", () => {
    renderSection();
    fireEvent.change(box(2, "Value (USD bn)"), { target: { value: "4.5x" } });
    expect(box(2, "Value (USD bn)").value).toBe("4.5x");
    expect(
      within(observation(2)).getByText(/enter the value as a number in USD bn \(now “4\.5x”\)/),
    ).toBeTruthy();
    expect(screen.getByTestId("evidence-weights-message").textContent).toMatch(
      /^Fix the observations first: Observation 2 \(NVIDIA China revenue \(model\), Q1 FY2027\)/,
    );
    fireEvent.change(box(2, "SD (USD bn)"), { target: { value: "0" } });
    expect(within(observation(2)).getByText(/enter the SD as a number greater than 0/)).toBeTruthy();
    fireEvent.change(box(2, "Value (USD bn)"), { target: { value: "4.55" } });
    fireEvent.change(box(2, "SD (USD bn)"), { target: { value: "1.5" } });
    expect(screen.queryByTestId("evidence-weights-message")).toBeNull();
    expect(weights()).toHaveLength(5);
  });

  it("EvidenceSection() removes a row and adds one from a figure (value in USD bn, the stated default sd)", () => {
    const store = renderSection();
    fireEvent.click(within(observation(5)).getByRole("button", { name: /^Remove Observation 5/ }));
    expect(store.getState().evidence.rows).toHaveLength(4);
    fireEvent.click(screen.getByRole("button", { name: "Add from figure" }));
    const panel = screen.getByRole("region", { name: "Add an observation from a figure" });
    fireEvent.change(within(panel).getByRole("searchbox", { name: "Find a figure" }), {
      target: { value: "nvda_china_rev_q2fy26_hq_recast" },
    });
    // dataset: nvda_china_rev_q2fy26_hq_recast = USD 3,985 million, Q2 FY2026
    expect(within(panel).getByRole<HTMLSelectElement>("combobox", { name: "Period" }).value).toBe(
      "Q2 FY2026",
    );
    expect(within(panel).getByRole<HTMLSelectElement>("combobox", { name: "Series it measures" }).value).toBe(
      "nvidiaChina",
    );
    fireEvent.click(within(panel).getByRole("button", { name: "Add observation" }));
    const rows = store.getState().evidence.rows;
    expect(rows).toHaveLength(5);
    expect(rows[4]).toMatchObject({
      series: "nvidiaChina",
      period: "Q2 FY2026",
      value: "3.985",
      // fromFigure.ts suggestedSd: 10% of 3.985 to two significant digits
      sd: "0.4",
      figureId: "nvda_china_rev_q2fy26_hq_recast",
    });
    expect(box(5, "Value (USD bn)").value).toBe("3.985");
  });

  it("EvidenceSection() runs with evidence in the worker: ESS, prior vs posterior fan, regime bars, the scenario named", async () => {
    const store = renderSection();
    store.dispatch({ type: "trialsChanged", raw: "2000" });
    fireEvent.click(screen.getByRole("button", { name: "Run with evidence" }));
    await screen.findByTestId("evidence-results", undefined, { timeout: 15_000 });
    expect(screen.getByTestId("evidence-scenario").textContent).toMatch(
      /^Evidence run for “Licensed trade” · inputs [0-9a-f]{12}$/,
    );
    expect(screen.getByTestId("evidence-ess").textContent).toMatch(
      /^Effective sample size [\d,.]+ of 2,000 trials \(\d/,
    );
    const fan = JSON.parse(screen.getByTestId("evidence-fan").getAttribute("data-fan") ?? "[]") as {
      prior: { p10: number; p90: number };
      posterior: { p10: number; p90: number };
    }[];
    // presets.ts: 2025..2030
    expect(fan).toHaveLength(6);
    expect(fan.every((y) => y.prior.p10 <= y.prior.p90 && y.posterior.p10 <= y.posterior.p90)).toBe(true);
    const regimes = JSON.parse(
      screen.getByTestId("evidence-regimes").getAttribute("data-regimes") ?? "{}",
    ) as {
      years: { prior: Record<string, number>; posterior: Record<string, number> }[];
    };
    for (const y of regimes.years) {
      expect(Object.values(y.posterior).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(Object.values(y.prior).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(screen.getByRole("table", { name: /^NVIDIA China revenue, USD bn/ })).toBeTruthy();
    expect(screen.getAllByTestId("evidence-threshold")[0]?.textContent).toMatch(
      /^P\(NVIDIA China revenue in 2027 below .*\): \d.*% before the evidence, \d.*% given it$/,
    );
  });

  it("EvidenceSection() writes CS Evidence, and asks before writing a run the observations have moved away from", async () => {
    const writeSheets = writeSheetsMock();
    const store = renderSection(fakePort(writeSheets));
    fireEvent.click(screen.getByRole("button", { name: "Write CS Evidence" }));
    expect((await screen.findByTestId("evidence-write-message")).textContent).toBe(
      "Evidence written to the sheet “CS Evidence”",
    );
    expect(writeSheets.mock.calls[0]?.[0][0]?.name).toBe("CS Evidence");

    store.dispatch({ type: "trialsChanged", raw: "1000" });
    fireEvent.click(screen.getByRole("button", { name: "Run with evidence" }));
    await screen.findByTestId("evidence-results", undefined, { timeout: 15_000 });
    fireEvent.change(box(1, "SD (USD bn)"), { target: { value: "2" } });
    expect(screen.getByTestId("evidence-stale")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Write CS Evidence" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toMatch(/“CS Evidence” will say which scenario and inputs they came from/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Write anyway" }));
    await vi.waitFor(() => expect(writeSheets).toHaveBeenCalledTimes(2));
    const charts = writeSheets.mock.calls[1]?.[1] ?? [];
    expect(charts.map((c) => c.id)).toEqual(["evidenceFan", "evidenceRegimes"]);
  });

  it("EvidenceSection() says what to fix instead of running when an observation is bad", () => {
    renderSection();
    fireEvent.change(box(3, "SD (USD bn)"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Run with evidence" }));
    expect(screen.getByTestId("evidence-run-message").textContent).toMatch(
      /^Fix the observations first: Observation 3 \(NVIDIA China revenue \(model\), Q2 FY2027\): enter the SD/,
    );
  });

  it("EvidenceSection() warns below 50 effective trials and names the observation that dominates", async () => {
    const store = renderSection();
    // 20 trials: ESS ≤ 20 < 50 whatever the weights
    store.dispatch({ type: "trialsChanged", raw: "20" });
    fireEvent.click(screen.getByRole("button", { name: "Run with evidence" }));
    const warning = await screen.findByTestId("evidence-ess-warning", undefined, { timeout: 15_000 });
    expect(warning.textContent).toMatch(
      /^The posterior rests on very few trials \(effective sample size [\d.]+, below 50\)\. “(NVIDIA China revenue \(model\)|NVIDIA data center into China), (Q[1-4] )?FY20\d\d” dominates the likelihood/,
    );
  });

  it("EvidenceSection() asks before replacing edited observations with the cited set", () => {
    const store = renderSection();
    expect(screen.queryByRole("button", { name: "Reset to the cited set" })).toBeNull();
    fireEvent.change(box(1, "Value (USD bn)"), { target: { value: "21" } });
    fireEvent.click(screen.getByRole("button", { name: "Reset to the cited set" }));
    const confirm = screen.getByTestId("evidence-reset-confirm");
    fireEvent.click(within(confirm).getByRole("button", { name: "Keep mine" }));
    expect(box(1, "Value (USD bn)").value).toBe("21");
    fireEvent.click(screen.getByRole("button", { name: "Reset to the cited set" }));
    fireEvent.click(
      within(screen.getByTestId("evidence-reset-confirm")).getByRole("button", { name: "Replace" }),
    );
    expect(box(1, "Value (USD bn)").value).toBe("19.677");
    expect(store.getState().evidence.rows).toHaveLength(5);
  });
});
