import { Tab, TabList, Tooltip, makeStyles, webLightTheme } from "@fluentui/react-components";
import { useCallback, useState, useSyncExternalStore } from "react";
import type { CSSProperties } from "react";
import type { SectionId } from "./paneState";
import { isSectionId } from "./paneState";
import { SectionIcon } from "./SectionIcons";

export interface SectionTabsProps {
  readonly sections: readonly { readonly id: SectionId; readonly label: string }[];
  readonly selected: SectionId;
  onSelect(this: void, section: SectionId): void;
  tabId(this: void, section: SectionId): string;
  panelId(this: void, section: SectionId): string;
}

/**
 * How much of each tab is shown: every label ("full"), only the selected tab's label with icons for the others
 * ("compact"), or icons only. The widest that fits the bar is used, so the tabs always stay on one row: at
 * 350 px five tabs are compact, and seven still fit at 320 px. An icon-only tab keeps its label as its
 * accessible name and shows it in a tooltip on hover and keyboard focus.
 */
export type TabDensity = "full" | "compact" | "icons";

/** Width of a small Fluent tab around its label: 6 px padding either side, a 16 px icon, gaps (measured). */
const TAB_CHROME_PX = 34;
/** Width of an icon-only small tab. */
const ICON_TAB_PX = 28;
/** Room kept free so rounding and font hinting never push the last tab onto a second row. */
const SLACK_PX = 8;

/**
 * The widest density whose tabs fit `available` px, from the labels' text widths (`labelWidth`, px at the
 * selected tab's weight). Unknown width (not laid out yet, jsdom) → "full".
 */
export function tabDensity(
  available: number | undefined,
  labels: readonly string[],
  selectedIndex: number,
  labelWidth: (label: string) => number,
): TabDensity {
  if (available === undefined || available <= 0) return "full";
  const room = available - SLACK_PX;
  const texts = labels.map(labelWidth);
  const full = texts.reduce((sum, w) => sum + TAB_CHROME_PX + w, 0);
  if (full <= room) return "full";
  const compact = (labels.length - 1) * ICON_TAB_PX + TAB_CHROME_PX + (texts[selectedIndex] ?? 0);
  return compact <= room ? "compact" : "icons";
}

const NO_INDICATOR_SLIDE = {
  "--fui-Tab__indicator--offset": "0px",
  "--fui-Tab__indicator--scale": "1",
} as CSSProperties;

const useStyles = makeStyles({
  bar: { minWidth: 0 },
  // Wrapping is only the last resort (more tabs than fit even as icons); the density keeps one row.
  list: { flexWrap: "wrap", minWidth: 0 },
  icon: { width: "16px", height: "16px", fontSize: "16px" },
});

/** The section tabs on one row at any pane width: labels, or icons with the selected tab's label. */
export function SectionTabs({ sections, selected, onSelect, tabId, panelId }: SectionTabsProps) {
  const styles = useStyles();
  const [bar, setBar] = useState<HTMLDivElement | null>(null);
  const available = useElementWidth(bar);
  const density = tabDensity(
    available,
    sections.map((s) => s.label),
    sections.findIndex((s) => s.id === selected),
    measureTabLabel,
  );
  return (
    <div ref={setBar} className={styles.bar} data-density={density}>
      <TabList
        className={styles.list}
        size="small"
        aria-label="ChipShift sections"
        selectedValue={selected}
        onTabSelect={(_, data) => {
          if (isSectionId(data.value)) onSelect(data.value);
        }}
      >
        {sections.map((section) => {
          const labelled = density === "full" || (density === "compact" && section.id === selected);
          const tab = (
            <Tab
              key={section.id}
              id={tabId(section.id)}
              value={section.id}
              aria-controls={panelId(section.id)}
              // No sliding indicator: Fluent measures the tabs for it while they change width (a label appears
              // on the newly selected tab), which left the underline offset; it now sits under its tab at once.
              style={NO_INDICATOR_SLIDE}
              icon={{
                className: styles.icon,
                children: <SectionIcon id={section.id} label={section.label} />,
              }}
              {...(labelled ? {} : { "aria-label": section.label })}
            >
              {labelled ? section.label : undefined}
            </Tab>
          );
          return labelled ? (
            tab
          ) : (
            <Tooltip key={section.id} content={section.label} relationship="inaccessible" withArrow>
              {tab}
            </Tooltip>
          );
        })}
      </TabList>
    </div>
  );
}

/** The element's inner width, kept current by a ResizeObserver; undefined before it is laid out. */
function useElementWidth(element: HTMLElement | null): number | undefined {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (element === null || typeof ResizeObserver === "undefined") return () => {};
      const observer = new ResizeObserver(notify);
      observer.observe(element);
      return () => observer.disconnect();
    },
    [element],
  );
  return useSyncExternalStore(
    subscribe,
    () => (element === null || element.clientWidth === 0 ? undefined : element.clientWidth),
    () => undefined,
  );
}

const labelWidths = new Map<string, number>();
let canvas: CanvasRenderingContext2D | null | undefined;

/** Text width of a tab label in the tab's font (semibold, as when selected), measured once per label. */
function measureTabLabel(label: string): number {
  const known = labelWidths.get(label);
  if (known !== undefined) return known;
  canvas ??= document.createElement("canvas").getContext("2d");
  // Without a canvas, assume a generous 9 px per character.
  let width = label.length * 9;
  if (canvas !== null) {
    canvas.font = `${webLightTheme.fontWeightSemibold} ${webLightTheme.fontSizeBase300} ${webLightTheme.fontFamilyBase}`;
    width = Math.ceil(canvas.measureText(label).width);
  }
  labelWidths.set(label, width);
  return width;
}
