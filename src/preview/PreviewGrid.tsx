import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import type { KeyboardEvent } from "react";
import { cellDisplay, columnLetters, formulaBarText } from "./cellDisplay";
import type { PreviewWorkbook } from "./previewWorkbook";

const MIN_COLUMNS = 10;
const MIN_ROWS = 30;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0 },
  formulaBar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  nameBox: { minWidth: "110px", fontFamily: tokens.fontFamilyMonospace },
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  editor: { flexGrow: 1, minWidth: "120px", fontFamily: tokens.fontFamilyMonospace },
  scroller: {
    flexGrow: 1,
    overflow: "auto",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "fixed" },
  header: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: "84px",
  },
  rowHeader: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: "36px",
    textAlign: "center",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    height: "22px",
    maxWidth: "160px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    cursor: "cell",
  },
  number: { textAlign: "right" },
  error: { color: tokens.colorPaletteRedForeground1 },
  active: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  tabs: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  tab: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
  },
  activeTab: {
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
});

/**
 * The preview's sheet view: formula bar, grid of the active sheet (click or arrow keys choose the active cell),
 * sheet tabs. Each cell carries `data-cell="Sheet1!B3"` and its raw value in `data-value` for tests.
 */
export function PreviewGrid({ workbook }: { readonly workbook: PreviewWorkbook }) {
  const styles = useStyles();
  useSyncExternalStore(workbook.subscribe, workbook.revision);
  const { engine } = workbook;
  const active = workbook.activeCell();
  const sheetId = engine.getSheetId(active.sheet) ?? 0;
  const activeAddress = engine.simpleCellAddressFromString(active.address, sheetId) ?? {
    sheet: sheetId,
    row: 0,
    col: 0,
  };
  const size = engine.getSheetDimensions(sheetId);
  const columns = Math.max(MIN_COLUMNS, size.width + 2);
  const rows = Math.max(MIN_ROWS, size.height + 5);

  const select = (row: number, col: number) => {
    workbook.selectCell({ sheet: active.sheet, address: `${columnLetters(col)}${row + 1}` });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    select(Math.max(0, activeAddress.row + move[0]), Math.max(0, activeAddress.col + move[1]));
  };

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar} data-testid="formula-bar">
        <Text className={styles.nameBox} aria-label="Active cell" data-testid="name-box">
          {active.sheet}!{active.address}
        </Text>
        <Text aria-hidden>fx</Text>
        <Text className={styles.formula} aria-label="Formula" data-testid="formula-text">
          {formulaBarText(engine, activeAddress)}
        </Text>
        {workbook.editCell === undefined ? null : (
          <input
            // Re-mounted on every change, so it always starts from the active cell's current content.
            key={`${active.sheet}!${active.address}#${workbook.revision()}`}
            className={styles.editor}
            aria-label="Edit active cell (Enter to apply)"
            data-testid="cell-editor"
            defaultValue={formulaBarText(engine, activeAddress)}
            onKeyDown={(event) => {
              if (event.key !== "Enter") return;
              event.preventDefault();
              workbook.editCell?.(active, event.currentTarget.value);
            }}
          />
        )}
      </div>
      <div
        className={styles.scroller}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={`Sheet ${active.sheet}: arrow keys move the active cell`}
      >
        <table className={styles.table} role="grid" aria-label={active.sheet}>
          <thead>
            <tr>
              <th className={styles.header} aria-label="Row numbers" />
              {Array.from({ length: columns }, (_, col) => (
                <th key={col} className={styles.header} scope="col">
                  {columnLetters(col)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, row) => (
              <tr key={row}>
                <th className={styles.rowHeader} scope="row">
                  {row + 1}
                </th>
                {Array.from({ length: columns }, (_, col) => {
                  const display = cellDisplay(
                    engine.getCellValue({ sheet: sheetId, row, col }),
                    workbook.numberFormat?.(active.sheet, row, col),
                  );
                  const isActive = row === activeAddress.row && col === activeAddress.col;
                  const ref = `${active.sheet}!${columnLetters(col)}${row + 1}`;
                  return (
                    <td
                      key={col}
                      role="gridcell"
                      aria-selected={isActive}
                      data-cell={ref}
                      data-value={display.raw}
                      title={display.text}
                      className={mergeClasses(
                        styles.cell,
                        display.isNumber && styles.number,
                        display.isError && styles.error,
                        isActive && styles.active,
                      )}
                      onClick={() => select(row, col)}
                    >
                      {display.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {workbook.sheetNames().map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === active.sheet}
            className={mergeClasses(styles.tab, name === active.sheet && styles.activeTab)}
            onClick={() => workbook.selectCell({ sheet: name, address: "A1" })}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
