import { describe, expect, it } from "vitest";
import { inUserWords } from "../../../src/taskpane/scenario/NumberField";

describe("inUserWords(engine message, path, percent)", () => {
  it("drops the engine id the field already shows as its label, and says what to type", () => {
    expect(inUserWords('marketBase must be a number, got "1,5x"', "marketBase", false)).toBe(
      'Must be a number, got "1,5x": type a number such as 36.6',
    );
    expect(inUserWords("horizon must be an integer between 1 and 30, got 0", "horizon", false)).toBe(
      "Must be an integer between 1 and 30, got 0",
    );
  });

  it("says a percent box's bounds and value in % (hand-computed: 0..1 → 0%..100%, 1.2 → 120%, −0.05 → −5%)", () => {
    expect(
      inUserWords(
        "regimes.paper.offshoreAccess must be between 0 and 1, got 1.2",
        "regimes.paper.offshoreAccess",
        true,
      ),
    ).toBe("Must be between 0% and 100%, got 120%");
    expect(inUserWords("adoption must be greater than 0, got -0.05", "adoption", true)).toBe(
      "Must be greater than 0%, got -5%",
    );
    // a message about another field is left whole (it names that field)
    expect(inUserWords("weights must sum to 1", "vendors.huawei.weight", true)).toBe("Weights must sum to 1");
  });
});
