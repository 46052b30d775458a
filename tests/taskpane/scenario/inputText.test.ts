import { describe, expect, it } from "vitest";
import { isModelError } from "../../../src/model/errors";
import { inputText, parseInputText } from "../../../src/taskpane/scenario/inputText";

function code(value: unknown): string | undefined {
  return isModelError(value) ? value.code : undefined;
}

describe("parseInputText", () => {
  it("parseInputText(raw, display, path) rejects empty text and non-numbers with invalidInput", () => {
    expect(code(parseInputText("", "number", "marketBase"))).toBe("invalidInput");
    expect(code(parseInputText("  ", "percent", "marketGrowth"))).toBe("invalidInput");
    expect(code(parseInputText("abc", "number", "marketBase"))).toBe("invalidInput");
    expect(code(parseInputText("0x10", "number", "marketBase"))).toBe("invalidInput");
    expect(code(parseInputText("1e999", "number", "marketBase"))).toBe("invalidInput");
  });

  it("parseInputText(raw, 'integer', path) rejects fractions", () => {
    expect(code(parseInputText("2.5", "integer", "horizon"))).toBe("invalidInput");
  });

  it("parseInputText(raw, 'percent', path) divides by 100 and accepts a trailing %", () => {
    // hand-computed: 41 / 100 = 0.41
    expect(parseInputText("41", "percent", "domesticShareBase")).toBe(0.41);
    expect(parseInputText(" 41 % ", "percent", "domesticShareBase")).toBe(0.41);
    // hand-computed: 4.1 / 100 = 0.041 (not 0.040999999999999995)
    expect(parseInputText("4.1", "percent", "otherGrowth")).toBe(0.041);
  });

  it("parseInputText(raw, 'number', path) keeps the number as typed", () => {
    expect(parseInputText("-2.5", "number", "marketBase")).toBe(-2.5);
    expect(parseInputText(".5", "number", "marketBase")).toBe(0.5);
    expect(parseInputText("1e2", "number", "marketBase")).toBe(100);
  });

  it("parseInputText(raw, display, path) leaves range checks to the model", () => {
    // 140% is out of range for a share, but parsing is not the place to say so
    expect(parseInputText("140", "percent", "domesticShareCap")).toBe(1.4);
  });
});

describe("inputText", () => {
  it("inputText(value, 'percent') shows fractions in percent without float noise", () => {
    // hand-computed: 0.07 × 100 = 7 (JS gives 7.000000000000001)
    expect(inputText(0.07, "percent")).toBe("7");
    expect(inputText(0.366, "percent")).toBe("36.6");
  });

  it("inputText(value, display) shows other numbers as they are", () => {
    expect(inputText(14.934, "number")).toBe("14.934");
    expect(inputText(2025, "integer")).toBe("2025");
  });

  it("inputText then parseInputText round-trips a percent", () => {
    expect(parseInputText(inputText(0.93, "percent"), "percent", "nvidiaForeignShare")).toBe(0.93);
  });
});
