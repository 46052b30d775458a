/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata accepts only `any` (not
   `unknown`) for untyped cells and ranges; the values are coerced at once by the cell functions. */
/**
 * The CHIPS.* custom functions. custom-functions-metadata reads this JSDoc into functions.json (it is what
 * Excel shows users) and the webpack plugin appends `CustomFunctions.associate(ID, fn)` for each function.
 * Each function is thin: the host-neutral cell function (coercion → one engine call) and the error mapping.
 */
import "./hostShim";
import { computeGrid } from "./computeFunctions";
import { bassCell, logisticCell, logisticFitCell } from "./curveFunctions";
import { toExcelGrid, toExcelValue } from "./errors";
import { eventsGrid, figureCell, figuresGrid, sourceCell, versionCell } from "./figureFunctions";
import { projectGrid } from "./modelFunctions";
import { evidenceWeightsGrid, posteriorCellPlan } from "./evidenceFunctions";
import {
  distInvCell,
  runPlanAsync,
  setSimulationRunner,
  simulateCellPlan,
  simulateTablePlan,
  tornadoGrid,
} from "./simulationFunctions";
import { createBrowserWorker } from "../worker/browserWorker";
import { createSimulationClient } from "../worker/client";

/**
 * CHIPS.SIMULATE* run in a worker of their own (created on the first simulation cell), so a sheet of
 * simulation cells never blocks Excel's calculation thread or the pane; results are the engine's, identical to
 * an in-thread run. Where workers are unavailable the functions compute in this thread after yielding.
 */
let runnerInstalled = false;
function ensureSimulationRunner(): void {
  if (runnerInstalled) return;
  runnerInstalled = true;
  if (typeof Worker === "undefined") return;
  try {
    const client = createSimulationClient(createBrowserWorker());
    setSimulationRunner((scenario, spec, options) => client.run(scenario, spec, options).promise);
  } catch {
    // A worker that cannot even be constructed: the in-thread fallback stays.
  }
}

/**
 * A cited figure from the ChipShift dataset or one of your own figures: its value (in the figure's unit, e.g.
 * USD_billion or percent, or converted to the unit you name), or one of its text fields.
 * @customfunction FIGURE FIGURE
 * @param id Figure id, e.g. "nvda_china_rev_fy2026_hq" (see CHIPS.FIGURES()).
 * @param [field] What to return: value (default), label, unit, asOf, source, url, quote, confidence, basis, note, evidence (filing, company, regulator, press, analyst or secondary) or primary (the filing or official statement it originates in).
 * @param [unit] With value: the money unit to convert to, e.g. "USD_billion" or "USD bn" for a figure in USD_million (same currency only). #VALUE! for a conversion that is not possible.
 * @returns The figure's value (a number in its unit, or in the unit asked for) or the requested text.
 */
export function figure(id: string, field?: string, unit?: string): number | string | CustomFunctions.Error {
  return toExcelValue(figureCell(id, field, unit)) as number | string | CustomFunctions.Error;
}

/**
 * A one-line citation of a cited figure: publisher, title, date and URL.
 * @customfunction SOURCE SOURCE
 * @param id Figure id, e.g. "mkt_idc_domestic_share_2025".
 * @returns The citation text.
 */
export function source(id: string): string | CustomFunctions.Error {
  return toExcelValue(sourceCell(id)) as string | CustomFunctions.Error;
}

/**
 * The cited figures as a table with a header row: id, label, value, unit, asOf, confidence, basis, source.
 * @customfunction FIGURES FIGURES
 * @param [category] Only this category, e.g. "nvidia_china_revenue", "market_size_share", "domestic_chip_specs". All figures when omitted.
 * @returns A table that spills, one row per figure.
 */
export function figures(category?: string): any[][] {
  return toExcelGrid(figuresGrid(category));
}

/**
 * The export-control and policy timeline as a table with a header row: date, id, label, source.
 * @customfunction EVENTS EVENTS
 * @param [from] First date included: ISO text ("2025-01-01", "2025-01" or "2025") or an Excel date. From the start when omitted.
 * @param [to] Last date included: ISO text or an Excel date. To the end when omitted.
 * @returns A table that spills, one row per event, oldest first.
 */
export function events(from?: any, to?: any): any[][] {
  return toExcelGrid(eventsGrid(from, to));
}

