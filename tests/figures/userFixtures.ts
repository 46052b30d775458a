import type { UserFigure } from "../../src/figures/userFigures";

/** A valid analyst figure (an analyst house estimate: no primary reference needed). */
export function houseEstimate(overrides: Partial<UserFigure> = {}): UserFigure {
  return {
    id: "house_china_dc_2027",
    label: "House estimate: China data-center accelerator spend, 2027",
    value: 41.5,
    unit: "USD_billion",
    asOf: "2027 (calendar)",
    title: "China AI capex outlook, December 2026",
    publisher: "Example Research",
    url: "https://research.example.com/china-capex-2026-12",
    quote: "we estimate China data-center accelerator spend at about $41.5B in 2027",
    evidence: "analyst",
    ...overrides,
  };
}

/** A filing figure with its primary reference. */
export function filingFigure(overrides: Partial<UserFigure> = {}): UserFigure {
  return {
    id: "my_nvda_q3fy27_china",
    label: "NVIDIA China revenue, Q3 FY2027 (my reading)",
    value: 2100,
    unit: "USD_million",
    asOf: "Q3 FY2027",
    title: "NVIDIA Form 10-Q, Q3 FY2027",
    publisher: "NVIDIA Corporation",
    url: "https://www.sec.gov/Archives/edgar/data/1045810/example-10q.htm",
    quote: "Revenue from China, including Hong Kong, was $2.1 billion",
    evidence: "filing",
    primary: {
      issuer: "NVIDIA Corporation",
      form: "10-Q",
      period: "Q3 FY2027",
      section: "Note 15 – Segment Information",
    },
    note: "Customer-HQ basis",
    ...overrides,
  };
}

/** Text a spreadsheet might run as a formula. */
export const HOSTILE_TEXTS = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"];
