import { describe, expect, it } from "vitest";

type ProductionOrigin = (
  mode: "production" | "development",
  value: string | undefined,
  localhost: boolean,
) => string;
// webpack.config.js is plain JavaScript (outside the TypeScript program): type the one export used here
const { productionOrigin } = (await import(new URL("../../webpack.config.js", import.meta.url).href)) as {
  productionOrigin: ProductionOrigin;
};

describe("productionOrigin(mode, ADDIN_ORIGIN, localhost)", () => {
  it("productionOrigin('production', undefined, false) fails the build, naming ADDIN_ORIGIN and the opt-in", () => {
    expect(() => productionOrigin("production", undefined, false)).toThrow(/ADDIN_ORIGIN.*build:localhost/);
    expect(() => productionOrigin("production", "", false)).toThrow(/ADDIN_ORIGIN/);
  });

  it("productionOrigin('production', undefined, true) is the dev server's origin (explicit opt-in)", () => {
    expect(productionOrigin("production", undefined, true)).toBe("https://localhost:3000");
  });

  it("productionOrigin(mode, origin, …) returns a given https origin, and development defaults to localhost", () => {
    expect(productionOrigin("production", "https://chipshift.example.com", false)).toBe(
      "https://chipshift.example.com",
    );
    expect(productionOrigin("development", undefined, false)).toBe("https://localhost:3000");
  });
});
