import { assertNever } from "../model/errors";

/** The pane's top-level sections, in tab order. */
export const SECTION_IDS = ["scenario", "simulate", "sensitivity", "evidence", "figures", "build"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface PaneState {
  readonly section: SectionId;
  /** The host notice ("running outside Excel") was dismissed. */
  readonly noticeDismissed: boolean;
  /** Sections opened so far, in first-visit order: they stay mounted while hidden. */
  readonly visited: readonly SectionId[];
}

export type PaneAction =
  { readonly type: "sectionSelected"; readonly section: SectionId } | { readonly type: "noticeDismissed" };

export function initialPaneState(section: SectionId = "scenario"): PaneState {
  return { section, noticeDismissed: false, visited: [section] };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "sectionSelected":
      if (state.section === action.section) return state;
      return {
        ...state,
        section: action.section,
        visited: state.visited.includes(action.section) ? state.visited : [...state.visited, action.section],
      };
    case "noticeDismissed":
      return { ...state, noticeDismissed: true };
    default:
      return assertNever(action);
  }
}

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === "string" && (SECTION_IDS as readonly string[]).includes(value);
}
