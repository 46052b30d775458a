import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openSession } from "./support/browser";

// Oracle: the researched dataset file itself, not the app's dataset module.
const FIGURE_ID = "nvda_china_rev_fy2026_hq";
const figuresFile = path.resolve(import.meta.dirname, "../../data/research/figures.json");

let browser: Browser;
let expectedValue: number;
beforeAll(async () => {
  const rows = JSON.parse(await readFile(figuresFile, "utf8")) as Array<{ id: string; value: number }>;
  const row = rows.find((r) => r.id === FIGURE_ID);
  if (row === undefined) throw new Error(`${FIGURE_ID} missing from figures.json`);
  expectedValue = row.value;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

function cell(page: Page, ref: string) {
  return page.locator(`[data-cell="${ref}"]`);
}

describe("preview page", () => {
  it("preview: search a figure, insert its value and its CHIPS.FIGURE formula at clicked grid cells", async () => {
    const session = await openSession(browser, "preview.html");
    const { page } = session;

    await page.getByRole("searchbox", { name: "Search figures" }).fill(FIGURE_ID);
    const results = page.getByRole("listbox", { name: "Matching figures" });
    await results.locator(`[data-figure-id="${FIGURE_ID}"]`).click();
    await page.getByTestId("figure-detail").waitFor();

    await cell(page, "Sheet1!B3").click();
    expect(await page.getByTestId("name-box").textContent()).toBe("Sheet1!B3");
    await page.getByRole("button", { name: "Insert value" }).click();
    await expect.poll(() => page.getByTestId("figures-message-text").textContent()).toMatch(/at Sheet1!B3$/);
    expect(Number(await cell(page, "Sheet1!B3").getAttribute("data-value"))).toBe(expectedValue);
    await session.screenshot("preview-insert-value");

    await cell(page, "Sheet1!B4").click();
    await page.getByRole("button", { name: "Insert formula" }).click();
    await expect.poll(() => page.getByTestId("figures-message-text").textContent()).toMatch(/at Sheet1!B4$/);
    expect(Number(await cell(page, "Sheet1!B4").getAttribute("data-value"))).toBe(expectedValue);
    expect(await page.getByTestId("formula-text").textContent()).toBe(`=CHIPS.FIGURE("${FIGURE_ID}")`);
    await session.screenshot("preview-insert-formula");

    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("preview: the results list and insert buttons work from the keyboard alone", async () => {
    const session = await openSession(browser, "preview.html");
    const { page } = session;
    const search = page.getByRole("searchbox", { name: "Search figures" });
    await search.fill(FIGURE_ID);
    const results = page.getByRole("listbox", { name: "Matching figures" });
    await results.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("figure-detail").waitFor();
    await page.getByRole("button", { name: "Insert value" }).focus();
    await page.keyboard.press("Enter");
    // The active cell is still A1 (nothing was clicked).
    await expect.poll(() => page.getByTestId("figures-message-text").textContent()).toMatch(/at Sheet1!A1$/);
    expect(Number(await cell(page, "Sheet1!A1").getAttribute("data-value"))).toBe(expectedValue);
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});
