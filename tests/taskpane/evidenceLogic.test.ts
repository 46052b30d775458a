import { describe, expect, it } from "vitest";
import { defaultEvidence } from "../../src/analysis/defaultEvidence";
import type { PosteriorResult } from "../../src/analysis/posterior";
import { scenarioWeights } from "../../src/analysis/scenarioWeights";
import { PRESETS } from "../../src/model/presets";
import {
  figureChoices,
  figurePeriod,
  figureSeries,
  filterFigureChoices,
  observationFromFigure,
  periodChoices,
  suggestedSd,
} from "../../src/taskpane/evidence/fromFigure";
import { essText, priorRegimes } from "../../src/taskpane/evidence/results";
import {
  selectEvidenceRun,
  selectEvidenceRunRequest,
  selectScenarioWeights,
  weighedScenarios,
} from "../../src/taskpane/evidence/selectors";
import type { PaneAction, PaneState } from "../../src/taskpane/store/paneStore";
import { initialPaneState, paneStoreReducer } from "../../src/taskpane/store/paneStore";
import type { SimulationResult } from "../../src/analysis/summarize";
import { deepFreeze } from "../model/fixtures";

const pane = deepFreeze(initialPaneState());
const apply = (state: PaneState, ...actions: PaneAction[]): PaneState =>
  actions.reduce(paneStoreReducer, state);
const licensed = PRESETS[0]!.scenario;

describe("Add from figure", () => {
  it("figurePeriod(asOf) maps fiscal quarters and years as stated and a calendar year y to FY(y+1)", () => {
    expect(figurePeriod("Q1 FY2027 (ended 2026-04-26)")).toBe("Q1 FY2027");
    expect(figurePeriod("FY2026 (ended 2026-01-25)")).toBe("FY2026");
    expect(figurePeriod("2027")).toBe("FY2028");
    expect(figurePeriod("2025 (stated 2025-05-28)")).toBe("FY2026");
    expect(figurePeriod("2025-04-15")).toBe("FY2026");
    // no model period: nine months, half years, calendar quarters, spans
    for (const asOf of ["9M FY2024 (ended 2023-10-29)", "H1 FY2027 (six months)", "Q2 2026", "2023–2025"])
      expect(figurePeriod(asOf)).toBeUndefined();
  });

  it("figureChoices() lists only dollar figures, NVIDIA China revenue first, values in USD bn", () => {
    const choices = figureChoices();
    expect(choices.length).toBeGreaterThan(50);
    expect(choices[0]!.category).toBe("nvidia_china_revenue");
    // dataset: nvda_china_rev_q1fy27 = 4,550 USD million
    expect(choices.find((c) => c.id === "nvda_china_rev_q1fy27")?.valueUsdBn).toBe(4.55);
    // a percent figure is not offered
    expect(choices.some((c) => c.id === "nvda_hopper_china_ship_share_dc_q2fy27")).toBe(false);
    expect(filterFigureChoices(choices, "hopper q1fy27").map((c) => c.id)).toEqual([
      "nvda_hopper_china_ship_q1fy27",
    ]);
  });

  it("figureSeries() suggests the flow series from the category and label", () => {
    expect(
      figureSeries({
        category: "nvidia_china_revenue",
        label: "NVIDIA revenue, China (incl. HK), Q1 FY2027",
      }),
    ).toBe("nvidiaChina");
    expect(
      figureSeries({
        category: "nvidia_china_revenue",
        label: "NVIDIA Data Center Hopper shipments to China",
      }),
    ).toBe("nvidiaDataCenter");
    expect(
      figureSeries({ category: "market_size_share", label: "Bernstein: China AI accelerator market, 2027" }),
    ).toBe("market");
    expect(
      figureSeries({
        category: "market_size_share",
        label: "Bernstein: China domestic AI chip production, 2027",
      }),
    ).toBe("domesticSales");
  });

  it("observationFromFigure() uses the value in USD bn and sd = 10% (at least 0.25), with its figure id", () => {
    expect(suggestedSd(0)).toBe(0.25);
    expect(suggestedSd(19.677)).toBe(2);
    const choice = figureChoices().find((c) => c.id === "mkt_bernstein_tam_2027")!;
    expect(observationFromFigure(choice, "market", "FY2028")).toMatchObject({
      series: "market",
      period: "FY2028",
      value: "69",
      sd: "6.9",
      figureId: "mkt_bernstein_tam_2027",
    });
  });

  it("periodChoices(base, H) offers each fiscal year FY(base+1)..FY(base+H+1) and its quarters", () => {
    const periods = periodChoices(2025, 5);
    expect(periods).toHaveLength(30);
    expect(periods.slice(0, 5)).toEqual(["FY2026", "Q1 FY2026", "Q2 FY2026", "Q3 FY2026", "Q4 FY2026"]);
    expect(periods.at(-1)).toBe("Q4 FY2031");
  });
});

