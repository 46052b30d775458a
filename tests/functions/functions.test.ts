import { beforeAll, describe, expect, it } from "vitest";
import { modelError } from "../../src/model/errors";
import { toExcelError, toExcelGrid } from "../../src/functions/errors";
import {
  bass,
  compute,
  events,
  figure,
  figures,
  logistic,
  logisticFit,
  project,
  source,
  version,
} from "../../src/functions/functions";
import type { StubExcelError } from "./stubCustomFunctions";
import { excelCode, installCustomFunctionsStub } from "./stubCustomFunctions";

beforeAll(installCustomFunctionsStub);

describe("errors", () => {
  it("toExcelError(err) maps each engine code through the one table", () => {
    expect(excelCode(toExcelError(modelError("invalidInput", "x")))).toBe("#VALUE!");
    expect(excelCode(toExcelError(modelError("notFound", "x")))).toBe("#N/A");
    expect(excelCode(toExcelError(modelError("divisionByZero", "x")))).toBe("#DIV/0!");
    expect(excelCode(toExcelError(modelError("numeric", "x")))).toBe("#NUM!");
  });

  it("toExcelError(err) keeps the message only where Excel shows one (#VALUE!, #N/A)", () => {
    expect((toExcelError(modelError("notFound", "m")) as unknown as StubExcelError).message).toBe("m");
    expect((toExcelError(modelError("numeric", "m")) as unknown as StubExcelError).message).toBeUndefined();
  });

  it("toExcelGrid(result) keeps per-cell errors in their cells and wraps a whole-call error as 1×1", () => {
    const grid = toExcelGrid([[1, modelError("numeric", "x")]]);
    expect(grid[0]![0]).toBe(1);
    expect(excelCode(grid[0]![1])).toBe("#NUM!");
    expect(toExcelGrid(modelError("notFound", "x")).map((row) => row.map(excelCode))).toEqual([["#N/A"]]);
  });
});

