import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isModelError } from "../../src/model/errors";
import { PRESETS } from "../../src/model/presets";
import { projectScenario } from "../../src/model/project";
import type { Scenario, SeriesId } from "../../src/model/types";
import { launchBrowser, openSession, type Session } from "./support/browser";
import { showSection } from "./support/sections";

// Oracle: sheet names from the brief / DESIGN.md §3 (the built model), not the app's constants.
const SHEETS = ["CS Inputs", "CS Model", "CS Sources", "CS Compare"];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A series of `scenario` as the engine computes it: the oracle for the sheet's formulas. */
function engineSeries(scenario: Scenario, id: SeriesId, t: number): number {
  const projection = projectScenario(scenario);
  if (isModelError(projection)) throw new Error(projection.message);
  return projection.series[id][t]!;
}

function nvidiaChina(scenario: Scenario, t: number): number {
  return engineSeries(scenario, "nvidiaChina", t);
}

/** Scrolls the CS Model grid to the channel rows and saves a screenshot. */
async function screenshotChannels(page: Page, session: Session, name: string): Promise<void> {
  // Bring the outlook rows to the bottom of the grid: the channel rows above them stay in view.
  const row = await rowOf(page, "CS Model", "nvidiaChinaNet");
  await page.locator(`[data-cell="CS Model!A${row + 2}"]`).scrollIntoViewIfNeeded();
  await session.screenshot(name);
}

/** The outlook, gap and channel rows of the shown CS Model equal the engine's for `scenario`, t = 0..2. */
async function expectV2Rows(page: Page, scenario: Scenario): Promise<void> {
  const ids: SeriesId[] = [
    "nvidiaOffshore",
    "nvidiaChina",
    "nvidiaChinaOutlook",
    "reportedGap",
    "nvidiaChinaNet",
  ];
  for (const id of ids) {
    const row = await rowOf(page, "CS Model", id);
    for (const [t, column] of ["D", "E", "F"].entries())
      expect(await numberAt(page, `CS Model!${column}${row}`), `${id}[${t}]`).toBeCloseTo(
        engineSeries(scenario, id, t),
        6,
      );
  }
}

function presetScenario(name: string): Scenario {
  const preset = PRESETS.find((p) => p.name === name);
  if (preset === undefined) throw new Error(`no preset ${name}`);
  return preset.scenario;
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true }).click();
  await page.locator(`[data-cell="${name}!A1"]`).waitFor();
}

/** The 1-based row whose column A holds `rowId` on the shown sheet. */
async function rowOf(page: Page, sheet: string, rowId: string): Promise<number> {
  const cell = page.locator(`td[data-cell^="${sheet}!A"][data-value="${rowId}"]`).first();
  const ref = await cell.getAttribute("data-cell");
  return Number(/(\d+)$/.exec(ref ?? "")?.[1]);
}

async function numberAt(page: Page, ref: string): Promise<number> {
  return Number(await page.locator(`[data-cell="${ref}"]`).getAttribute("data-value"));
}

/** Types into a cell of the shown sheet through the preview's edit box, as a user would. */
async function typeInto(page: Page, ref: string, text: string): Promise<void> {
  await page.locator(`[data-cell="${ref}"]`).click();
  await page.getByTestId("name-box").filter({ hasText: ref }).waitFor();
  const editor = page.getByTestId("cell-editor");
  await editor.fill(text);
  await editor.press("Enter");
}

describe("build the model into the preview workbook", () => {
  it("build: four presets → four sheets; the model follows an edited input and the scenario switch", async () => {
    const session = await openSession(browser, "preview.html", { viewport: { width: 1500, height: 1000 } });
    const { page } = session;
    await showSection(page, "Build");
    await page.getByRole("button", { name: "Build model" }).click();
    await page.getByTestId("build-summary").waitFor();

    const tabs = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allTextContents();
    for (const name of SHEETS) expect(tabs).toContain(name);
    for (const [i, name] of SHEETS.entries()) {
      await showSheet(page, name);
      await session.screenshot(`build-sheet-${i + 1}-${name.replace(/ /g, "-").toLowerCase()}`);
    }

    // The v2 inputs of CS Inputs: offshore access per regime and the reported-quarters block.
    await showSheet(page, "CS Inputs");
    const reportedRow = await rowOf(page, "CS Inputs", "reported[Q4 FY2027].figureId");
    await page.locator(`[data-cell="CS Inputs!A${reportedRow}"]`).scrollIntoViewIfNeeded();
    await session.screenshot("build-inputs-reported-quarters");

    const licensed = presetScenario("Licensed trade");
    await showSheet(page, "CS Model");
    await expectV2Rows(page, licensed);
    await screenshotChannels(page, session, "build-model-channels-1-licensed-trade");
    const tRow = await rowOf(page, "CS Model", "nvidiaChina");
    // year columns start at D (t = 0): DESIGN.md §4.2 T_0, computed by the engine from the same preset
    expect(await numberAt(page, `CS Model!D${tRow}`)).toBeCloseTo(nvidiaChina(licensed, 0), 6);
    const before = await numberAt(page, `CS Model!E${tRow}`);
    expect(before).toBeCloseTo(nvidiaChina(licensed, 1), 6);

    // Edit marketGrowth of the live scenario (the switch starts on the first column, Licensed trade = D).
    await showSheet(page, "CS Inputs");
    const growthRow = await rowOf(page, "CS Inputs", "marketGrowth");
    await typeInto(page, `CS Inputs!D${growthRow}`, "0.5");
    await showSheet(page, "CS Model");
    const edited = await numberAt(page, `CS Model!E${tRow}`);
    expect(edited).not.toBeCloseTo(before, 3);
    expect(edited).toBeCloseTo(nvidiaChina({ ...licensed, marketGrowth: 0.5 }, 1), 6);
    await session.screenshot("build-model-edited");

    // Switch the live scenario by typing another scenario's name into the switch cell.
    await showSheet(page, "CS Inputs");
    await typeInto(page, "CS Inputs!B2", "Full decoupling");
    await showSheet(page, "CS Model");
    const decoupling = presetScenario("Full decoupling");
    for (const [t, column] of ["D", "E", "F"].entries())
      expect(await numberAt(page, `CS Model!${column}${tRow}`)).toBeCloseTo(nvidiaChina(decoupling, t), 6);
    await session.screenshot("build-model-switched");
    await expectV2Rows(page, decoupling);
    await screenshotChannels(page, session, "build-model-channels-2-full-decoupling");

    expect(session.errors()).toEqual([]);
    await session.close();
  });
});
