/**
 * The pane at Excel's real width (350 px, and 320 px): no tab scrolls sideways, every tab passes axe-core with
 * no serious or critical violation, results name the scenario they came from and are marked out of date when
 * the inputs change, edits survive across tabs, and a failed insert says so. Screenshots of every tab at 350 px
 * go to screenshots/pane350-<tab>.png.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openSession, SCREENSHOT_DIR } from "./support/browser";

const TABS = ["Scenario", "Simulate", "Sensitivity", "Figures", "Build"] as const;
const PANE = 'aside[aria-label="ChipShift task pane"]';
const AXE_SOURCE = path.resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js");

/**
 * axe rules whose serious/critical findings are Fluent UI false positives, each with the reason.
 * (Empty: none were needed. Fluent's Dialog focus trap adds `aria-hidden` tabbable sentinels only while a
 * dialog is open; no dialog is open during these scans.)
 */
const FLUENT_FALSE_POSITIVES: Readonly<Record<string, string>> = {};

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

async function openPane(width: number, query = "") {
  const session = await openSession(browser, `preview.html?paneWidth=${width}${query}`, {
    viewport: { width: 1100, height: 800 },
  });
  await session.page.getByRole("tab", { name: "Scenario" }).waitFor();
  return session;
}

async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.locator(`${PANE} [role="tabpanel"]:not([hidden])`).waitFor();
}

/** The pane's own width and its scroll width, and the widest element that sticks out (for the message). */
async function horizontalOverflow(page: Page): Promise<{ scroll: number; client: number; widest: string }> {
  return page.evaluate((selector) => {
    const pane = document.querySelector(selector);
    if (!(pane instanceof HTMLElement)) throw new Error("no pane");
    const right = pane.getBoundingClientRect().right;
    let widest = "";
    let most = 0;
    for (const el of pane.querySelectorAll<HTMLElement>("*")) {
      const over = el.getBoundingClientRect().right - right;
      if (over > most && el.offsetParent !== null) {
        most = over;
        widest = `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? "").slice(0, 40)}”`;
      }
    }
    return { scroll: pane.scrollWidth, client: pane.clientWidth, widest };
  }, PANE);
}

describe("the pane at 350 and 320 px", () => {
  for (const width of [350, 320]) {
    it(`pane ${width} px: no tab scrolls sideways, and the tabs fit one row`, async () => {
      const session = await openPane(width);
      const { page } = session;
      const tabTops = await page
        .getByRole("tab")
        .evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
      expect(new Set(tabTops).size).toBe(1);
      for (const tab of TABS) {
        await showTab(page, tab);
        if (tab === "Sensitivity") {
          await page.getByRole("button", { name: "Run tornado" }).click();
          await page.getByTestId("tornado-chart").waitFor();
        }
        const { scroll, client, widest } = await horizontalOverflow(page);
        expect(scroll, `${tab} at ${width} px: widest ${widest}`).toBeLessThanOrEqual(client);
        if (width === 350)
          await page.locator(PANE).screenshot({ path: path.join(SCREENSHOT_DIR, `pane350-${tab}.png`) });
      }
      expect(session.errors()).toEqual([]);
      await session.close();
    });
  }

  it("axe-core on every tab: no serious or critical violations", async () => {
    const session = await openPane(350);
    const { page } = session;
    await page.addScriptTag({ content: axeSource });
    const found: string[] = [];
    for (const tab of TABS) {
      await showTab(page, tab);
      const violations = await page.evaluate(async (selector) => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } })
          .axe;
        const results = await axe.run({ include: [selector] }, { resultTypes: ["violations"] });
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
        }));
      }, PANE);
      for (const v of violations)
        if ((v.impact === "serious" || v.impact === "critical") && !(v.id in FLUENT_FALSE_POSITIVES))
          found.push(`${tab}: ${v.id} (${v.impact}) at ${v.nodes.join(", ")}`);
    }
    expect(found).toEqual([]);
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});

interface AxeResults {
  readonly violations: readonly {
    readonly id: string;
    readonly impact: string | null;
    readonly nodes: readonly { readonly target: readonly string[] }[];
  }[];
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
    await session.screenshot("pane350-sensitivity-stale");

    // Writing a stale result asks first; the sheet says which scenario the numbers are for.
    await page.getByRole("button", { name: "Write results" }).click();
    await page.getByRole("button", { name: "Write anyway" }).click();
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

  it("a failed Insert formula shows a message where the user looks", async () => {
    const session = await openPane(350, "&failInsert=1");
    const { page } = session;
    await page.getByRole("button", { name: /Insert NVIDIA China revenue formula/ }).click();
    const message = page.getByTestId("insert-message");
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /^The formula was not inserted: Excel did not accept the write/,
    );
    expect(await message.isVisible()).toBe(true);
    await session.close();
  });
});