describe("scenario weights in the pane", () => {
  it("weighedScenarios(): a preset as is is marked current; an edited scenario is added under its name", () => {
    const asIs = weighedScenarios(licensed, "Licensed trade");
    expect(asIs.map((s) => [s.id, s.current])).toEqual(PRESETS.map((p) => [p.id, p.id === "licensed"]));
    const mine = weighedScenarios({ ...licensed, marketGrowth: 0.4 }, "Licensed trade (edited)");
    expect(mine).toHaveLength(PRESETS.length + 1);
    expect(mine[PRESETS.length]).toMatchObject({
      id: "current",
      name: "Licensed trade (edited)",
      current: true,
    });
  });

  it("selectScenarioWeights() equals scenarioWeights() of the presets with the default evidence (words for the worst fit)", () => {
    const view = selectScenarioWeights(pane);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    const engine = scenarioWeights(PRESETS, defaultEvidence().observations);
    if (!Array.isArray(engine)) throw new Error("engine failed");
    expect(view.rows.map((r) => r.posterior)).toEqual(engine.map((r) => r.posterior));
    expect(view.rows.map((r) => r.logLikelihood)).toEqual(engine.map((r) => r.logLikelihood));
    // Licensed trade models 2026 at T_1 = 14.54 (a quarter 3.64): Q2 FY2027's 7.88 ± 1.5 is 2.8 sd away, the
    // largest term of ℓ (Q1: 0.6 sd; data center Q1: 0 vs 0.2 ± 0.25, 0.8 sd)
    expect(view.rows[0]!.dominantObservation).toBe("NVIDIA China revenue (model), Q2 FY2027");
  });

  it("selectScenarioWeights() adds the edited scenario, and names the scenario whose years an observation misses", () => {
    const edited = apply(pane, { type: "inputChanged", path: "marketGrowth", raw: "40" });
    const view = selectScenarioWeights(edited);
    expect(view.ok && view.rows.map((r) => r.name)).toEqual([
      "Licensed trade",
      "Licensed on paper",
      "Full decoupling",
      "Détente",
      "Domestic supply crunch",
      "Licensed trade (edited)",
    ]);
    expect(view.ok && view.rows.reduce((a, r) => a + r.posterior, 0)).toBeCloseTo(1, 12);
    const short = apply(pane, { type: "inputChanged", path: "horizon", raw: "1" });
    const problem = selectScenarioWeights(short);
    // FY2027 quarters are calendar 2026 = t 1, inside a one-year horizon: still fine
    expect(problem.ok).toBe(true);
    const later = apply(pane, { type: "inputChanged", path: "baseYear", raw: "2026" });
    const bad = selectScenarioWeights(later);
    expect(!bad.ok && bad.problem).toMatch(
      /^Fix the observations first: Observation 1 \(NVIDIA China revenue \(model\), FY2026\): FY2026 is outside the scenario's years/,
    );
  });
});

