import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/figures";
import { FIGURES, searchFigures } from "../../src/figures";

function row(id: string, label: string, extra: Partial<Figure> = {}): Figure {
  return {
    id,
    label,
    value: 1,
    unit: "units",
    asOf: "2025",
    entity: "Demo",
    category: "demo",
    source: { title: "t", publisher: "p", url: "https://example.com", date: "2025" },
    quote: "nothing in particular",
    confidence: "reported",
    evidence: "press",
    ...extra,
  };
}

const rows: Figure[] = [
  row("quote_only", "Unrelated label", { quote: "mentions ascend chips" }),
  row("words_apart", "Output of Huawei in 2025", { quote: "ascend" }),
  row("contains_ascend", "Huawei Ascend volume"),
  row("label_prefix", "Ascend 910C compute"),
  row("ascend_prefix", "Something else"),
  row("other", "Other", { entity: "Cambricon", confidence: "estimate", category: "alt" }),
];

describe("searchFigures(filter)", () => {
  it("searchFigures(filter) with an empty filter returns every figure in dataset order", () => {
    expect(searchFigures({}, rows).map((f) => f.id)).toEqual(rows.map((f) => f.id));
    expect(searchFigures({})).toHaveLength(FIGURES.length);
  });

  it("searchFigures(filter) ranks id prefix, label prefix, contained, all words, then entity/quote", () => {
    expect(searchFigures({ query: "ascend" }, rows).map((f) => f.id)).toEqual([
      "ascend_prefix",
      "label_prefix",
      "contains_ascend",
      "quote_only",
      "words_apart",
    ]);
    // the whole query inside a label beats words split between the label and the quote
    expect(searchFigures({ query: "huawei ascend" }, rows).map((f) => f.id)).toEqual([
      "contains_ascend",
      "words_apart",
    ]);
  });

  it("searchFigures(filter) is case-insensitive and requires every word", () => {
    expect(searchFigures({ query: "HUAWEI 2025" }, rows).map((f) => f.id)).toEqual(["words_apart"]);
  });

  it("searchFigures(filter) combines category, confidence and entity filters", () => {
    expect(searchFigures({ entity: "cambricon" }, rows).map((f) => f.id)).toEqual(["other"]);
    expect(searchFigures({ confidence: "estimate", category: "alt" }, rows).map((f) => f.id)).toEqual([
      "other",
    ]);
    expect(searchFigures({ confidence: "estimate", category: "demo" }, rows)).toEqual([]);
  });

  it("searchFigures(filter) over the dataset puts id-prefix hits first", () => {
    const hits = searchFigures({ query: "h20" });
    expect(hits[0]?.id).toBe("h20_bf16");
    expect(searchFigures({ query: "huawei 910c" })[0]?.id.startsWith("huawei_910c")).toBe(true);
  });

  it("searchFigures(filter) by category returns exactly that category", () => {
    const hits = searchFigures({ category: "nvidia_china_share" });
    // figures.json: 9 rows in nvidia_china_share; the refresh adds nvda_china_share_rev_q2fy27 and
    // nvda_china_dc_share_may2026
    expect(hits).toHaveLength(11);
    expect(hits.every((f) => f.category === "nvidia_china_share")).toBe(true);
  });
});
