/**
 * Light or dark: from Office's theme when the pane runs in Office (the body background colour), else from the
 * browser's `prefers-color-scheme`.
 */
export type ThemeMode = "light" | "dark";

/** "dark" when the colour's relative luminance (sRGB, WCAG formula) is below 0.5; null for a non-hex colour. */
export function themeModeOfBackground(color: string): ThemeMode | null {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  const [r, g, b] = [0, 2, 4].map((i) => linearChannel(parseInt(hex.slice(i, i + 2), 16) / 255));
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luminance < 0.5 ? "dark" : "light";
}

/** Office's theme when available (inside Office), else the browser preference, else light. */
export function currentThemeMode(): ThemeMode {
  const officeBackground = officeBodyBackground();
  const fromOffice = officeBackground === undefined ? null : themeModeOfBackground(officeBackground);
  if (fromOffice) return fromOffice;
  if (typeof window !== "undefined" && typeof window.matchMedia === "function") {
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  return "light";
}

function officeBodyBackground(): string | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    const theme = (Office.context as Office.Context | undefined)?.officeTheme;
    return theme?.bodyBackgroundColor;
  } catch {
    // Outside Office some builds of office.js throw on `Office.context` before onReady: treat as "no theme".
    return undefined;
  }
}

function linearChannel(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}
