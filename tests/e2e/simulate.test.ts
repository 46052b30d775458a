import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openSession } from "./support/browser";
import { showSection } from "./support/sections";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

function cell(page: Page, ref: string) {
  return page.locator(`[data-cell="${ref}"]`);
}

async function openSimulate(page: Page, trials: string): Promise<void> {
  await showSection(page, "Simulate");
  const box = page.getByRole("textbox", { name: /Trials/ });
  await box.fill(trials);
}

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/**
 * Starts collecting main-thread long tasks (> 50 ms by definition of the Long Tasks API) and the moment the
 * results panel is inserted (a MutationObserver callback runs at the end of the task that inserted it).
 */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: LongTask[]; __resultsAt: number | null; __since: number };
    w.__longTasks = [];
    w.__resultsAt = null;
    // Page load (HyperFormula, first render) is not part of the run: count tasks from now on.
    w.__since = performance.now();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.startTime >= w.__since) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    new MutationObserver(() => {
      if (w.__resultsAt === null && document.querySelector('[data-testid="simulation-results"]') !== null)
        w.__resultsAt = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** Long tasks while the run was in progress, and the task that rendered the results (after the run). */
async function longTasks(page: Page): Promise<{ during: LongTask[]; resultsRender: number }> {
  const { tasks, resultsAt } = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: LongTask[]; __resultsAt: number | null };
    return { tasks: w.__longTasks, resultsAt: w.__resultsAt ?? Infinity };
  });
  const isResultsTask = (t: LongTask) => t.start <= resultsAt && resultsAt <= t.start + t.duration + 1;
  return {
    during: tasks.filter((t) => t.start + t.duration < resultsAt && !isResultsTask(t)),
    resultsRender: tasks.find(isResultsTask)?.duration ?? 0,
  };
}

describe("Simulate and Sensitivity in the preview page", () => {
  it("simulate: 100,000 trials show progress and the fan chart", async () => {
    const session = await openSession(browser, "preview.html");
    const { page } = session;
    await openSimulate(page, "100000");
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page
      .getByText(/of 100,000 trials$/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByTestId("fan-chart").waitFor({ timeout: 60_000 });
    const bands = JSON.parse((await page.locator("[data-bands]").getAttribute("data-bands")) ?? "{}") as {
      p50: number[];
    };
    // presets.ts licensed: 2025..2030 → 6 years
    expect(bands.p50).toHaveLength(6);
    await page.getByTestId("simulation-results").scrollIntoViewIfNeeded();
    await session.screenshot("simulate-100k");
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("simulate: a 1,000,000-trial run can be cancelled midway and the pane stays responsive", async () => {
    const session = await openSession(browser, "preview.html");
    const { page } = session;
    await openSimulate(page, "1000000");
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page.getByText(/^[1-9][\d,]* of 1,000,000 trials$/).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Cancel" }).click();
    const message = page.getByTestId("simulate-message");
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toMatch(/^Simulation cancelled after [\d,]+ of 1,000,000 trials/);
    // Responsive: a tab switch and back answers at once.
    const started = Date.now();
    await showSection(page, "Figures");
    await page.getByRole("searchbox", { name: "Search figures" }).waitFor();
    expect(Date.now() - started).toBeLessThan(2_000);
    await session.screenshot("simulate-cancelled");
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("simulate: 1,000,000 trials run off the main thread (long tasks logged), then write CS Simulation", async () => {
    const session = await openSession(browser, "preview.html");
    const { page } = session;
    await openSimulate(page, "1000000");
    await watchLongTasks(page);
    const started = Date.now();
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page.getByTestId("simulation-results").waitFor({ timeout: 170_000 });
    const wallMs = Date.now() - started;
    const { during, resultsRender } = await longTasks(page);
    const maxTask = Math.max(0, ...during.map((t) => t.duration));
    console.log(
      `e2e simulate 1,000,000 trials: wall ${(wallMs / 1000).toFixed(1)} s; long tasks while running ${during.length}` +
        ` (max ${maxTask.toFixed(0)} ms); rendering the results afterwards ${resultsRender.toFixed(0)} ms`,
    );
    const since = await page.evaluate(() => (window as unknown as { __since: number }).__since);
    console.log(
      `long tasks (ms after the Run click): ${during.map((t) => `${(t.start - since).toFixed(0)}+${t.duration.toFixed(0)}`).join(", ")}`,
    );
    // Off the main thread: a main-thread run of 1,000,000 trials would block it for seconds. The ≤ 50 ms
    // long-task goal is a timing goal, measured by `npm run bench` (section "pane worker"), not asserted here.
    expect(maxTask).toBeLessThan(1_000);

    // The pane's run is split: the other series and the rank correlations follow in the background (their
    // own progress bar under the results), and Write results waits for them.
    const rest = page.getByTestId("simulation-rest");
    await rest.waitFor();
    expect(await page.getByRole("button", { name: "Write results" }).isDisabled()).toBe(true);
    await rest.scrollIntoViewIfNeeded();
    await session.screenshot("simulate-rest-running");
    await rest.waitFor({ state: "detached", timeout: 170_000 });
    await page.getByRole("button", { name: "Write results" }).click();
    await page.getByTestId("simulate-write-message").waitFor();
    expect(await page.getByTestId("simulate-write-message").textContent()).toBe(
      "Results written to the sheet “CS Simulation”",
    );
    await page.getByRole("tab", { name: "CS Simulation" }).waitFor();
    // simulationLayout.ts: settings start at row 4; row 6 holds the trials
    await expect.poll(() => cell(page, "CS Simulation!B6").getAttribute("data-value")).toBe("1000000");
    expect(await cell(page, "CS Simulation!A6").getAttribute("data-value")).toBe("Trials");
    await session.screenshot("simulate-written");
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("sensitivity: run the tornado, see the chart, write CS Sensitivity", async () => {
    const session = await openSession(browser, "preview.html");
    const { page } = session;
    await showSection(page, "Sensitivity");
    await page.getByRole("button", { name: "Run tornado" }).click();
    await page.getByTestId("tornado-chart").waitFor();
    await session.screenshot("sensitivity-tornado");
    await page.getByRole("button", { name: "Write results" }).click();
    expect(await page.getByTestId("sensitivity-write-message").textContent()).toBe(
      "Tornado written to the sheet “CS Sensitivity”",
    );
    // simulationLayout.ts: the scenario's name in B3, its inputs fingerprint in B4, the base value in B5
    await expect
      .poll(() => cell(page, "CS Sensitivity!B3").getAttribute("data-value"))
      .toBe("Licensed trade");
    expect(await cell(page, "CS Sensitivity!B4").getAttribute("data-value")).toMatch(/^[0-9a-f]{12}$/);
    expect(Number(await cell(page, "CS Sensitivity!B5").getAttribute("data-value"))).toBeGreaterThan(0);
    await session.screenshot("sensitivity-written");
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});