describe("the run with evidence", () => {
  it("selectEvidenceRunRequest() is the Simulate spec and settings plus the observations; its fingerprint follows both", () => {
    const request = selectEvidenceRunRequest(pane);
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    expect(request.spec.evidence).toEqual(defaultEvidence());
    expect(request.options.trials).toBe(10_000);
    const key = pane.evidence.rows[0]!.key;
    const sd = selectEvidenceRunRequest(
      apply(pane, { type: "evidenceFieldChanged", key, field: "sd", raw: "2" }),
    );
    const trials = selectEvidenceRunRequest(apply(pane, { type: "trialsChanged", raw: "500" }));
    expect(sd.ok && sd.fingerprint).not.toBe(request.fingerprint);
    expect(trials.ok && trials.fingerprint).not.toBe(request.fingerprint);
    const badTrials = selectEvidenceRunRequest(apply(pane, { type: "trialsChanged", raw: "0" }));
    expect(!badTrials.ok && badTrials.problem).toMatch(
      /^Fix the Simulate tab first: Enter a whole number of trials/,
    );
  });

  it("selectEvidenceRun() is stale once an observation or the scenario changes, fresh again when changed back", () => {
    const request = selectEvidenceRunRequest(pane);
    if (!request.ok) throw new Error("request");
    const run = {
      scenarioName: "Licensed trade",
      fingerprint: request.fingerprint,
      result: {} as SimulationResult,
      elapsedMs: 1,
      finishedAt: "t",
      weights: { problem: "x" },
    };
    const done = apply(pane, { type: "evidenceRunSucceeded", run });
    expect(selectEvidenceRun(done)?.stale).toBe(false);
    const key = pane.evidence.rows[1]!.key;
    const moved = apply(done, { type: "evidenceFieldChanged", key, field: "value", raw: "5" });
    expect(selectEvidenceRun(moved)?.stale).toBe(true);
    expect(
      selectEvidenceRun(apply(moved, { type: "evidenceFieldChanged", key, field: "value", raw: "4.55" }))
        ?.stale,
    ).toBe(false);
    expect(selectEvidenceRun(apply(done, { type: "presetChosen", presetId: "detente" }))?.stale).toBe(true);
  });
});

describe("result helpers", () => {
  it("priorRegimes(): a fixed path is certain; π = 1 follows the path; the default chain sums to 1 with π on the path in year 1", () => {
    const fixed = priorRegimes(licensed, undefined)!;
    expect(fixed.map((y) => Object.keys(y).find((r) => y[r] === 1))).toEqual([...licensed.regimePath]);
    const certain = priorRegimes(licensed, { anchored: { followPath: 1, returnToPath: 0.3 } })!;
    certain.forEach((y, t) => expect(y[licensed.regimePath[t]!]).toBe(1));
    const chain = priorRegimes(licensed, { anchored: { followPath: 0.8, returnToPath: 0.3 } })!;
    expect(chain).toHaveLength(licensed.horizon + 1);
    for (const y of chain) expect(Object.values(y).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // §5.0: from the path, r_1 = p_1 with probability π
    expect(chain[1]![licensed.regimePath[1]!]).toBeCloseTo(0.8, 12);
  });

  it("essText(): ESS with its share of the trials; below 50 a warning naming the dominant observation in words", () => {
    const posterior = (ess: number): PosteriorResult => ({
      ess,
      series: {},
      regimes: [],
      thresholds: [],
      observations: [],
      dominantObservation: "nvidiaChina Q2 FY2027",
    });
    expect(essText(posterior(594.06), 10_000)).toEqual({
      line: "Effective sample size 594 of 10,000 trials (5.9%)",
    });
    const low = essText(posterior(12.34), 2_000);
    expect(low.line).toBe("Effective sample size 12.3 of 2,000 trials (0.62%)");
    expect(low.warning).toBe(
      "The posterior rests on very few trials (effective sample size 12.3, below 50). “NVIDIA China revenue (model), Q2 FY2027” dominates the likelihood: widen its SD if the figure is less certain than that, or run more trials on the Simulate tab.",
    );
    expect(essText(posterior(0), 100).warning).toMatch(/^No trial can explain the observations/);
  });
});
