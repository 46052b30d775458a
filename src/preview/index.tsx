import { createRoot } from "react-dom/client";
import { currentThemeMode } from "../taskpane/theme";
import { warmUpSimulationWorkers } from "../taskpane/simulate/sharedWorkers";
import { WorkbookPortError } from "../workbook/port";
import { PreviewPage } from "./PreviewPage";
import { createPreviewWorkbook } from "./previewPort";
import type { PreviewWorkbook } from "./previewPort";

/**
 * Development-only entry: waits for office.js (as in Excel), then renders the pane beside the preview workbook.
 * Query options for design checks and end-to-end tests: `?paneWidth=350` (280..800 px, default 400) sizes the
 * pane as Excel would; `?failInsert=1` makes "insert at the selected cell" fail, to see the failure message.
 */
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (container === null) throw new Error("preview.html has no #root element");
  if (typeof Office !== "undefined") await Office.onReady();
  const params = new URLSearchParams(window.location.search);
  const width = Number(params.get("paneWidth"));
  const paneWidth = Number.isInteger(width) && width >= 280 && width <= 800 ? width : undefined;
  const created = createPreviewWorkbook();
  const workbook = params.get("failInsert") === "1" ? withFailingInsert(created) : created;
  createRoot(container).render(
    <PreviewPage workbook={workbook} theme={currentThemeMode()} {...(paneWidth ? { paneWidth } : {})} />,
  );
  setTimeout(warmUpSimulationWorkers, 0);
}

function withFailingInsert(workbook: PreviewWorkbook): PreviewWorkbook {
  const failure = new WorkbookPortError("writeFailed", "the preview was opened with ?failInsert=1");
  return { ...workbook, port: { ...workbook.port, insertAtActiveCell: () => Promise.reject(failure) } };
}

void start();
