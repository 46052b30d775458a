import { describe, expect, it } from "vitest";
import { themeModeOfBackground, themeModeOfOffice } from "../../src/taskpane/theme";

describe("themeModeOfBackground", () => {
  it("themeModeOfBackground returns null for a colour it cannot read", () => {
    expect(themeModeOfBackground("red")).toBeNull();
    expect(themeModeOfBackground("#12345")).toBeNull();
  });

  it("themeModeOfBackground picks dark for Office's dark and black themes, light for white and colorful", () => {
    // Office theme backgrounds: black #000000, dark gray #262626, colorful/white #FFFFFF
    expect(themeModeOfBackground("#000000")).toBe("dark");
    expect(themeModeOfBackground("#262626")).toBe("dark");
    expect(themeModeOfBackground("#FFFFFF")).toBe("light");
    expect(themeModeOfBackground("fff")).toBe("light");
  });

  it("themeModeOfBackground splits mid-greys at relative luminance 0.5", () => {
    // hand-computed: sRGB 0xBB = 187/255 = 0.7333 → ((0.7333+0.055)/1.055)^2.4 = 0.4969 < 0.5 → dark
    expect(themeModeOfBackground("#BBBBBB")).toBe("dark");
    // hand-computed: 0xBD = 189/255 = 0.7412 → ((0.7412+0.055)/1.055)^2.4 = 0.5089 ≥ 0.5 → light
    expect(themeModeOfBackground("#BDBDBD")).toBe("light");
  });
});

describe("themeModeOfOffice", () => {
  it("themeModeOfOffice prefers Office's isDarkTheme over the background colour", () => {
    // a dark theme whose body background is light (e.g. a custom colour) is still dark, and the reverse
    expect(themeModeOfOffice({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" })).toBe("dark");
    expect(themeModeOfOffice({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
  });

  it("themeModeOfOffice falls back to the background's luminance on hosts without isDarkTheme", () => {
    expect(themeModeOfOffice({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeModeOfOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeModeOfOffice({})).toBeNull();
    expect(themeModeOfOffice(undefined)).toBeNull();
  });
});
