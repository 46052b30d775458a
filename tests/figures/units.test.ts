import { describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { convertValue, unitLabel } from "../../src/figures/units";

describe("convertValue(value, from, to)", () => {
  it("convertValue(…) moves money between scales of one currency (hand arithmetic)", () => {
    expect(convertValue(19677, "USD_million", "USD_billion")).toBe(19.677); // 19,677 / 1,000
    expect(convertValue(17, "USD_billion", "USD_million")).toBe(17000); // 17 × 1,000
    expect(convertValue(2.5, "USD_billion", "USD")).toBe(2.5e9);
    expect(convertValue(1500, "USD_billion", "USD_trillion")).toBe(1.5);
    expect(convertValue(5.996, "CNY_billion", "CNY m")).toBe(5996);
    expect(convertValue(30, "USD_billion_per_year", "USD_million_per_year")).toBe(30000);
  });

  it("convertValue(…) accepts the unit itself for any unit, and codes or labels case-insensitively", () => {
    expect(convertValue(312, "TFLOPS", "TFLOPS")).toBe(312);
    expect(convertValue(41, "percent", "%")).toBe(41);
    expect(convertValue(1, "USD_billion", "  usd_million ")).toBe(1000);
    expect(convertValue(1, "USD_billion", "USD m")).toBe(1000);
    expect(convertValue(7, "USD_million", "")).toBe(7);
  });

  it("convertValue(…) refuses other currencies, dimensions and kinds of quantity, naming the units", () => {
    const cases: Array<[string, string]> = [
      ["USD_billion", "CNY_billion"],
      ["USD_billion", "USD_billion_per_year"],
      ["USD_per_unit", "USD_billion"],
      ["TFLOPS", "PFLOPS"],
      ["percent", "USD_billion"],
      ["USD_billion", "furlongs"],
      ["USD_billion", "constructor"],
    ];
    for (const [from, to] of cases) {
      const result = convertValue(1, from, to);
      expect(isModelError(result), `${from} → ${to}`).toBe(true);
      if (isModelError(result)) expect(result.code).toBe("invalidInput");
    }
    const message = convertValue(1, "USD_billion", "CNY_billion");
    expect(isModelError(message) && message.message).toMatch(/USD bn to CNY bn/);
  });
});

describe("unitLabel(unit)", () => {
  it("unitLabel(unit) writes units in words", () => {
    expect(unitLabel("USD_billion")).toBe("USD bn");
    expect(unitLabel("USD_million")).toBe("USD m");
    expect(unitLabel("percent_of_A100")).toBe("% of A100");
    expect(unitLabel("wafers_per_month")).toBe("wafers per month");
    expect(unitLabel("TFLOPS")).toBe("TFLOPS");
  });
});
