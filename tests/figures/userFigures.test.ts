import { afterEach, describe, expect, it } from "vitest";
import { figureField, findFigure, FIGURES } from "../../src/figures/index";
import {
  MAX_USER_FIGURES,
  USER_FIGURE_LIMITS,
  isUserFigureId,
  setUserFigures,
  userFigureAsFigure,
  userFigureList,
  validateUserFigure,
} from "../../src/figures/userFigures";
import { isModelError } from "../../src/model/errors";
import { figureCell } from "../../src/functions/figureFunctions";
import { expectPrototypeUntouched } from "../hardening/prototype";
import { filingFigure, houseEstimate, HOSTILE_TEXTS } from "./userFixtures";

afterEach(() => {
  setUserFigures([]);
  expectPrototypeUntouched();
});

function messageOf(input: unknown, existing = [] as Parameters<typeof validateUserFigure>[1]): string {
  const result = validateUserFigure(input, existing);
  if (!isModelError(result)) throw new Error("expected a ModelError");
  expect(result.code).toBe("invalidInput");
  return result.message;
}

describe("validateUserFigure(input)", () => {
  it("validateUserFigure(input) accepts an analyst estimate and a filing figure with its primary reference", () => {
    expect(validateUserFigure(houseEstimate())).toEqual(houseEstimate());
    expect(validateUserFigure(filingFigure())).toEqual(filingFigure());
  });

  it("validateUserFigure(input) trims text fields", () => {
    const fig = validateUserFigure(houseEstimate({ label: "  Spaced  ", id: " house_x " }));
    if (isModelError(fig)) throw new Error(fig.message);
    expect(fig.label).toBe("Spaced");
    expect(fig.id).toBe("house_x");
  });

  it.each(["__proto__", "constructor", "toString", "prototype", "1abc", "Has Caps", "a-b", ""])(
    "validateUserFigure(input) rejects the hostile or malformed id %j",
    (id) => {
      expect(messageOf(houseEstimate({ id }))).toMatch(/^id: /);
    },
  );

  it("validateUserFigure(input) rejects an id of the dataset (figure or event): no shadowing", () => {
    const datasetId = FIGURES[0]!.id;
    expect(messageOf(houseEstimate({ id: datasetId }))).toBe(
      "id: this id belongs to a figure or event of the ChipShift dataset; choose another",
    );
  });

  it("validateUserFigure(input, existing) rejects an id already used, but an edit may keep its own id", () => {
    const existing = [houseEstimate()];
    expect(messageOf(houseEstimate({ label: "Other" }), existing)).toMatch(/already have a figure/);
    const edited = validateUserFigure(houseEstimate({ value: 50 }), existing, "house_china_dc_2027");
    expect(isModelError(edited)).toBe(false);
  });

  it.each(["http://example.com/a", "javascript:alert(1)", "ftp://example.com/x", "example.com", "https://"])(
    "validateUserFigure(input) rejects the URL %j (https only)",
    (url) => {
      expect(messageOf(houseEstimate({ url }))).toBe("url: URL must be a web address starting with https://");
    },
  );

  it("validateUserFigure(input) rejects 100,000-character text with a message giving the limit", () => {
    const long = "x".repeat(100_000);
    expect(messageOf(houseEstimate({ quote: long }))).toBe(
      `quote: quote is too long (at most ${USER_FIGURE_LIMITS.quote.toLocaleString("en-US")} characters)`,
    );
    expect(messageOf(houseEstimate({ label: long }))).toMatch(/^label: label is too long \(at most 200/);
    expect(messageOf(houseEstimate({ id: `a${"b".repeat(100)}` }))).toMatch(/^id: id is too long/);
  });

  it("validateUserFigure(input) rejects a value that is not a finite number, and an unknown unit", () => {
    expect(messageOf(houseEstimate({ value: Number.NaN }))).toMatch(/^value: /);
    expect(messageOf(houseEstimate({ value: Number.POSITIVE_INFINITY }))).toMatch(/^value: /);
    expect(messageOf({ ...houseEstimate(), unit: "USD_gazillion" })).toMatch(/^unit: /);
  });

  it("validateUserFigure(input) asks a filing, company or regulator figure for its primary reference", () => {
    const { primary: _dropped, ...noPrimary } = filingFigure();
    expect(messageOf(noPrimary)).toMatch(/^primary: evidence "filing" originates in a filing/);
  });

  it("validateUserFigure(input) refuses unknown fields (strict) and keeps formula-like text as plain text", () => {
    expect(messageOf({ ...houseEstimate(), extra: 1 })).toMatch(/extra/);
    for (const text of HOSTILE_TEXTS) {
      const fig = validateUserFigure(houseEstimate({ label: text, quote: text, note: text }));
      if (isModelError(fig)) throw new Error(fig.message);
      expect(fig.label).toBe(text);
    }
  });

  it("validateUserFigure(input, existing) refuses a figure past the limit", () => {
    const many = Array.from({ length: MAX_USER_FIGURES }, (_, i) => houseEstimate({ id: `f${i}` }));
    expect(messageOf(houseEstimate({ id: "one_more" }), many)).toMatch(/at most 200/);
  });
});

describe("userFigureAsFigure(fig)", () => {
  it("userFigureAsFigure(fig) is a dataset Figure marked as the analyst's, with a primary reference for a filing", () => {
    const fig = userFigureAsFigure(filingFigure());
    expect(fig).toMatchObject({
      id: "my_nvda_q3fy27_china",
      category: "user_figure",
      entity: "Your figures",
      evidence: "filing",
      confidence: "reported",
      source: { url: "https://www.sec.gov/Archives/edgar/data/1045810/example-10q.htm", date: null },
      primary: { issuer: "NVIDIA Corporation", form: "10-Q", verified: false },
    });
    expect(userFigureAsFigure(houseEstimate()).confidence).toBe("estimate");
    expect(userFigureAsFigure(houseEstimate()).primary).toBeUndefined();
  });
});

describe("the user-figure registry and CHIPS.FIGURE", () => {
  it("setUserFigures(list) makes findFigure and CHIPS.FIGURE see the analyst's figures", () => {
    expect(isModelError(findFigure("house_china_dc_2027"))).toBe(true);
    expect(setUserFigures([houseEstimate(), filingFigure()])).toBe(2);
    expect(isUserFigureId("house_china_dc_2027")).toBe(true);
    expect(figureCell("house_china_dc_2027")).toBe(41.5);
    expect(figureCell("HOUSE_CHINA_DC_2027", "evidence")).toBe("analyst");
    expect(figureCell("my_nvda_q3fy27_china", "value", "USD bn")).toBe(2.1);
    expect(figureCell("my_nvda_q3fy27_china", "primary")).toMatch(/^NVIDIA Corporation, 10-Q, Q3 FY2027/);
    expect(figureCell("my_nvda_q3fy27_china", "url")).toMatch(/^https:\/\/www\.sec\.gov/);
    setUserFigures([]);
    expect(isModelError(findFigure("house_china_dc_2027"))).toBe(true);
  });

  it("setUserFigures(list) skips an entry that fails validation or shadows a dataset id", () => {
    const dataset = FIGURES[0]!;
    const hostile = [
      houseEstimate({ id: dataset.id, value: -1 }),
      houseEstimate({ id: "__proto__" }),
      houseEstimate({ id: "ok_one" }),
      houseEstimate({ id: "ok_one", value: 2 }),
    ];
    expect(setUserFigures(hostile)).toBe(1);
    expect(userFigureList().map((fig) => fig.id)).toEqual(["ok_one"]);
    const found = findFigure(dataset.id);
    if (isModelError(found)) throw new Error(found.message);
    expect(found.value).toBe(dataset.value);
    expect(figureField(found, "evidence")).toBe(dataset.evidence);
    expect(isModelError(findFigure("__proto__"))).toBe(true);
  });

  it("findFigure(id) suggests a registered user figure for a near miss", () => {
    setUserFigures([houseEstimate()]);
    const miss = findFigure("house_china_dc_202");
    expect(isModelError(miss) && miss.message).toMatch(/did you mean house_china_dc_2027/);
  });
});
