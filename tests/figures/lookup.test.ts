import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/figures";
import {
  citation,
  figureField,
  findEvent,
  findFigure,
  valueAsFraction,
  valueInUsdBillion,
} from "../../src/figures";
import { isModelError } from "../../src/model/errors";

function figure(id: string): Figure {
  const found = findFigure(id);
  if (isModelError(found)) throw new Error(found.message);
  return found;
}

describe("findFigure(id)", () => {
  it("findFigure(id) returns invalidInput for an empty id", () => {
    expect(findFigure("  ")).toMatchObject({ code: "invalidInput" });
  });

  it("findFigure(id) finds a figure by its exact id, ignoring case and spaces", () => {
    // figures.json: a100_bf16_dense = 312 TFLOPS (A100 datasheet, dense BF16)
    expect(figure("a100_bf16_dense").value).toBe(312);
    expect(figure(" A100_BF16_DENSE ").id).toBe("a100_bf16_dense");
  });

  it("findFigure(id) suggests the basis variants of a year typed without its suffix", () => {
    const result = findFigure("nvda_china_rev_fy2025");
    expect(result).toMatchObject({ code: "notFound" });
    expect(isModelError(result) && result.message).toBe(
      'Unknown figure "nvda_china_rev_fy2025" — did you mean nvda_china_rev_fy2025_hq, nvda_china_rev_fy2025_billing?',
    );
  });

  it("findFigure(id) suggests the nearest id for a typo", () => {
    const result = findFigure("h100_bf16_dence");
    expect(result).toMatchObject({ code: "notFound" });
    // hand-computed: one substitution (c → s) from h100_bf16_dense; a100_bf16_dense is 2 edits away
    expect(isModelError(result) && result.message).toContain("did you mean h100_bf16_dense, a100_bf16_dense");
  });

  it("findFigure(id) names the id without suggestions when nothing is close", () => {
    const result = findFigure("zzz");
    expect(result).toMatchObject({ code: "notFound", message: 'Unknown figure "zzz"' });
  });

  it("findFigure(id) on a timeline event id returns notFound saying it is an event", () => {
    const result = findFigure("ec_2022_10_07_bis_rule");
    expect(result).toMatchObject({ code: "notFound" });
    expect(isModelError(result) && result.message).toMatch(/timeline event/);
  });
});

describe("findEvent(id)", () => {
  it("findEvent(id) finds an event and reports notFound for a figure id", () => {
    expect(findEvent("ec_2022_10_07_bis_rule")).toMatchObject({ date: "2022-10-07", datePrecision: "day" });
    expect(findEvent("a100_bf16_dense")).toMatchObject({ code: "notFound" });
  });
});

describe("figureField(fig, field)", () => {
  const billing = figure("nvda_china_rev_fy2025_billing");

  it("figureField(fig, field) rejects an unknown field with invalidInput naming the allowed fields", () => {
    const result = figureField(billing, "colour");
    expect(result).toMatchObject({ code: "invalidInput" });
    expect(isModelError(result) && result.message).toContain("value, label, unit, asOf");
  });

  it("figureField(fig, field) returns the value by default and for 'value'", () => {
    // figures.json: nvda_china_rev_fy2025_billing = 17 USD_billion
    expect(figureField(billing, "")).toBe(17);
    expect(figureField(billing, "value")).toBe(17);
  });

  it("figureField(fig, field) reads text fields case-insensitively", () => {
    expect(figureField(billing, "ASOF")).toBe("FY2025 (ended 2025-01-26)");
    expect(figureField(billing, "unit")).toBe("USD_billion");
    expect(figureField(billing, "confidence")).toBe("reported");
    expect(figureField(billing, "basis")).toBe("billingLocation");
    expect(figureField(billing, "publisher")).toBe("Business Recorder / Reuters");
    expect(figureField(billing, "date")).toBe("2025-08-11");
    expect(figureField(billing, "category")).toBe("nvidia_china_revenue");
    expect(figureField(billing, "entity")).toBe("NVIDIA");
    expect(figureField(billing, "quote")).toBe(
      "Nvidia generated $17 billion in revenue from China in the fiscal year ending January 26, representing 13% of total sales.",
    );
  });

  it("figureField(fig, field) returns '' for absent optional text and 'n.d.' for an undated source", () => {
    const a100 = figure("a100_bf16_dense");
    expect(figureField(a100, "basis")).toBe("");
    expect(figureField(a100, "date")).toBe("n.d.");
    // unpublished in the refresh: no source URL and no primary reference (GitHub file of unknown repository)
    expect(figureField(figure("mkt_keybanc_china_demand"), "url")).toBe("");
    expect(figureField(figure("h20_bf16"), "note")).toBe("");
    expect(figureField(figure("h20_bf16"), "primary")).toBe("");
  });

  it("figureField(fig, 'source') is the one-line citation", () => {
    expect(figureField(billing, "source")).toBe(citation(billing));
  });
});

describe("citation(fig)", () => {
  it("citation(fig) formats publisher, “title”, date, url (confidence)", () => {
    expect(citation(figure("nvda_china_rev_fy2025_billing"))).toBe(
      "Business Recorder / Reuters, “Nvidia, AMD to pay 15% of China chip sale revenues to US, official says (Reuters)”, " +
        "2025-08-11, https://www.brecorder.com/news/40377292/nvidia-amd-to-pay-15-of-china-chip-sale-revenues-to-us-official-says (reported)",
    );
  });

  it("citation(fig) writes n.d. for an undated source and omits a missing URL", () => {
    expect(citation(figure("a100_80g_mem"))).toBe(
      "glennklockwood.com, “A100 (processor notes citing NVIDIA A100 datasheet)”, n.d., https://glennklockwood.com/garden/processors/A100 (reported)",
    );
    expect(citation(figure("nvda_china_rev_q1fy27"))).toMatch(/, 2026-08-13 \(reported\)$/);
  });
});

describe("valueAsFraction(fig)", () => {
  it("valueAsFraction(fig) returns invalidInput for a non-percent unit", () => {
    expect(valueAsFraction(figure("a100_bf16_dense"))).toMatchObject({ code: "invalidInput" });
  });

  it("valueAsFraction(fig) divides percent values by 100", () => {
    // hand-computed: 41 % / 100 = 0.41 (IDC domestic share 2025)
    expect(valueAsFraction(figure("mkt_idc_domestic_share_2025"))).toBeCloseTo(0.41, 12);
    // hand-computed: 80 percent_of_A100 / 100 = 0.8
    expect(valueAsFraction(figure("cambricon_590_vs_a100"))).toBeCloseTo(0.8, 12);
  });
});

describe("valueInUsdBillion(fig)", () => {
  it("valueInUsdBillion(fig) returns invalidInput for a non-USD unit", () => {
    expect(valueInUsdBillion(figure("mkt_idc_domestic_share_2025"))).toMatchObject({ code: "invalidInput" });
    expect(valueInUsdBillion(figure("baidu_rev_2025"))).toMatchObject({ code: "invalidInput" }); // CNY
  });

  it("valueInUsdBillion(fig) converts USD millions and keeps USD billions", () => {
    // hand-computed: 25,048 USD m / 1000 = 25.048 USD bn
    expect(valueInUsdBillion(figure("nvda_china_rev_fy2025_hq"))).toBeCloseTo(25.048, 12);
    expect(valueInUsdBillion(figure("nvda_china_rev_fy2025_billing"))).toBe(17);
  });
});
