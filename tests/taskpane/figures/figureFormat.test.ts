import { describe, expect, it } from "vitest";
import {
  DEFAULT_BASIS_NOTE,
  basisNoteFor,
  categoryLabel,
  confidenceLabel,
  figureFormula,
  formattedFigureValue,
  unitLabel,
} from "../../../src/taskpane/figures/figureFormat";

describe("figure formatting", () => {
  it("unitLabel maps dataset unit codes to readable units", () => {
    expect(unitLabel("USD_billion")).toBe("USD bn");
    expect(unitLabel("percent_of_A100")).toBe("% of A100");
    expect(unitLabel("wafers_per_month")).toBe("wafers per month");
  });

  it("formattedFigureValue adds thousands separators and the unit", () => {
    // hand-computed: 2731 with an en-US separator → "2,731"
    expect(formattedFigureValue(2731, "USD_million")).toBe("2,731 USD m");
    expect(formattedFigureValue(41, "percent")).toBe("41%");
    expect(formattedFigureValue(60, "percent_of_H100")).toBe("60 % of H100");
    expect(formattedFigureValue(0.1234567, "TFLOPS")).toBe("0.123457 TFLOPS");
  });

  it("figureFormula(id) builds the CHIPS.FIGURE formula", () => {
    expect(figureFormula("nvda_china_rev_fy2026_hq")).toBe('=CHIPS.FIGURE("nvda_china_rev_fy2026_hq")');
  });

  it("confidenceLabel and categoryLabel make codes readable", () => {
    expect(confidenceLabel("company_filing")).toBe("Company filing");
    expect(categoryLabel("market_size_share")).toBe("Market size share");
    expect(categoryLabel("nvidia_china_revenue")).toBe("NVIDIA china revenue");
  });

  it("basisNoteFor shows the figure's own note, the default for China revenue, nothing elsewhere", () => {
    expect(basisNoteFor({ category: "nvidia_china_revenue", basisNote: "Own note" })).toBe("Own note");
    expect(basisNoteFor({ category: "nvidia_china_revenue" })).toBe(DEFAULT_BASIS_NOTE);
    expect(basisNoteFor({ category: "capex" })).toBeNull();
  });
});