/**
 * The ChipShift add-in version and the cited dataset's version and as-of date.
 * @customfunction VERSION VERSION
 * @returns Text such as "ChipShift 0.1.0 · dataset 2026.11.28 (as of 2026-11-28)".
 */
export function version(): string | CustomFunctions.Error {
  return toExcelValue(versionCell()) as string | CustomFunctions.Error;
}

/**
 * Projects a scenario year by year: NVIDIA China revenue (USD billions), domestic share (fraction 0..1),
 * vendor volumes and installed compute. Returns a table with a header row (Year, FY, then one column per series)
 * and one row per calendar year, or one row of values for a single series.
 * @customfunction PROJECT PROJECT
 * @param scenario A preset id or name (e.g. "licensed", "decoupling", "detente", "supplyCrunch" or "Licensed trade"), or a 2-column range of (input id, value) rows applied on the base preset. Shares as fractions 0..1, money in USD billions.
 * @param [series] One series id, e.g. "nvidiaChina" (USD bn), "domesticShare" (fraction) or "units.huawei" (accelerators). The whole table when omitted.
 * @param [overrides] A 2-column range of (input id, value) rows applied after the scenario, e.g. adoptionSpeed 0.8.
 * @returns The projection table, or one row of the chosen series per year.
 */
export function project(scenario: any[][], series?: string, overrides?: any[][]): any[][] {
  return toExcelGrid(projectGrid(scenario, series, overrides));
}

/**
 * Logistic adoption share at year t: cap / (1 + (cap/s0 − 1)·e^(−k·t)), equal to s0 at t = 0.
 * @customfunction LOGISTIC LOGISTIC
 * @param t Years since the base year (t = 0 is the base year).
 * @param s0 Share at t = 0, a fraction in (0, 1], e.g. 0.41 for 41%.
 * @param cap Long-run ceiling of the share, a fraction in (0, 1], e.g. 0.9.
 * @param k Adoption speed, per year, at least 0, e.g. 0.6.
 * @returns The share at year t, a fraction 0..1.
 */
export function logistic(t: number, s0: number, cap: number, k: number): number | CustomFunctions.Error {
  return toExcelValue(logisticCell(t, s0, cap, k)) as number | CustomFunctions.Error;
}

/**
 * The adoption speed k of the logistic with ceiling cap that passes through two observed shares.
 * @customfunction LOGISTIC.FIT LOGISTIC.FIT
 * @param t1 Year of the first observation (years, e.g. 0 for the base year).
 * @param s1 Share at t1, a fraction strictly between 0 and cap.
 * @param t2 Year of the second observation (years, different from t1).
 * @param s2 Share at t2, a fraction strictly between 0 and cap.
 * @param cap Long-run ceiling of the share, a fraction in (0, 1].
 * @returns The adoption speed k, per year (negative when the share falls).
 */
export function logisticFit(
  t1: number,
  s1: number,
  t2: number,
  s2: number,
  cap: number,
): number | CustomFunctions.Error {
  return toExcelValue(logisticFitCell(t1, s1, t2, s2, cap)) as number | CustomFunctions.Error;
}

/**
 * Cumulative Bass diffusion adoption at year t: (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)).
 * @customfunction BASS BASS
 * @param t Years since launch, at least 0.
 * @param p Coefficient of innovation, per year, greater than 0 (typically 0.01 to 0.03).
 * @param q Coefficient of imitation, per year, at least 0 (typically 0.3 to 0.5).
 * @returns Cumulative adoption, a fraction 0..1 of the eventual market.
 */
export function bass(t: number, p: number, q: number): number | CustomFunctions.Error {
  return toExcelValue(bassCell(t, p, q)) as number | CustomFunctions.Error;
}

/**
 * Compute of a number of accelerators from cited chip specs (dense BF16): returns one row of two cells,
 * [equivalent number of baseline accelerators, total PFLOPS].
 * @customfunction COMPUTE COMPUTE
 * @param chip Chip id or name: a100, a800, h100, h20, gb200, ascend910c, ascend910b, cambricon590, theadppu.
 * @param units Number of accelerators, at least 0.
 * @param [baseline] Chip to count equivalents of (default "a100", i.e. A100-equivalents).
 * @returns One row: [baseline-equivalent accelerators, dense BF16 PFLOPS].
 */
