import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESETS } from "../../src/model/presets";
import path from "node:path";
import { launchBrowser, openSession, SCREENSHOT_DIR } from "./support/browser";

// Oracle: preset names from DESIGN.md §4.4, not the app's preset module.
const PRESET_NAMES = ["Licensed trade", "Full decoupling", "Détente", "Domestic supply crunch"];

interface Plotted {
  x: string[];
  series: { id: string; values: (number | null)[] }[];
}

interface Markers {
  id: string;
  markers: { xIndex: number; offset: number; value: number; label: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function chartData(page: Page, testId: string): Promise<Plotted> {
  const json = await page.getByTestId(testId).getAttribute("data-series");
  return JSON.parse(json ?? "{}") as Plotted;
}

function box(page: Page, label: RegExp) {
  return page.getByLabel(label).and(page.locator("input"));
}

async function openScenarioTab(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Scenario" }).click();
  await page.getByRole("combobox", { name: "Preset scenario" }).waitFor();
}

async function choosePreset(page: Page, name: string): Promise<void> {
  await page.getByRole("combobox", { name: "Preset scenario" }).click();
  await page.getByRole("option", { name }).click();
}

describe("scenario studio", () => {
  it("scenario: each preset redraws the charts, two input changes redraw them, an invalid value shows its message", async () => {
    const session = await openSession(browser, "preview.html");
    const { page } = session;
    await openScenarioTab(page);

    const seen: string[] = [];
    for (const [i, name] of PRESET_NAMES.entries()) {
      await choosePreset(page, name);
      expect(await page.getByRole("combobox", { name: "Preset scenario" }).textContent()).toContain(name);
      const data = await chartData(page, "chart-nvidia-china");
      // 2025/FY26 … 2030/FY31 (base year 2025, horizon 5, DESIGN.md §4.4)
      expect(data.x[0]).toBe("2025/FY26");
      // model first, net of remittance last; the outlook in between when the preset has reported quarters
      const ids = data.series.map((s) => s.id);
      expect([ids[0], ids.at(-1)]).toEqual(["nvidiaChina", "nvidiaChinaNet"]);
      const key = JSON.stringify(data.series);
      expect(seen).not.toContain(key);
      seen.push(key);
      await session.screenshot(`scenario-preset-${i + 1}`);
    }

    await choosePreset(page, "Licensed trade");
    const base = await chartData(page, "chart-nvidia-china");
    await box(page, /^China AI-accelerator market, base year/).fill("60");
    const afterMarket = await chartData(page, "chart-nvidia-china");
    expect(afterMarket).not.toEqual(base);
    // hand-computed: D1_0 = min(0.41 × 60, 16) = 16, N_0 = 0.93 × 0.15 × (60 − 16) = 6.138,
    // T_0 = 6.138 + 4.86 (offshoreBase) + 10.074 (otherBase) = 21.072
    expect(afterMarket.series[0]?.values[0]).toBeCloseTo(21.072, 9);

    const splitBefore = await chartData(page, "chart-market-split");
    await box(page, /^Domestic share ceiling/).fill("60");
    const afterCap = await chartData(page, "chart-nvidia-china");
    expect(afterCap).not.toEqual(afterMarket);
    expect(await chartData(page, "chart-market-split")).not.toEqual(splitBefore);
    await session.screenshot("scenario-edited");

    await box(page, /^China AI-accelerator market, base year/).fill("abc");
    await page.getByText(/^Must be a number, got "abc"/).waitFor();
    expect(await chartData(page, "chart-nvidia-china")).toEqual(afterCap);
    await page.getByText(/^Must be a number, got "abc"/).scrollIntoViewIfNeeded();
    await session.screenshot("scenario-invalid");

    await box(page, /^Domestic share ceiling/).fill("140");
    await page.getByText("Must be between 0% and 100%, got 140%").waitFor();

    await page.getByRole("button", { name: "Reset to preset" }).click();
    expect(await chartData(page, "chart-nvidia-china")).toEqual(base);
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("scenario: a provenance badge shows its source on keyboard focus and pinned scenarios share one chart", async () => {
    const session = await openSession(browser, "preview.html", { viewport: { width: 1280, height: 1000 } });
    const { page } = session;
    await openScenarioTab(page);

    // Keyboard only: Tab from the market box lands on its provenance badge.
    await box(page, /^China AI-accelerator market, base year/).focus();
    await page.keyboard.press("Tab");
    const badge = page.getByRole("button", {
      name: "Cited source for China AI-accelerator market, base year",
    });
    expect(await badge.evaluate((element) => element === document.activeElement)).toBe(true);
    const tip = page.getByRole("tooltip");
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/\$50/);
    await session.screenshot("scenario-provenance-tooltip");
    await page.keyboard.press("Escape");
    await tip.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Pin current scenario" }).click();
    await page.getByRole("combobox", { name: "Preset to pin" }).click();
    await page.getByRole("option", { name: "Full decoupling" }).click();
    await page.getByRole("button", { name: "Pin preset" }).click();
    const compare = await chartData(page, "chart-compare");
    expect(compare.series).toHaveLength(2);
    expect(compare.series[0]?.values).not.toEqual(compare.series[1]?.values);
    await page.getByTestId("chart-compare").scrollIntoViewIfNeeded();
    await session.screenshot("scenario-compare");

    // Measurement: one keystroke's synchronous re-render (React handles input events as discrete updates).
    const ms = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[data-path="marketBase"]');
      if (input === null) throw new Error("marketBase box missing");
      // The native setter, so React's value tracker sees a change (assigning input.value would be ignored).
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      const times: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const started = performance.now();
        setValue?.call(input, String(50 + (i % 5)));
        input.dispatchEvent(new Event("input", { bubbles: true }));
        times.push(performance.now() - started);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      times.sort((a, b) => a - b);
      return { median: times[10] ?? 0, max: times[19] ?? 0 };
    });
    console.log(
      `scenario: keystroke → re-rendered pane, median ${ms.median.toFixed(1)} ms, max ${ms.max.toFixed(1)} ms`,
    );
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("scenario at 350 px: the channel chart stacks to the model line, reported quarters are markers, the outlook is drawn", async () => {
    const session = await openSession(browser, "taskpane.html", { viewport: { width: 350, height: 1500 } });
    const { page } = session;
    await openScenarioTab(page);
    for (const [i, name] of ["Licensed trade", "Full decoupling"].entries()) {
      await choosePreset(page, name);
      const revenue = await chartData(page, "chart-nvidia-china");
      const channels = await chartData(page, "chart-channels");
      expect(channels.series.map((s) => s.id)).toEqual(["nvidiaDataCenter", "nvidiaOffshore", "nvidiaOther"]);
      // DESIGN.md §4.5: T = N + Q + O, so the stacked channels reach the model line in every year
      const model = revenue.series.find((s) => s.id === "nvidiaChina")!.values;
      channels.x.forEach((_, t) => {
        const stacked = channels.series.reduce((sum, s) => sum + (s.values[t] ?? 0), 0);
        expect(stacked).toBeCloseTo(model[t]!, 9);
      });
      // each reported quarter of the preset is a marker at 4 × its value (annual rate)
      const reported = PRESETS.find((p) => p.name === name)!.scenario.reported ?? [];
      const json = await page.getByTestId("chart-nvidia-china").getAttribute("data-markers");
      const markers = (JSON.parse(json ?? "[]") as Markers[]).flatMap((m) => m.markers);
      expect(markers.map((m) => m.value).sort()).toEqual(reported.map((q) => q.value * 4).sort());
      if (reported.length > 0) {
        expect(revenue.series.map((s) => s.id)).toContain("nvidiaChinaOutlook");
        expect(await page.locator('[data-marker-set-id="reportedQuarters"] circle').count()).toBe(
          reported.length,
        );
      }
      // designed for the pane: no horizontal scroll at 350 px
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
      // The three charts at full resolution (a full-page shot of the long pane is too small to read).
      const top = await page.getByText("NVIDIA China revenue", { exact: true }).boundingBox();
      const bottom = await page.getByTestId("chart-market-split").boundingBox();
      const slug = name.replace(/ /g, "-").toLowerCase();
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `scenario-350-${i + 1}-${slug}-charts.png`),
        fullPage: true,
        clip: { x: 0, y: top!.y - 8, width: 350, height: bottom!.y + bottom!.height + 60 - top!.y },
      });
      await session.screenshot(`scenario-350-${i + 1}-${slug}`);
    }
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});
