import { createRoot } from "react-dom/client";
import { createOfficePort } from "../workbook/officePort";
import { App } from "./App";
import { currentThemeMode } from "./theme";
import { warmUpSimulationWorkers } from "./simulate/sharedWorkers";

/**
 * Task pane entry: one `Office.onReady()`. Inside Excel the pane writes through the Office.js port; anywhere else
 * it renders the shell with a notice and no workbook (the development preview has its own entry, preview/index.tsx).
 */
const OUTSIDE_EXCEL_NOTICE =
  "ChipShift is running outside Excel, so it cannot write to a workbook. Open it from Excel's Home tab " +
  "(developers: use preview.html for the preview workbook).";

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (container === null) throw new Error("taskpane.html has no #root element");
  const host = typeof Office === "undefined" ? null : (await Office.onReady()).host;
  const inExcel = host !== null && host === Office.HostType.Excel;
  createRoot(container).render(
    <App
      port={inExcel ? createOfficePort() : null}
      notice={inExcel ? null : OUTSIDE_EXCEL_NOTICE}
      theme={currentThemeMode()}
    />,
  );
  // After the first render: the workers start and compile the engine while the analyst reads the pane.
  setTimeout(warmUpSimulationWorkers, 0);
}

void start();
