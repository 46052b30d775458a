import type { MouseEvent } from "react";

/**
 * Opens a source link outside the pane. Inside Office, `Office.context.ui.openBrowserWindow` (when the host has
 * it) opens the system browser, because a task pane's `target="_blank"` is blocked or opens inside the pane on
 * some hosts; elsewhere the anchor's own `target="_blank"` does the job and this does nothing.
 */
export function openExternalLink(event: MouseEvent<HTMLElement>, url: string, inOffice: boolean): void {
  if (!inOffice) return;
  const open = officeOpenBrowserWindow();
  if (open === undefined) return;
  event.preventDefault();
  open(url);
}

function officeOpenBrowserWindow(): ((url: string) => void) | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    // Outside Office `Office.context` and `ui` can be missing although the types say otherwise.
    const ui = (Office.context as Office.Context | undefined)?.ui;
    if (typeof ui?.openBrowserWindow !== "function") return undefined;
    return (url) => ui.openBrowserWindow(url);
  } catch {
    return undefined;
  }
}
