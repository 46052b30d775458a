/**
 * The Evidence tab in the preview page at Excel's pane width (350 px): the cited observations and the scenario
 * weights, a run with evidence in the worker (ESS, prior vs posterior, regime posterior), no horizontal scroll,
 * and "Write CS Evidence" read back from the preview workbook. Screenshots: screenshots/evidence-view.png (the
 * whole pane) and screenshots/evidence-sheet.png (the CS Evidence sheet).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openSession, SCREENSHOT_DIR } from "./support/browser";
import { showSection } from "./support/sections";

const PANE = 'aside[aria-label="ChipShift task pane"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Opens the Evidence tab: its tab when it fits the row, else through the "More" menu. */
async function openEvidence(page: Page): Promise<void> {
  await showSection(page, "Evidence");
  await page
    .locator(PANE)
    .getByRole("heading", { name: /^Observations \(\d+\)$/ })
    .waitFor();
}

/** Horizontal overflow of the pane: its scroll width, and the visible elements reaching past its right edge. */
async function horizontalOverflow(
  page: Page,
): Promise<{ scroll: number; client: number; offenders: string[] }> {
  return page.evaluate((selector) => {
    const pane = document.querySelector(selector) as HTMLElement;
    const right = pane.getBoundingClientRect().right;
    const clipped = (el: Element): boolean => {
      for (let a: Element | null = el; a !== null && a !== pane; a = a.parentElement)
        if (getComputedStyle(a).clip !== "auto" || getComputedStyle(a).display === "none") return true;
      return false;
    };
    const offenders = [...pane.querySelectorAll("*")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > right + 0.5 && !clipped(el);
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} right=${el.getBoundingClientRect().right.toFixed(1)}`,
      );
    return { scroll: pane.scrollWidth, client: pane.clientWidth, offenders: offenders.slice(0, 10) };
  }, PANE);
}

/** Column A and B of a preview sheet: label → the value beside it (first occurrence). */
async function sheetRows(
  page: Page,
  sheet: string,
): Promise<{ label: string; b: string | null; row: number }[]> {
  return page.evaluate((name) => {
    const rows: { label: string; b: string | null; row: number }[] = [];
    for (const cell of document.querySelectorAll(`[data-cell^="${name}!A"]`)) {
      const ref = cell.getAttribute("data-cell") ?? "";
      const row = Number(ref.slice(ref.lastIndexOf("A") + 1));
      const label = cell.getAttribute("data-value") ?? "";
      if (label === "") continue;
      const b = document.querySelector(`[data-cell="${name}!B${row}"]`)?.getAttribute("data-value") ?? null;
      rows.push({ label, b, row });
    }
    return rows;
  }, sheet);
}

describe("Evidence tab at 350 px", () => {
  it("weighs the scenarios, runs with evidence, fits 350 px and writes CS Evidence", async () => {
    const session = await openSession(browser, "preview.html?paneWidth=350", {
      viewport: { width: 1100, height: 800 },
    });
    const { page } = session;
    const pane = page.locator(PANE);
    await openEvidence(page);

    // The cited default set (defaultEvidence.ts: five observations) and one weight bar pair per preset.
    expect(await pane.getByTestId("evidence-observations").getByRole("group").count()).toBe(5);
    const weights = JSON.parse(
      (await pane.getByTestId("evidence-weights").getAttribute("data-weights")) ?? "[]",
    ) as {
      name: string;
      posterior: number;
    }[];
    expect(weights.map((w) => w.name)).toEqual([
      "Licensed trade",
      "Licensed on paper",
      "Full decoupling",
      "Détente",
      "Domestic supply crunch",
    ]);
    expect(weights.reduce((a, w) => a + w.posterior, 0)).toBeCloseTo(1, 9);
    expect(await pane.getByTestId("evidence-weights").locator('rect[data-bar="posterior"]').count()).toBe(5);
    const before = await horizontalOverflow(page);
    expect(before.offenders).toEqual([]);
    expect(before.scroll).toBeLessThanOrEqual(before.client);

    // A bad entry says what to do at its box and is kept as typed.
    const sd = pane
      .getByRole("group", { name: /^Observation 2 \(/ })
      .getByRole("textbox", { name: "SD (USD bn)" });
    await sd.fill("0");
    await pane
      .getByText(
        /Observation 2 \(NVIDIA China revenue \(model\), Q1 FY2027\): enter the SD as a number greater than 0/,
      )
      .first()
      .waitFor();
    expect(await sd.inputValue()).toBe("0");
    await sd.fill("1.5");

    // "Add from figure" fits too (a native select would grow to its longest option).
    await pane.getByRole("button", { name: "Add from figure" }).click();
    const add = pane.getByRole("region", { name: "Add an observation from a figure" });
    await add.getByRole("searchbox", { name: "Find a figure" }).fill("china q2 fy2027");
    await add.getByRole("combobox", { name: "Period" }).waitFor();
    expect(await add.getByRole("combobox", { name: "Period" }).inputValue()).toBe("Q2 FY2027");
    const adding = await horizontalOverflow(page);
    expect(adding.offenders).toEqual([]);
    await add.screenshot({ path: `${SCREENSHOT_DIR}/evidence-add-from-figure.png` });
    await add.getByRole("button", { name: "Cancel" }).click();

    await pane.getByRole("button", { name: "Run with evidence" }).click();
    await pane.getByTestId("evidence-results").waitFor({ timeout: 60_000 });
    expect(await pane.getByTestId("evidence-scenario").textContent()).toMatch(
      /^Evidence run for “Licensed trade” · inputs [0-9a-f]{12}$/,
    );
    const ess = (await pane.getByTestId("evidence-ess").textContent()) ?? "";
    expect(ess).toMatch(/^Effective sample size [\d,]+ of 10,000 trials/);
    const essValue = Number(/size ([\d,]+)/.exec(ess)?.[1]?.replace(/,/g, ""));
    // measured: 594 for Licensed trade at 10,000 trials (the bench: ESS ≥ 1000 at 200k) → no low-ESS warning
    expect(essValue).toBeGreaterThan(50);
    expect(await pane.getByTestId("evidence-ess-warning").count()).toBe(0);
    await pane.getByTestId("evidence-fan").waitFor();
    await pane.getByTestId("evidence-regimes").waitFor();
    expect(await pane.getByRole("img", { name: /^NVIDIA China revenue: prior vs posterior/ }).count()).toBe(
      1,
    );
    const overflow = await horizontalOverflow(page);
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);

    await pane.getByRole("button", { name: "Write CS Evidence" }).click();
    await pane.getByTestId("evidence-write-message").waitFor();
    expect(await pane.getByTestId("evidence-write-message").textContent()).toBe(
      "Evidence written to the sheet “CS Evidence”",
    );
    await page.getByRole("tab", { name: "CS Evidence", exact: true }).click();
    await expect.poll(async () => (await sheetRows(page, "CS Evidence")).length).toBeGreaterThan(20);
    const rows = await sheetRows(page, "CS Evidence");
    const at = (label: string) => rows.find((r) => r.label === label);
    expect(at("Trials")?.b).toBe("10000");
    expect(at("Scenario")?.b).toBe("Log-likelihood");
    expect(rows.filter((r) => r.label === "Scenario")[1]?.b).toBe("Licensed trade");
    expect(at("Inputs fingerprint")?.b).toMatch(/^[0-9a-f]{12}$/);
    expect(Number(at("Effective sample size (1/Σw²)")?.b)).toBeCloseTo(essValue, -1);
    expect(at("Posterior P50")).toBeDefined();
    // The observations with their figure ids: nvidiaChina FY2026 = 19.677
    expect(rows.find((r) => r.label === "nvidiaChina")?.b).toBe("FY2026");
    expect(at("Full decoupling")).toBeDefined();

    // Screenshots: the whole pane (tall viewport so nothing scrolls), then the sheet.
    await page.setViewportSize({ width: 1100, height: 4200 });
    await pane.evaluate((el) => el.scrollTo(0, 0));
    await pane.screenshot({ path: `${SCREENSHOT_DIR}/evidence-view.png` });
    await page.setViewportSize({ width: 1400, height: 1500 });
    await page.locator('section[aria-label="Preview workbook"]').screenshot({
      path: `${SCREENSHOT_DIR}/evidence-sheet.png`,
    });
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("follows a dark Office theme (screenshot of the results)", async () => {
    const session = await openSession(browser, "preview.html?paneWidth=350", {
      viewport: { width: 1100, height: 800 },
    });
    const { page } = session;
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload({ waitUntil: "load" });
    await openEvidence(page);
    const pane = page.locator(PANE);
    await pane.getByRole("button", { name: "Run with evidence" }).click();
    await pane.getByTestId("evidence-results").waitFor({ timeout: 60_000 });
    await page.setViewportSize({ width: 1100, height: 4200 });
    await pane.screenshot({ path: `${SCREENSHOT_DIR}/evidence-view-dark.png` });
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});
