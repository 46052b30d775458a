/**
 * The Figures view at Excel's pane width (350 px): add your own cited figure, see it first in the list with its
 * evidence badge, filter to primary sources, no horizontal scroll; the figure as an input's provenance reaches
 * CS Sources marked as yours; the Scenario tab marks inputs resting only on secondary evidence. Screenshots:
 * figures-form-error, figures-added, figures-primary-only, scenario-cite-dialog, scenario-cited-own-figure,
 * cs-sources, cs-sources-evidence, scenario-secondary.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import path from "node:path";
import { launchBrowser, openSession, SCREENSHOT_DIR } from "./support/browser";

const PANE = 'aside[aria-label="ChipShift task pane"]';
const LIST = '[role="listbox"][aria-label="Matching figures"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function openPane(width = 350) {
  const session = await openSession(browser, `preview.html?paneWidth=${width}`, {
    viewport: { width: 1100, height: 900 },
  });
  await session.page.getByRole("tab", { name: "Figures" }).waitFor();
  return session;
}

/** Shows a section: its tab when visible, else through the tab bar's overflow menu ("N more sections"). */
async function showSection(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tablist", { name: "ChipShift sections" }).getByRole("tab", { name });
  if (await tab.isVisible()) await tab.click();
  else {
    await page.getByRole("button", { name: /more sections/ }).click();
    await page.getByRole("menuitemradio", { name }).click();
  }
  await page.locator(`${PANE} [role="tabpanel"]:not([hidden])`).waitFor();
}

/**
 * Horizontal overflow (px) of the pane and its shown panel, and elements of the Figures view's list, detail and
 * form that stick out past the pane's right edge.
 */
async function horizontalOverflow(page: Page) {
  return page.evaluate((pane) => {
    const root = document.querySelector(pane)!;
    const panel = root.querySelector('[role="tabpanel"]:not([hidden])')!;
    const right = root.getBoundingClientRect().right;
    const mine =
      '[role="listbox"], [data-testid="figure-detail"], [data-testid="user-figure-form"], [data-testid="figures-message"]';
    const outside = [...panel.querySelectorAll(mine)]
      .flatMap((el) => [el, ...el.querySelectorAll("*")])
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > right + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)}`)
      .slice(0, 5);
    return {
      pane: root.scrollWidth - root.clientWidth,
      panel: panel.scrollWidth - panel.clientWidth,
      outside,
    };
  }, PANE);
}

/** The visible part of the page only (the Scenario tab is too tall for a readable full-page shot). */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}.png`),
    clip: { x: 700, y: 0, width: 400, height: 900 },
  });
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true }).click();
  await page.locator(`[data-cell="${name}!A1"]`).waitFor();
}

/** The 1-based row whose column A holds `rowId` on the shown sheet. */
async function rowOf(page: Page, sheet: string, rowId: string): Promise<number> {
  const ref = await page
    .locator(`td[data-cell^="${sheet}!A"][data-value="${rowId}"]`)
    .first()
    .getAttribute("data-cell");
  return Number(/(\d+)$/.exec(ref ?? "")?.[1]);
}

async function fill(page: Page, label: RegExp, value: string): Promise<void> {
  await page.getByTestId("user-figure-form").getByRole("textbox", { name: label }).fill(value);
}

async function addFigure(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Add figure" }).click();
  await fill(page, /^Id/, "house_china_dc_2027");
  await fill(page, /^Label/, "House estimate: China data-center accelerator spend, 2027");
  await fill(page, /^Value/, "41.5");
  await fill(page, /^As of/, "2027 (calendar)");
  await fill(page, /^Source title/, "China AI capex outlook, December 2026");
  await fill(page, /^Publisher/, "Example Research");
  await fill(page, /^URL/, "https://research.example.com/china-capex-2026-12");
  await fill(page, /^Quote/, "we estimate China data-center accelerator spend at about $41.5B in 2027");
  await page
    .getByTestId("user-figure-form")
    .getByRole("combobox", { name: /^Evidence class/ })
    .selectOption("analyst");
  await page.getByRole("button", { name: "Save figure" }).click();
  await page.getByTestId("figure-detail").waitFor();
}

