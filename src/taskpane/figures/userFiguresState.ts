/**
 * The analyst's own cited figures as a pane-store slice: a list in the order added, saved with the workbook
 * document (DESIGN.md §9). The Figures view validates a figure (`validateUserFigure`) before it dispatches;
 * the reducer still refuses what would break the list (a duplicate id, an edit of a missing figure).
 */
import type { UserFigure } from "../../figures/userFigures";
import { MAX_USER_FIGURES } from "../../figures/userFigures";
import { assertNever } from "../../model/errors";

export type UserFiguresState = readonly UserFigure[];

export type UserFiguresAction =
  /** Adds `figure`, or replaces the figure `replacing` (its id may change) in place. */
  | { readonly type: "userFigureSaved"; readonly figure: UserFigure; readonly replacing?: string }
  | { readonly type: "userFigureDeleted"; readonly id: string };

export const initialUserFigures: UserFiguresState = [];

export function userFiguresReducer(state: UserFiguresState, action: UserFiguresAction): UserFiguresState {
  switch (action.type) {
    case "userFigureSaved": {
      const { figure, replacing } = action;
      const clash = state.some((fig) => fig.id === figure.id && fig.id !== replacing);
      if (clash) return state;
      if (replacing === undefined) return state.length >= MAX_USER_FIGURES ? state : [...state, figure];
      const index = state.findIndex((fig) => fig.id === replacing);
      return index < 0 ? state : state.map((fig, i) => (i === index ? figure : fig));
    }
    case "userFigureDeleted":
      return state.some((fig) => fig.id === action.id) ? state.filter((fig) => fig.id !== action.id) : state;
    default:
      return assertNever(action);
  }
}
