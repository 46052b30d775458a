/**
 * Light or dark: from Office's theme when the pane runs in Office (`isDarkTheme`, or the body background's
 * luminance on hosts without it), else from the browser's `prefers-color-scheme`.
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

/** What the pane reads of `Office.context.officeTheme` (absent outside Office). */
export interface OfficeThemeLike {
  /** Office's own answer (newer hosts); preferred when it is a boolean. */
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/**
 * Light or dark from Office's theme: `isDarkTheme` when the host provides it, else the body background's
 * luminance (older hosts); null when neither says.
 *
 * @example themeModeOfOffice({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" }) // "dark"
 */
export function themeModeOfOffice(theme: OfficeThemeLike | undefined): ThemeMode | null {
  if (theme === undefined) return null;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  return theme.bodyBackgroundColor === undefined ? null : themeModeOfBackground(theme.bodyBackgroundColor);
}

/** Office's theme when available (inside Office), else the browser preference, else light. */
export function currentThemeMode(): ThemeMode {
  const fromOffice = themeModeOfOffice(officeTheme());
  if (fromOffice) return fromOffice;
  if (typeof window !== "undefined" && typeof window.matchMedia === "function") {
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  return "light";
}

function officeTheme(): OfficeThemeLike | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return (Office.context as Office.Context | undefined)?.officeTheme;
  } catch {
    // Outside Office some builds of office.js throw on `Office.context` before onReady: treat as "no theme".
    return undefined;
  }
}

function linearChannel(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}
