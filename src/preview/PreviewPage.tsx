import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { ThemeMode } from "../taskpane/theme";
import { PreviewGrid } from "./PreviewGrid";
import type { PreviewWorkbook } from "./previewWorkbook";

const useStyles = makeStyles({
  page: { display: "flex", height: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  grid: { flexGrow: 1, minWidth: 0 },
  pane: {
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** The development preview: the preview workbook's grid with the same task pane the add-in ships, side by side. */
export function PreviewPage({
  workbook,
  theme,
  paneWidth = 400,
}: {
  readonly workbook: PreviewWorkbook;
  readonly theme: ThemeMode;
  /** Width of the task pane column, px (Excel's pane is about 350). */
  readonly paneWidth?: number;
}) {
  const styles = useStyles();
  const notice = workbook.functionsRegistered
    ? "Development preview: the pane writes to this in-browser workbook (HyperFormula), not to Excel."
    : "Development preview: the CHIPS functions failed to register, so CHIPS formulas show #NAME? (see the console).";
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      className={styles.page}
      applyStylesToPortals={false}
    >
      <section className={styles.grid} aria-label="Preview workbook">
        <PreviewGrid workbook={workbook} />
      </section>
      <aside className={styles.pane} style={{ width: `${paneWidth}px` }} aria-label="ChipShift task pane">
        <App port={workbook.port} notice={notice} theme={theme} initialSection="figures" />
      </aside>
    </FluentProvider>
  );
}
