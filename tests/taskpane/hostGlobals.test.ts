// @vitest-environment jsdom
import type { MouseEvent } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openExternalLink } from "../../src/taskpane/openExternalLink";
import { currentThemeMode } from "../../src/taskpane/theme";

function stubOffice(context: unknown) {
  vi.stubGlobal("Office", { context });
}

function clickEvent() {
  const preventDefault = vi.fn();
  return { event: { preventDefault } as unknown as MouseEvent<HTMLElement>, preventDefault };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("openExternalLink", () => {
  it("openExternalLink in Office opens the system browser and cancels the anchor's navigation", () => {
    const openBrowserWindow = vi.fn();
    stubOffice({ ui: { openBrowserWindow } });
    const click = clickEvent();
    openExternalLink(click.event, "https://sec.gov/x", true);
    expect(openBrowserWindow).toHaveBeenCalledWith("https://sec.gov/x");
    expect(click.preventDefault).toHaveBeenCalled();
  });

  it("openExternalLink outside Office, or without openBrowserWindow, leaves the anchor's target=_blank alone", () => {
    const openBrowserWindow = vi.fn();
    stubOffice({ ui: { openBrowserWindow } });
    const outside = clickEvent();
    openExternalLink(outside.event, "https://sec.gov/x", false);
    expect(openBrowserWindow).not.toHaveBeenCalled();
    expect(outside.preventDefault).not.toHaveBeenCalled();
    stubOffice({});
    const noApi = clickEvent();
    openExternalLink(noApi.event, "https://sec.gov/x", true);
    expect(noApi.preventDefault).not.toHaveBeenCalled();
  });
});

describe("currentThemeMode", () => {
  it("currentThemeMode follows Office's body background when Office provides a theme", () => {
    stubOffice({ officeTheme: { bodyBackgroundColor: "#262626" } });
    expect(currentThemeMode()).toBe("dark");
  });

  it("currentThemeMode falls back to prefers-color-scheme outside Office", () => {
    stubOffice(undefined);
    vi.stubGlobal("matchMedia", (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" }));
    expect(currentThemeMode()).toBe("dark");
    vi.stubGlobal("matchMedia", () => ({ matches: false }));
    expect(currentThemeMode()).toBe("light");
  });
});
