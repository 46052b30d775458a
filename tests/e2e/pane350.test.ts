/**
 * The pane at Excel's real width (350 px, and 320 px): every tab fits without scrolling sideways with its
 * sections open, the tabs stay on one row, every tab passes axe-core with no serious or critical violation,
 * results name the scenario they came from and are marked out of date when the inputs change, edits survive
 * across tabs, and a failed insert says so. Screenshots of every tab at 350 px go to
 * screenshots/pane350-<tab>-<n>.png (the pane in 1000 px slices, sections open).
 *
 * The tabs are read from the tab bar, so a section added to src/taskpane/sections.tsx is checked too.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openSession, SCREENSHOT_DIR } from "./support/browser";

const PANE = 'aside[aria-label="ChipShift task pane"]';
const TABLIST = `${PANE} [role="tablist"][aria-label="ChipShift sections"]`;
const PANEL = `${PANE} [role="tabpanel"]:not([hidden])`;
const AXE_SOURCE = path.resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js");

/**
 * Fluent UI false positives, left out of the axe scans, each with the reason:
 * - `[data-tabster-dummy]`: Tabster (Fluent's focus manager, used by the tab list's arrow-key navigation) puts an
 *   `<i tabindex="0" aria-hidden="true">` at each end of a focus group. When reached with Tab it moves focus on
 *   at once, so it is never a focus stop, but axe's aria-hidden-focus (serious) flags it as focusable content
 *   hidden from assistive technology. These are the focus-trap sentinels of microsoft/tabster.
 */
const FLUENT_FALSE_POSITIVES: readonly { readonly selector: string; readonly rule: string }[] = [
  { selector: "[data-tabster-dummy]", rule: "aria-hidden-focus" },
];

