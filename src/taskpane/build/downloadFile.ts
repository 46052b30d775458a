/**
 * Saves bytes as a file from the pane: a Blob URL on a temporary `<a download>`. In Excel the pane is a browser
 * page too, so the same code works there (Excel on the web shows the browser's download; desktop Excel's
 * webview saves to Downloads).
 */
export type DownloadFile = (fileName: string, content: Uint8Array | string, mimeType: string) => void;

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const JSON_MIME = "application/json";

export const downloadFile: DownloadFile = (fileName, content, mimeType) => {
  const part: BlobPart = typeof content === "string" ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
