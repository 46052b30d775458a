import { describe, expect, it } from "vitest";
import { chartGeometry, thinnedLabels } from "../../../src/taskpane/charts/chartGeometry";

describe("chartGeometry", () => {
  it("chartGeometry(x, values) starts the y axis at 0 and rounds the top to a nice tick", () => {
    const g = chartGeometry(["a", "b"], [3, 47], { width: 320, height: 200 });
    // hand-computed: extent 0..47, 5 ticks → step 10 → nice domain 0..50
    expect(g.y.domain()).toEqual([0, 50]);
    expect(g.yTicks).toEqual([0, 10, 20, 30, 40, 50]);
    // hand-computed: baseline = height − bottom margin = 200 − 28 = 172; top = margin 8
    expect(g.y(0)).toBe(172);
    expect(g.y(50)).toBe(8);
  });

  it("chartGeometry(x, values) includes negative values below the zero line", () => {
    const g = chartGeometry(["a"], [-4, 8]);
    // hand-computed: extent −4..8 with step 2 → −4..8
    expect(g.y.domain()).toEqual([-4, 8]);
  });

  it("chartGeometry(x, values) falls back to 0..1 when there is nothing to plot", () => {
    expect(chartGeometry([], []).y.domain()).toEqual([0, 1]);
    expect(chartGeometry(["a"], [null, 0]).y.domain()).toEqual([0, 1]);
  });
});

describe("thinnedLabels", () => {
  it("thinnedLabels(labels, max) keeps every k-th label starting from the first", () => {
    // hand-computed: 5 labels, at most 3 → step ceil(5/3) = 2 → a, c, e
    expect(thinnedLabels(["a", "b", "c", "d", "e"], 3)).toEqual(["a", "c", "e"]);
  });

  it("thinnedLabels(labels, max) keeps all labels when they fit", () => {
    expect(thinnedLabels(["a", "b"], 6)).toEqual(["a", "b"]);
  });
});