describe("Figures view at 350 px", () => {
  it("adds a figure (first in the list, with its badges), filters to primary sources, no horizontal scroll", async () => {
    const session = await openPane();
    const { page } = session;
    await showSection(page, "Figures");
    const total = Number(/of (\d+)/.exec((await page.getByTestId("figure-count").textContent()) ?? "")?.[1]);

    // A hostile id is refused at the field with a clear message.
    await page.getByRole("button", { name: "Add figure" }).click();
    await fill(page, /^Id/, "__proto__");
    await page.getByRole("button", { name: "Save figure" }).click();
    await page.getByTestId("user-figure-problem").waitFor();
    expect(await page.getByTestId("user-figure-problem").textContent()).toMatch(
      /^id: id must start with a letter/,
    );
    await page.getByTestId("user-figure-form").scrollIntoViewIfNeeded();
    await session.screenshot("figures-form-error");
    expect(await horizontalOverflow(page)).toEqual({ pane: 0, panel: 0, outside: [] });
    await page.getByRole("button", { name: "Cancel" }).click();

    await addFigure(page);
    const first = page.locator(`${LIST} [role="option"]`).first();
    expect(await first.getAttribute("data-figure-id")).toBe("house_china_dc_2027");
    expect(await first.getByText("Analyst", { exact: true }).isVisible()).toBe(true);
    expect(await first.getByText("Yours", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId("figure-count").textContent()).toBe(`${total + 1} figures of ${total + 1}`);
    await page.locator(LIST).scrollIntoViewIfNeeded();
    await session.screenshot("figures-added");
    expect(await horizontalOverflow(page)).toEqual({ pane: 0, panel: 0, outside: [] });

    await page.getByRole("checkbox", { name: /Primary sources only/ }).check();
    const filtered = Number(
      /^(\d+) figures/.exec((await page.getByTestId("figure-count").textContent()) ?? "")?.[1],
    );
    expect(filtered).toBeLessThan(total + 1);
    expect(filtered).toBeGreaterThan(0);
    expect(await page.locator(`${LIST} [data-evidence="secondary"]`).count()).toBe(0);
    expect(await page.locator(`${LIST} [data-evidence]`).count()).toBe(filtered);
    await page.locator(LIST).scrollIntoViewIfNeeded();
    await session.screenshot("figures-primary-only");
    expect(await horizontalOverflow(page)).toEqual({ pane: 0, panel: 0, outside: [] });
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("Cite… sets your figure as an input's source; the build's CS Sources lists it as yours; it drives an input", async () => {
    const session = await openPane();
    const { page } = session;
    await showSection(page, "Figures");
    await addFigure(page);
    // CHIPS.FIGURE sees the new figure (the preview computes it with the add-in's functions).
    await page.locator('[data-cell="Sheet1!B3"]').click();
    await page.getByRole("button", { name: "Insert formula" }).click();
    await expect.poll(() => page.locator('[data-cell="Sheet1!B3"]').getAttribute("data-value")).toBe("41.5");
    expect(await page.getByTestId("formula-text").textContent()).toBe('=CHIPS.FIGURE("house_china_dc_2027")');
    await session.screenshot("figures-formula");
    expect(await horizontalOverflow(page)).toEqual({ pane: 0, panel: 0, outside: [] });

    // The Scenario tab cites your figure for an input, by keyboard: Cite… → search → the radio → Cite.
    const base = PRESETS[0]!;
    await showSection(page, "Scenario");
    const citeButton = page.getByRole("button", {
      name: /^Cite a figure for China AI-accelerator market, base year/,
    });
    await citeButton.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("searchbox").fill("house");
    const option = dialog.getByRole("radio", { name: /House estimate/ });
    // Tab past the search box's clear button (when it takes focus) into the radio list
    for (let step = 0; step < 3 && !(await option.evaluate((el) => el === document.activeElement)); step++)
      await page.keyboard.press("Tab");
    expect(await option.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    expect(await option.isChecked()).toBe(true);
    await viewportShot(page, "scenario-cite-dialog");
    // the popover opens under its button and stays inside the 350 px pane
    const dialogBox = await dialog.boundingBox();
    const paneBox = await page.locator(PANE).boundingBox();
    expect(dialogBox!.x).toBeGreaterThanOrEqual(paneBox!.x);
    expect(dialogBox!.x + dialogBox!.width).toBeLessThanOrEqual(paneBox!.x + paneBox!.width);
    await dialog.getByRole("button", { name: "Cite", exact: true }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    const citedBadge = page.getByRole("button", {
      name: /^Cited source for China AI-accelerator market, base year/,
    });
    await citedBadge.hover();
    await page.getByRole("tooltip").filter({ hasText: "house_china_dc_2027" }).waitFor();
    await viewportShot(page, "scenario-cited-own-figure");
    expect(await horizontalOverflow(page)).toEqual({ pane: 0, panel: 0, outside: [] });

    await showSection(page, "Build");
    await page.getByRole("button", { name: "Build model" }).click();
    await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { name: "CS Sources", exact: true })
      .click();
    const idCell = page.locator('td[data-cell^="CS Sources!A"][data-value="house_china_dc_2027"]').first();
    await idCell.waitFor();
    const row = Number(/A(\d+)$/.exec((await idCell.getAttribute("data-cell")) ?? "")?.[1]);
    const cell = (column: string) => page.locator(`[data-cell="CS Sources!${column}${row}"]`);
    expect(await cell("K").getAttribute("data-value")).toBe("Analyst");
    expect(await cell("L").getAttribute("data-value")).toBe("Yours (analyst)");
    expect(await cell("D").getAttribute("data-value")).toBe("USD bn");
    expect(await cell("T").getAttribute("data-value")).toMatch(/marketBase/);
    await idCell.scrollIntoViewIfNeeded();
    await session.screenshot("cs-sources");
    await cell("N").scrollIntoViewIfNeeded();
    await session.screenshot("cs-sources-evidence");

    // Your figure drives an input: =CHIPS.FIGURE in the live scenario's marketBase cell (the switch starts on
    // the first column, D) moves the model to what the engine computes with marketBase = 41.5.
    await showSheet(page, "CS Inputs");
    const marketRow = await rowOf(page, "CS Inputs", "marketBase");
    await page.locator(`[data-cell="CS Inputs!D${marketRow}"]`).click();
    await page
      .getByTestId("name-box")
      .filter({ hasText: `CS Inputs!D${marketRow}` })
      .waitFor();
    await page.getByTestId("cell-editor").fill('=CHIPS.FIGURE("house_china_dc_2027")');
    await page.getByTestId("cell-editor").press("Enter");
    await expect
      .poll(() => page.locator(`[data-cell="CS Inputs!D${marketRow}"]`).getAttribute("data-value"))
      .toBe("41.5");
    await showSheet(page, "CS Model");
    const chinaRow = await rowOf(page, "CS Model", "nvidiaChina");
    // Oracle: the engine on the first preset with marketBase from the figure (41.5 USD bn)
    const projection = projectScenario({ ...base.scenario, marketBase: 41.5 });
    if (isModelError(projection)) throw new Error(projection.message);
    const shown = Number(
      await page.locator(`[data-cell="CS Model!D${chinaRow}"]`).getAttribute("data-value"),
    );
    expect(shown).toBeCloseTo(projection.series.nvidiaChina[0]!, 6);
    const unchanged = projectScenario(base.scenario);
    if (isModelError(unchanged)) throw new Error(unchanged.message);
    expect(shown).not.toBeCloseTo(unchanged.series.nvidiaChina[0]!, 3);
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("the Scenario tab marks inputs resting only on secondary evidence, with the reason on hover", async () => {
    const session = await openPane();
    const { page } = session;
    await showSection(page, "Scenario");
    const markers = page.locator(`${PANE} [data-testid="secondary-marker"]`);
    await markers.first().waitFor();
    expect(await markers.count()).toBeGreaterThan(0);
    const paneRight = await page.evaluate(
      (pane) => document.querySelector(pane)!.getBoundingClientRect().right,
      PANE,
    );
    const box = await markers.first().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(paneRight);
    await markers.first().hover();
    await page
      .getByRole("tooltip")
      .filter({ hasText: /rests only on secondary evidence/ })
      .waitFor();
    await viewportShot(page, "scenario-secondary");
    const citedBadge = page.locator(`${PANE} button[aria-label^="Cited source"]`).first();
    await citedBadge.hover();
    await page
      .getByRole("tooltip")
      .filter({ has: page.locator("[data-evidence]") })
      .waitFor();
    await viewportShot(page, "scenario-provenance-tooltip");
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("at 320 px the add form, a filing figure's detail and the list stay inside the pane", async () => {
    const session = await openPane(320);
    const { page } = session;
    await showSection(page, "Figures");
    await page.getByRole("button", { name: "Add figure" }).click();
    await page
      .getByTestId("user-figure-form")
      .getByRole("combobox", { name: /^Evidence class/ })
      .selectOption("filing");
    await page
      .getByTestId("user-figure-form")
      .getByRole("textbox", { name: /^Issuer/ })
      .waitFor();
    expect(await horizontalOverflow(page)).toEqual({ pane: 0, panel: 0, outside: [] });
    await page.getByTestId("user-figure-form").scrollIntoViewIfNeeded();
    await session.screenshot("figures-form-320");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator(`${LIST} [data-evidence="filing"]`).first().click();
    await page.getByTestId("figure-primary").waitFor();
    expect(await horizontalOverflow(page)).toEqual({ pane: 0, panel: 0, outside: [] });
    await page.getByTestId("figure-detail").scrollIntoViewIfNeeded();
    await session.screenshot("figures-detail-filing-320");
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});