export function compute(chip: string, units: number, baseline?: string): any[][] {
  return toExcelGrid(computeGrid(chip, units, baseline));
}

/**
 * One statistic of a seeded Monte Carlo simulation of a scenario (Latin hypercube; the scenario's default
 * distributions and regime chain). The same scenario, trials and seed always give the same number, and cells
 * that share them run one simulation. Money in USD billions, shares as fractions 0..1.
 * @customfunction SIMULATE SIMULATE
 * @param scenario A preset id or name (e.g. "licensed", "decoupling", "detente", "supplyCrunch"), or a 2-column range of (input id, value) rows applied on the base preset.
 * @param trials Number of trials, an integer from 2 to 20000 (the worksheet cap; the task pane's Simulate runs more).
 * @param seed Random seed, an integer of at least 0. Same seed, same results.
 * @param series A series id, e.g. "nvidiaChina" (USD bn) or "domesticShare" (fraction), or a summary metric: cumulativeNvidiaChina, npvNvidiaChina, cagrNvidiaChina, crossoverYear, revenueAtRiskTotal.
 * @param year Calendar year, e.g. 2027, or NVIDIA fiscal-year text such as "FY2028" (= calendar 2027). Ignored for a summary metric (leave it empty).
 * @param [statistic] mean (default), sd (STDEV.S), min, max, p5, p10, p25, p50, p75, p90, p95 (PERCENTILE.INC) or se (standard error of the mean).
 * @returns The statistic, in the series' unit.
 */
export async function simulate(
  scenario: any[][],
  trials: number,
  seed: number,
  series: string,
  year: any,
  statistic?: string,
): Promise<number | CustomFunctions.Error> {
  ensureSimulationRunner();
  const cell = await runPlanAsync(simulateCellPlan(scenario, trials, seed, series, year, statistic));
  return toExcelValue(cell) as number | CustomFunctions.Error;
}

/**
 * A seeded Monte Carlo simulation of one series as a table: header row (Year, FY, Mean, SD, P5, P10, P25,
 * P50, P75, P90, P95), then one row per calendar year. Shares the simulation with CHIPS.SIMULATE cells that
 * use the same scenario, trials and seed.
 * @customfunction SIMULATE.TABLE SIMULATE.TABLE
 * @param scenario A preset id or name (e.g. "licensed"), or a 2-column range of (input id, value) rows applied on the base preset.
 * @param trials Number of trials, an integer from 2 to 20000.
 * @param seed Random seed, an integer of at least 0.
 * @param series A series id, e.g. "nvidiaChina" (USD bn), "nvidiaChinaNet" or "domesticShare" (fraction).
 * @returns The table that spills: one row per year with the mean, standard deviation and percentiles.
 */
export async function simulateTable(
  scenario: any[][],
  trials: number,
  seed: number,
  series: string,
): Promise<any[][]> {
  ensureSimulationRunner();
  return toExcelGrid(await runPlanAsync(simulateTablePlan(scenario, trials, seed, series)));
}

/**
 * A posterior statistic of a seeded Monte Carlo simulation: the trials re-weighted by how well each explains
 * reported figures (importance weights w ∝ e^ℓ, ℓ = −½·Σ((value − model·fraction)/sd)²), beside the prior
 * CHIPS.SIMULATE. Quantiles are the inverse of the weighted empirical CDF (no interpolation). Money in USD
 * billions, shares as fractions 0..1.
 * @customfunction SIMULATE.POSTERIOR SIMULATE.POSTERIOR
 * @param scenario A preset id or name (e.g. "licensed", "decoupling"), or a 2-column range of (input id, value) rows applied on the base preset.
 * @param trials Number of trials, an integer from 2 to 20000.
 * @param seed Random seed, an integer of at least 0. Same seed, same results.
 * @param series A series id, e.g. "nvidiaChina" (USD bn) or "domesticShare" (fraction).
 * @param year Calendar year, e.g. 2027, or NVIDIA fiscal-year text such as "FY2028" (= calendar 2027).
 * @param [statistic] mean (default), sd, p5, p10, p25, p50, p75, p90, p95, or ess (effective sample size, in trials).
 * @param [evidence] A range of rows: series (nvidiaChina, nvidiaDataCenter, nvidiaOffshore, nvidiaOther, market or domesticSales), period ("Q2 FY2027" = a quarter, "FY2026" = a fiscal year), value (USD bn), sd (USD bn, greater than 0), optional figure id; a header row is allowed. The presets' cited default evidence when omitted.
 * @returns The posterior statistic, in the series' unit (ess in trials).
 */