let browser: Browser;
let axeSource: string;
beforeAll(async () => {
  axeSource = await readFile(AXE_SOURCE, "utf8");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

function cell(page: Page, ref: string) {
  return page.locator(`[data-cell="${ref}"]`);
}

async function openPane(width: number, query = "", height = 800) {
  const session = await openSession(browser, `preview.html?paneWidth=${width}${query}`, {
    viewport: { width: 1100, height },
  });
  await session.page.locator(TABLIST).getByRole("tab", { name: "Scenario" }).waitFor();
  return session;
}

async function showTab(page: Page, name: string): Promise<void> {
  await page.locator(TABLIST).getByRole("tab", { name, exact: true }).click();
  await page.locator(PANEL).waitFor();
}

/** The section tabs' names, in order (icon-only tabs are named by aria-label). */
async function tabNames(page: Page): Promise<string[]> {
  return page
    .locator(`${TABLIST} [role="tab"]`)
    .evaluateAll((tabs) => tabs.map((t) => t.getAttribute("aria-label") ?? t.textContent?.trim() ?? ""));
}

/** Opens every collapsed section (accordion) of the visible tab, so its whole content is laid out. */
async function openAllSections(page: Page): Promise<void> {
  for (const header of await page
    .locator(`${PANEL} .fui-AccordionHeader button[aria-expanded="false"]`)
    .all())
    if (await header.isVisible()) await header.click();
}

interface Overflow {
  readonly document: { readonly scroll: number; readonly client: number };
  readonly pane: { readonly scroll: number; readonly client: number };
  /** Elements inside the pane that scroll sideways themselves (a table in an overflow box). */
  readonly scrollers: readonly string[];
  /** Elements whose right edge is past the pane's (not clipped by an ancestor), widest first. */
  readonly sticking: readonly string[];
}

/** The document's and the pane's scroll widths, and what sticks out (compared by getBoundingClientRect). */
async function horizontalOverflow(page: Page): Promise<Overflow> {
  // A string, not a function: the TypeScript transform's helpers do not exist in the page.
  return page.evaluate(`(() => {
    const pane = document.querySelector(${JSON.stringify(PANE)});
    const right = pane.getBoundingClientRect().left + pane.clientLeft + pane.clientWidth;
    const name = (el) => el.tagName.toLowerCase() + (el.getAttribute("data-testid") ? "#" + el.getAttribute("data-testid") : "") +
      " “" + (el.textContent || "").trim().slice(0, 40) + "”";
    // Cut off by an ancestor that clips (overflow other than visible, an <svg> included): not sticking out.
    const clipped = (el) => {
      for (let a = el.parentElement; a !== null && a !== pane; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== "visible" && a.getBoundingClientRect().right < el.getBoundingClientRect().right)
          return true;
      return false;
    };
    const scrollers = [];
    const sticking = [];
    for (const el of pane.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === "auto" || overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1)
        scrollers.push(name(el) + " " + el.scrollWidth + " > " + el.clientWidth);
      const over = Math.round(box.right - right);
      if (over > 0 && !clipped(el)) sticking.push([over, name(el) + " +" + over + " px"]);
    }
    const root = document.scrollingElement;
    return {
      document: { scroll: root.scrollWidth, client: root.clientWidth },
      pane: { scroll: pane.scrollWidth, client: pane.clientWidth },
      scrollers,
      sticking: sticking.sort((a, b) => b[0] - a[0]).slice(0, 5).map((s) => s[1]),
    };
  })()`);
}

/** The visible pane in 1000 px slices (the page is made tall enough to hold it). */
async function screenshotPane(page: Page, name: string): Promise<void> {
  const box = await page.locator(PANE).boundingBox();
  const height = await page.locator(`${PANE} main`).evaluate((main) => main.getBoundingClientRect().height);
  if (box === null) throw new Error("no pane");
  for (let k = 0; k * 1000 < Math.min(height, box.height); k++)
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${k + 1}.png`),
      clip: { x: box.x, y: box.y + k * 1000, width: box.width, height: Math.min(1000, height - k * 1000) },
    });
}

/** Puts every tab into its fullest state: sections open, the tornado and a small simulation run. */
async function fillTab(page: Page, tab: string): Promise<void> {
  await openAllSections(page);
  if (tab === "Simulate") {
    await page.getByRole("textbox", { name: /Trials/ }).fill("500");
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page.getByTestId("simulation-results").waitFor({ timeout: 60_000 });
  }
  if (tab === "Sensitivity") {
    await page.getByRole("button", { name: "Run tornado" }).click();
    await page.getByTestId("tornado-chart").waitFor();
  }
}

describe("the pane at 350 and 320 px", () => {
  for (const width of [350, 320]) {
    it(`pane ${width} px: no tab scrolls sideways, and the tabs fit one row`, async () => {
      // Tall enough to screenshot the whole pane; the widths do not depend on the height.
      const session = await openPane(width, "", 6000);
      const { page } = session;
      const names = await tabNames(page);
      expect(names).toEqual(["Scenario", "Simulate", "Sensitivity", "Evidence", "Figures", "Build"]);
      for (const tab of names) {
        await showTab(page, tab);
        const tops = await page
          .locator(`${TABLIST} [role="tab"]`)
          .evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
        expect(new Set(tops).size, `tabs on one row with ${tab} selected`).toBe(1);
        await fillTab(page, tab);
        const overflow = await horizontalOverflow(page);
        const where = `${tab} at ${width} px: ${overflow.sticking.join("; ")}`;
        expect(overflow.document.scroll, where).toBeLessThanOrEqual(overflow.document.client);
        expect(overflow.pane.scroll, where).toBeLessThanOrEqual(overflow.pane.client);
        expect(overflow.scrollers, where).toEqual([]);
        expect(overflow.sticking, where).toEqual([]);
        if (width === 350) await screenshotPane(page, `pane350-${tab.toLowerCase()}`);
      }
      expect(session.errors()).toEqual([]);
      await session.close();
    });
  }

  it("the tabs are reachable by keyboard: arrow keys move between them, Enter shows the section", async () => {
    const session = await openPane(320);
    const { page } = session;
    await showTab(page, "Scenario");
    await page.locator(TABLIST).getByRole("tab", { name: "Scenario" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        page.locator(TABLIST).getByRole("tab", { name: "Sensitivity" }).getAttribute("aria-selected"),
      )
      .toBe("true");
    await page.getByRole("button", { name: "Run tornado" }).waitFor();
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("axe-core on every tab: no serious or critical violations", async () => {
    const session = await openPane(350);
    const { page } = session;
    await page.addScriptTag({ content: axeSource });
    const found: string[] = [];
    for (const tab of await tabNames(page)) {
      await showTab(page, tab);
      await fillTab(page, tab);
      // The pointer off the pane and Fluent's colour transitions over (≤ 300 ms): "Run simulation" fades from
      // its disabled grey back to brand blue when the run ends, and axe caught mid-fade reports color-contrast.
      await page.mouse.move(0, 0);
      await page.waitForTimeout(400);
      const violations = await page.evaluate<readonly AxeViolation[]>(`(async () => {
        const results = await window.axe.run(
          { include: [${JSON.stringify(PANE)}], exclude: ${JSON.stringify(FLUENT_FALSE_POSITIVES.map((f) => f.selector))} },
          { resultTypes: ["violations"] },
        );
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + n.html.slice(0, 160)),
        }));
      })()`);
      for (const v of violations)
        if (v.impact === "serious" || v.impact === "critical")
          found.push(`${tab}: ${v.id} (${v.impact}) at ${v.nodes.join(", ")}`);
        else if (v.id === "heading-order") found.push(`${tab}: heading-order at ${v.nodes.join(", ")}`);
    }
    expect(found).toEqual([]);
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly string[];
}

describe("results know their scenario (pane 350 px)", () => {
  it("a tornado run on Licensed trade is marked out of date after choosing Full decoupling; the sheet names Licensed trade", async () => {
    const session = await openPane(350);
    const { page } = session;
    await showTab(page, "Sensitivity");
    await page.getByRole("button", { name: "Run tornado" }).click();
    await page.getByTestId("tornado-chart").waitFor();
    expect(await page.getByTestId("tornado-scenario").textContent()).toMatch(/^Tornado for “Licensed trade”/);
    expect(await page.getByTestId("tornado-stale").count()).toBe(0);

    await showTab(page, "Scenario");
    await page.getByRole("combobox", { name: "Preset scenario" }).click();
    await page.getByRole("option", { name: "Full decoupling" }).click();
    await showTab(page, "Sensitivity");
    await page.getByTestId("tornado-stale").waitFor();
    expect(await page.getByTestId("tornado-scenario").textContent()).toMatch(/^Tornado for “Licensed trade”/);
    await session.screenshot("pane350-sensitivity-stale");

    // Writing a stale result asks first; the sheet says which scenario the numbers are for.
    await page.getByRole("button", { name: "Write results" }).click();
    await page.getByRole("button", { name: "Write anyway" }).click();
    await page.getByTestId("sensitivity-write-message").waitFor();
    await expect
      .poll(() => cell(page, "CS Sensitivity!B3").getAttribute("data-value"))
      .toBe("Licensed trade");

    // One click re-runs for the scenario on screen.
    await page.getByRole("button", { name: "Re-run" }).click();
    await expect.poll(() => page.getByTestId("tornado-stale").count()).toBe(0);
    expect(await page.getByTestId("tornado-scenario").textContent()).toMatch(
      /^Tornado for “Full decoupling”/,
    );
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});

describe("simulation settings at 350 px", () => {
  it("Trials 1234 survives a scenario edit", async () => {
    const session = await openPane(350);
    const { page } = session;
    await showTab(page, "Simulate");
    await page.getByRole("textbox", { name: /Trials/ }).fill("1234");
    await showTab(page, "Scenario");
    await page
      .getByLabel(/^Market growth, year 1/, { exact: false })
      .first()
      .fill("40");
    await showTab(page, "Simulate");
    expect(await page.getByRole("textbox", { name: /Trials/ }).inputValue()).toBe("1234");
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("Trials 0 says what to do at the Trials box", async () => {
    const session = await openPane(350);
    const { page } = session;
    await showTab(page, "Simulate");
    await page.getByRole("textbox", { name: /Trials/ }).fill("0");
    await page.getByText(/Enter a whole number of trials from 2 to 1,000,000 \(now “0”\)/).waitFor();
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});

describe("a failed insert says so where the user looks (pane 350 px, ?failInsert=1)", () => {
  it("Scenario: a failed “Insert formula” shows the reason in view", async () => {
    const session = await openPane(350, "&failInsert=1");
    const { page } = session;
    await showTab(page, "Scenario");
    await page.getByRole("button", { name: /Insert NVIDIA China revenue formula/ }).click();
    const message = page.getByTestId("insert-message");
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /^The formula was not inserted: Excel did not accept the write/,
    );
    await expect.poll(() => message.evaluate(inViewport)).toBe(true);
    expect(session.errors()).toEqual([]);
    await session.close();
  });

  it("Figures: a failed “Insert formula” shows the reason in view", async () => {
    const session = await openPane(350, "&failInsert=1");
    const { page } = session;
    await showTab(page, "Figures");
    await page.getByRole("listbox", { name: "Matching figures" }).getByRole("option").first().click();
    await page.getByTestId("figure-detail").waitFor();
    await page.getByRole("button", { name: "Insert formula" }).click();
    const message = page.getByTestId("figures-message-text");
    await message.waitFor();
    expect(await message.textContent()).toMatch(/Excel did not accept the write/);
    await expect.poll(() => message.evaluate(inViewport)).toBe(true);
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});

describe("Build feedback where the user looks (pane 350 × 800 px)", () => {
  it("Read scenarios: the result shows in view under the button, and an old success bar does not stay beside it", async () => {
    const session = await openPane(350);
    const { page } = session;
    await showTab(page, "Build");
    const message = page.getByTestId("build-message");
    const downloaded = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export scenarios (JSON)" }).click();
    await downloaded;
    await expect.poll(() => message.textContent()).toMatch(/^Downloaded chipshift-scenarios\.json/);

    await page.getByRole("button", { name: "Read scenarios from workbook" }).click();
    await expect.poll(() => message.textContent()).toMatch(/no ChipShift Inputs sheet yet/);
    expect(await message.count()).toBe(1);
    expect(await page.getByText(/^Downloaded/).count()).toBe(0);
    await expect.poll(() => message.evaluate(inViewport)).toBe(true);
    // under the button that was pressed
    const button = await page.getByRole("button", { name: "Read scenarios from workbook" }).boundingBox();
    const bar = await message.boundingBox();
    expect(bar!.y).toBeGreaterThan(button!.y);
    await session.screenshot("pane350-build-read-failed");
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});

/** The element is inside the viewport (and inside its scrolling pane's visible box). */
function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
}
