import { createRoot } from "react-dom/client";
import { currentThemeMode } from "../taskpane/theme";
import { PreviewPage } from "./PreviewPage";
import { createPreviewWorkbook } from "./previewPort";

/** Development-only entry: waits for office.js (as in Excel), then renders the pane beside the preview workbook. */
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (container === null) throw new Error("preview.html has no #root element");
  if (typeof Office !== "undefined") await Office.onReady();
  const workbook = createPreviewWorkbook();
  createRoot(container).render(<PreviewPage workbook={workbook} theme={currentThemeMode()} />);
}

void start();