export async function simulatePosterior(
  scenario: any[][],
  trials: number,
  seed: number,
  series: string,
  year: any,
  statistic?: string,
  evidence?: any[][],
): Promise<number | CustomFunctions.Error> {
  ensureSimulationRunner();
  const cell = await runPlanAsync(
    posteriorCellPlan(scenario, trials, seed, series, year, statistic, evidence),
  );
  return toExcelValue(cell) as number | CustomFunctions.Error;
}

/**
 * Which scenario do the reported figures support? A table with a header row (Scenario, Log-likelihood, Prior,
 * Posterior) and one row per scenario: ℓ = −½·Σ((value − model·fraction)/sd)² from the scenario's own
 * projection (NVIDIA China revenue as modelled, not the reported outlook), and the posterior weight
 * prior·e^ℓ normalized over the scenarios (fractions summing to 1).
 * @customfunction EVIDENCE.WEIGHTS EVIDENCE.WEIGHTS
 * @param scenarios Preset ids or names: a row or column of cells, or one text such as "licensed,decoupling"; "all" for every preset.
 * @param [evidence] A range of rows: series (nvidiaChina, nvidiaDataCenter, nvidiaOffshore, nvidiaOther, market or domesticSales), period ("Q2 FY2027" or "FY2026"), value (USD bn), sd (USD bn, greater than 0), optional figure id; a header row is allowed. The presets' cited default evidence when omitted.
 * @param [priors] Prior weight of each scenario, in the same order (numbers of at least 0, any scale). Equal when omitted.
 * @returns The table that spills: scenario id, log-likelihood, prior and posterior (fractions 0..1).
 */
export function evidenceWeights(scenarios: any[][], evidence?: any[][], priors?: any[][]): any[][] {
  return toExcelGrid(evidenceWeightsGrid(scenarios, evidence, priors));
}

/**
 * Tornado sensitivity: each uncertain input (the scenario's default distributions) moved to its P10 and its
 * P90 with every other input at the scenario's value. A table with a header row (Input, Low (P10), High (P90),
 * Output at low, Output at high, Swing), widest swing first.
 * @customfunction TORNADO TORNADO
 * @param scenario A preset id or name (e.g. "licensed"), or a 2-column range of (input id, value) rows applied on the base preset.
 * @param metric A summary metric (cumulativeNvidiaChina, npvNvidiaChina, cagrNvidiaChina, crossoverYear, revenueAtRiskTotal) or a series id such as "nvidiaChina" with a year.
 * @param [year] Calendar year (or "FY2028" text) when metric is a series id.
 * @returns The tornado table that spills, one row per uncertain input.
 */
export function tornado(scenario: any[][], metric: string, year?: any): any[][] {
  return toExcelGrid(tornadoGrid(scenario, metric, year));
}

/**
 * Inverse cumulative distribution (quantile) at probability p. a and b are the bounds of a bounded
 * distribution and c its mode, as in the textbook Triangular(a, b, c): uniform(a min, b max);
 * triangular(a min, b max, c mode); pert(a min, b max, c mode; beta with λ = 4); normal(a mean, b sd);
 * lognormal(a median, b 90th percentile); lognormalMuSigma(a μ, b σ of ln X).
 * @customfunction DIST.INV DIST.INV
 * @param kind uniform, triangular, pert, normal, lognormal or lognormalMuSigma.
 * @param p Probability: 0 to 1 for uniform, triangular and pert; strictly between 0 and 1 for the others.
 * @param a min (uniform, triangular, pert), mean (normal), median (lognormal) or μ (lognormalMuSigma).
 * @param b max (uniform, triangular, pert), sd (normal), 90th percentile (lognormal) or σ (lognormalMuSigma).
 * @param [c] mode (most likely value) for triangular and pert; leave empty for the other kinds.
 * @returns The value x with P(X ≤ x) = p.
 */
export function distInv(
  kind: string,
  p: number,
  a: number,
  b: number,
  c?: number,
): number | CustomFunctions.Error {
  return toExcelValue(distInvCell(kind, p, a, b, c)) as number | CustomFunctions.Error;
}
