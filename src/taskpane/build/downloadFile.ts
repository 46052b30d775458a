/**
 * Saves bytes as a file from the pane: a Blob URL on a temporary `<a download>`. In Excel the pane is a browser
 * page too, so the same code works there (Excel on the web shows the browser's download; Excel on Windows'
 * WebView2 saves to Downloads). Excel for Mac cannot: the function says so and the caller offers another way.
 */
export type DownloadFile = (
  fileName: string,
  content: Uint8Array | string,
  mimeType: string,
) => DownloadOutcome | void;

/** `saved: false` when the host cannot save files from a pane (nothing was attempted); `void` means saved. */
export type DownloadOutcome = { readonly saved: true } | { readonly saved: false; readonly reason: string };

/**
 * Why this host cannot save a file from the pane, or null when it can. Excel for Mac's WebView ignores
 * `<a download>` (nothing happens and no error is raised), so there the pane must offer another way.
 */
export function downloadUnavailableReason(platform: string | undefined): string | null {
  return platform === "Mac" ? "Excel for Mac cannot save files from an add-in pane" : null;
}

function officePlatform(): string | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return (Office.context as Office.Context | undefined)?.platform as string | undefined;
  } catch {
    return undefined;
  }
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const JSON_MIME = "application/json";

export const downloadFile: DownloadFile = (fileName, content, mimeType) => {
  const unavailable = downloadUnavailableReason(officePlatform());
  if (unavailable !== null) return { saved: false, reason: unavailable };
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
  return { saved: true };
};