describe("CHIPS.FIGURE / SOURCE / VERSION", () => {
  it("figure(id, field) rejects a bad field with #VALUE! and an empty id with #VALUE!", () => {
    expect(excelCode(figure("a100_bf16_dense", "colour"))).toBe("#VALUE!");
    expect(excelCode(figure("", undefined))).toBe("#VALUE!");
  });

  it("figure(id) returns the cited value", () => {
    // figures.json a100_bf16_dense: value 312 (TFLOPS)
    expect(figure("a100_bf16_dense")).toBe(312);
    // figures.json nvda_china_rev_fy2020: value 2731 (USD_million), unit field
    expect(figure("nvda_china_rev_fy2020")).toBe(2731);
    expect(figure("nvda_china_rev_fy2020", "unit")).toBe("USD_million");
    expect(figure("nvda_china_rev_fy2020", "confidence")).toBe("company_filing");
  });

  it("figure(id) with an omitted field (Excel passes null) returns the value", () => {
    expect(figure("a100_bf16_dense", null as unknown as string)).toBe(312);
  });

  it("figure(id) for an unknown id is #N/A naming the nearest id", () => {
    const result = figure("a100_bf16");
    expect(excelCode(result)).toBe("#N/A");
    expect((result as unknown as StubExcelError).message).toContain("a100_bf16_dense");
  });

  it("source(id) is a one-line citation and #N/A for an unknown id", () => {
    const text = source("nvda_china_rev_fy2020");
    expect(typeof text).toBe("string");
    expect(text).toContain("U.S. SEC EDGAR"); // figures.json nvda_china_rev_fy2020 source.publisher
    expect(text).not.toContain("\n");
    expect(excelCode(source("no_such_figure"))).toBe("#N/A");
  });

  it("figure(id, 'value', unit) converts money by hand arithmetic and is #VALUE! when impossible", () => {
    // dataset: nvda_china_rev_fy2026_hq = 19,677 USD_million → 19,677 / 1,000 = 19.677 USD bn
    expect(figure("nvda_china_rev_fy2026_hq", "value", "USD_billion")).toBe(19.677);
    expect(figure("nvda_china_rev_fy2026_hq", "value", "usd bn")).toBe(19.677);
    // nvda_china_rev_fy2025_billing = 17 USD_billion → 17 × 1,000 = 17,000 USD m
    expect(figure("nvda_china_rev_fy2025_billing", "value", "USD_million")).toBe(17000);
    // cambricon_rev_h1_2026 = 5,996 CNY_million → 5.996 CNY bn
    expect(figure("cambricon_rev_h1_2026", "", "CNY_billion")).toBe(5.996);
    // the figure's own unit is always accepted, even for a non-money unit (a100_bf16_dense: 312 TFLOPS)
    expect(figure("a100_bf16_dense", "value", "TFLOPS")).toBe(312);
    // no exchange rates, no money ↔ quantity, no unit on a text field
    expect(excelCode(figure("cambricon_rev_h1_2026", "value", "USD_billion"))).toBe("#VALUE!");
    expect(excelCode(figure("a100_bf16_dense", "value", "USD_billion"))).toBe("#VALUE!");
    expect(excelCode(figure("nvda_china_rev_fy2026_hq", "value", "USD_billion_per_year"))).toBe("#VALUE!");
    expect(excelCode(figure("nvda_china_rev_fy2026_hq", "label", "USD_billion"))).toBe("#VALUE!");
    expect(excelCode(figure("nvda_china_rev_fy2026_hq", "value", "furlongs"))).toBe("#VALUE!");
  });

  it("figure(id, 'evidence') and figure(id, 'primary') state what the figure rests on", () => {
    // data/research: nvda_china_rev_fy2020 links the FY2022 10-K on sec.gov (R41.htm)
    expect(figure("nvda_china_rev_fy2020", "evidence")).toBe("filing");
    const primary = figure("nvda_china_rev_fy2020", "primary") as string;
    expect(primary).toMatch(/^NVIDIA Corporation, 10-K \(accession 0001045810-22-000036\), FY2022/);
    expect(primary).toContain("https://www.sec.gov/Archives/edgar/data/1045810/000104581022000036/R41.htm");
    // an AI summary on GitHub is secondary, and names the FY2026 10-K it points to
    expect(figure("nvda_china_rev_fy2026_hq", "evidence")).toBe("secondary");
    expect(figure("nvda_china_rev_fy2026_hq", "primary")).toContain("000104581026000021");
    // a chip spec from a press article has no primary reference
    expect(figure("h20_bf16", "evidence")).toBe("press");
    expect(figure("h20_bf16", "primary")).toBe("");
    // url falls back to the primary's when the source has none (nvda_china_rev_q1fy27: GitHub file, no URL)
    expect(figure("nvda_china_rev_q1fy27", "url")).toMatch(/^https:\/\/www\.sec\.gov\/Archives\/edgar\//);
  });

  it("version() names the add-in and dataset versions", () => {
    expect(version()).toMatch(
      /^ChipShift 0\.1\.0 · dataset \d{4}\.\d{1,2}\.\d{1,2} \(as of \d{4}-\d{2}-\d{2}\)$/,
    );
  });
});

describe("CHIPS.FIGURES / EVENTS", () => {
  it("figures(category) is #N/A for an unknown category", () => {
    expect(excelCode(figures("no_such_category")[0]![0])).toBe("#N/A");
  });

  it("figures(category) returns a header row and one row per figure of that category", () => {
    const table = figures("capex");
    expect(table[0]).toEqual(["id", "label", "value", "unit", "asOf", "confidence", "basis", "source"]);
    // figures.json: 11 rows with category "capex"; figures-refresh-2026-12.md: 4 more
    expect(table.length).toBe(1 + 11 + 4);
  });

  it("figures() lists every numeric figure", () => {
    // figures.json 228 rows + refresh 113; the 13 + 8 date-coded rows become events, the rest stay figures
    const all = figures();
    expect(all.length).toBe(1 + 228 + 113 - 21);
  });

  it("events(from, to) rejects a bad date with #VALUE!", () => {
    expect(excelCode(events("11/08/2025")[0]![0])).toBe("#VALUE!");
    expect(excelCode(events("2025-13-01")[0]![0])).toBe("#VALUE!");
  });

  it("events(from, to) lists the late-2022 controls, from ISO text or Excel serials alike", () => {
    const header = ["date", "id", "label", "source"];
    const fromText = events("2022-10-01", "2022-12-31");
    expect(fromText[0]).toEqual(header);
    // FIGURES.md timeline: 2022-10-07 BIS rules; 2022-11 A800/H800 introduced
    expect(fromText.slice(1).map((row): unknown => row[0])).toEqual(["2022-10-07", "2022-11"]);
    // Excel: =DATE(2022,10,1) → 44835, =DATE(2022,12,31) → 44926
    expect(events(44835, 44926)).toEqual(fromText);
  });

  it("events(from, to) with from after to is #VALUE!", () => {
    expect(excelCode(events("2025", "2024")[0]![0])).toBe("#VALUE!");
  });
});

describe("CHIPS.LOGISTIC / LOGISTIC.FIT / BASS", () => {
  it("logistic(t, s0, cap, k) rejects shares outside (0, 1] and a negative k with #VALUE!", () => {
    expect(excelCode(logistic(1, 0, 0.9, 0.6))).toBe("#VALUE!");
    expect(excelCode(logistic(1, 0.41, 1.4, 0.6))).toBe("#VALUE!");
    expect(excelCode(logistic(1, 0.41, 0.9, -1))).toBe("#VALUE!");
    expect(excelCode(logistic("x" as unknown as number, 0.41, 0.9, 0.6))).toBe("#VALUE!");
  });

  it("logistic(t, s0, cap, k) passes through s0 at t = 0 and follows the logistic", () => {
    expect(logistic(0, 0.41, 0.9, 0.6)).toBeCloseTo(0.41, 12); // hand-computed: 0.9/(1+(0.9/0.41−1)·1) = 0.41
    // hand-computed: 0.9 / (1 + (0.9/0.45 − 1)·e^(−ln2)) = 0.9 / 1.5 = 0.6
    expect(logistic(1, 0.45, 0.9, Math.LN2)).toBeCloseTo(0.6, 12);
  });

  it("logisticFit(t1, s1, t2, s2, cap) recovers k and rejects t1 = t2", () => {
    // hand-computed: ln((0.9/0.45 − 1)/(0.9/0.6 − 1)) / 1 = ln(1/0.5) = ln 2 = 0.693147…
    expect(logisticFit(0, 0.45, 1, 0.6, 0.9)).toBeCloseTo(0.6931471805599453, 12);
    expect(excelCode(logisticFit(1, 0.45, 1, 0.6, 0.9))).toBe("#VALUE!");
    expect(excelCode(logisticFit(0, 0.95, 1, 0.6, 0.9))).toBe("#VALUE!");
  });

  it("bass(t, p, q) is 0 at launch and 1 − e^(−pt) without imitation", () => {
    expect(bass(0, 0.03, 0.38)).toBe(0); // hand-computed: (1 − 1)/(1 + q/p) = 0
    expect(bass(1, 0.1, 0)).toBeCloseTo(0.0951625819640404, 12); // hand-computed: 1 − e^(−0.1)
  });

  it("bass(t, p, q) gives #NUM! rather than NaN when q/p overflows", () => {
    // q/p = 1e308/5e-324 = Infinity and e^(−(p+q)) = 0: Infinity·0 is NaN
    expect(excelCode(bass(1, 5e-324, 1e308))).toBe("#NUM!");
  });
});

describe("CHIPS.COMPUTE", () => {
  it("compute(chip, units) is #N/A for an unknown chip and #VALUE! for negative units", () => {
    expect(excelCode(compute("h999", 10)[0]![0])).toBe("#N/A");
    expect(excelCode(compute("h100", -1)[0]![0])).toBe("#VALUE!");
  });

  it("compute(chip, units, [baseline]) returns [[equivalents, PFLOPS]]", () => {
    const [row] = compute("h100", 1000);
    // hand-computed: 1000 × 989.4 / 312 = 3171.1538…; 1000 × 989.4 / 1000 = 989.4 PFLOPS (h100_bf16_dense, a100_bf16_dense)
    expect(row![0]).toBeCloseTo(3171.153846153846, 9);
    expect(row![1]).toBeCloseTo(989.4, 9);
    // hand-computed: 1000 H100 in H20 units: 1000 × 989.4 / 148 = 6685.135…
    expect(compute("h100", 1000, "h20")[0]![0]).toBeCloseTo(6685.135135135135, 9);
  });
});

describe("CHIPS.PROJECT", () => {
  it("project(scenario) is #N/A for an unknown preset or series and #VALUE! for a bad override", () => {
    expect(excelCode(project([["no such preset"]])[0]![0])).toBe("#N/A");
    expect(excelCode(project([["licensed"]], "nvidiaChinaa")[0]![0])).toBe("#N/A");
    expect(excelCode(project([["licensed"]], undefined, [["domesticShareCap", 1.4]])[0]![0])).toBe("#VALUE!");
  });

  it("project(preset) returns a header row and one row per year with the FY label", () => {
    const table = project([["licensed"]]);
    expect(table[0]!.slice(0, 3)).toEqual(["Year", "FY", "market"]);
    expect(table.length).toBe(1 + 6); // horizon 5 → t = 0..5
    expect(table[1]!.slice(0, 3)).toEqual([2025, "FY2026", 50]); // preset marketBase 50, CY2025 = FY2026
    expect(table[2]![2]).toBeCloseTo(68.3, 9); // hand-computed: 50 × (1 + 0.366) = 68.3
    expect(table[0]).toContain("units.huawei");
  });

  it("project(preset, series) returns that series as one row per year", () => {
    const [row] = project([["Licensed trade"]], "nvidiaChina");
    expect(row!.length).toBe(6);
    // hand-computed (DESIGN §4.2, licensed preset, t = 0, regime restricted a = 0.15):
    // D1 = min(0.41 × 50, 16) = 16; F = 34; N = 0.93 × 0.15 × 34 = 4.743; T = 4.743 + 14.934 = 19.677
    expect(row![0]).toBeCloseTo(19.677, 9);
  });

  it("project(range, series, overrides) applies (id, value) rows on the base preset", () => {
    const [row] = project([["marketBase", 60]], "market", [["horizon", 2]]);
    // hand-computed: 60; 60 × 1.366 = 81.96; growth fades: g2 = 0.366 × 0.85 = 0.3111 → 81.96 × 1.3111 = 107.457756
    expect(row!.length).toBe(3);
    expect(row![0]).toBe(60);
    expect(row![1]).toBeCloseTo(81.96, 9);
    expect(row![2]).toBeCloseTo(107.457756, 9);
  });

  it("project(preset, series, empty overrides) treats an empty 1×1 range as omitted", () => {
    expect(project([["licensed"]], "market", [[""]])[0]![0]).toBe(50);
  });
});
