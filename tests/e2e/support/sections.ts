/**
 * The pane's section tabs in e2e tests. The tab row keeps one line at any width (SectionTabs.tsx: labels, or icons
 * with the selected tab's label; an older layout moved tabs into a "More" menu, which these helpers still
 * handle), so a test opens a section through whichever shows it.
 */
import type { Page } from "playwright-core";

const SECTIONS = '[role="tablist"][aria-label="ChipShift sections"]';

/** Selects the pane section `name`: its tab when visible, else the "More" menu's entry. */
export async function showSection(page: Page, name: string): Promise<void> {
  const tab = page.locator(SECTIONS).getByRole("tab", { name, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await page
    .locator(SECTIONS)
    .getByRole("button", { name: /more sections$/ })
    .click();
  await page.getByRole("menuitemradio", { name, exact: true }).click();
}

/** Every section the tab row offers: the visible tabs, then the "More" menu's entries. */
export async function sectionNames(page: Page): Promise<string[]> {
  const tabs = page.locator(SECTIONS).getByRole("tab");
  const visible: string[] = [];
  for (const tab of await tabs.all()) {
    // An icon-only tab carries its name as aria-label (SectionTabs.tsx); a labelled one shows it as text.
    const name = (await tab.getAttribute("aria-label")) ?? (await tab.innerText()).trim();
    if (await tab.isVisible()) visible.push(name);
  }
  const more = page.locator(SECTIONS).getByRole("button", { name: /more sections$/ });
  if (!(await more.isVisible())) return visible;
  await more.click();
  const items = await page.getByRole("menuitemradio").allInnerTexts();
  await page.keyboard.press("Escape");
  return [...visible, ...items.map((t) => t.trim())];
}
