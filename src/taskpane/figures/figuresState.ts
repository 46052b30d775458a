import { assertNever } from "../../model/errors";
import type { CellRef } from "../../workbook/port";

/** What "Insert" puts at the active cell: the figure's number, or a live `=CHIPS.FIGURE("id")` formula. */
export type InsertMode = "value" | "formula";

export type InsertStatus =
  | { readonly status: "idle" }
  | { readonly status: "inserting"; readonly mode: InsertMode }
  | {
      readonly status: "succeeded";
      readonly mode: InsertMode;
      readonly where: CellRef;
      readonly inserted: string;
    }
  | { readonly status: "failed"; readonly message: string };

export interface FiguresState {
  readonly query: string;
  /** null = all. */
  readonly category: string | null;
  readonly confidence: string | null;
  readonly entity: string | null;
  /** Keyboard cursor in the results list (an index into the current results). */
  readonly highlighted: number;
  readonly selectedId: string | null;
  readonly insert: InsertStatus;
}

export type FiguresAction =
  | { readonly type: "queryChanged"; readonly query: string }
  | { readonly type: "categoryChanged"; readonly category: string | null }
  | { readonly type: "confidenceChanged"; readonly confidence: string | null }
  | { readonly type: "entityChanged"; readonly entity: string | null }
  | { readonly type: "highlightMoved"; readonly index: number }
  | { readonly type: "figureSelected"; readonly id: string }
  | { readonly type: "insertRequested"; readonly mode: InsertMode }
  | {
      readonly type: "insertSucceeded";
      readonly mode: InsertMode;
      readonly where: CellRef;
      readonly inserted: string;
    }
  | { readonly type: "insertFailed"; readonly message: string }
  | { readonly type: "messageDismissed" };

export const initialFiguresState: FiguresState = {
  query: "",
  category: null,
  confidence: null,
  entity: null,
  highlighted: 0,
  selectedId: null,
  insert: { status: "idle" },
};

export function figuresReducer(state: FiguresState, action: FiguresAction): FiguresState {
  switch (action.type) {
    case "queryChanged":
      return { ...state, query: action.query, highlighted: 0 };
    case "categoryChanged":
      return { ...state, category: action.category, highlighted: 0 };
    case "confidenceChanged":
      return { ...state, confidence: action.confidence, highlighted: 0 };
    case "entityChanged":
      return { ...state, entity: action.entity, highlighted: 0 };
    case "highlightMoved":
      return { ...state, highlighted: Math.max(0, action.index) };
    case "figureSelected":
      // A new figure clears the previous insert's message: it was about another figure.
      return state.selectedId === action.id
        ? state
        : { ...state, selectedId: action.id, insert: { status: "idle" } };
    case "insertRequested":
      if (state.insert.status === "inserting" || state.selectedId === null) return state;
      return { ...state, insert: { status: "inserting", mode: action.mode } };
    case "insertSucceeded":
      return {
        ...state,
        insert: { status: "succeeded", mode: action.mode, where: action.where, inserted: action.inserted },
      };
    case "insertFailed":
      return { ...state, insert: { status: "failed", message: action.message } };
    case "messageDismissed":
      return { ...state, insert: { status: "idle" } };
    default:
      return assertNever(action);
  }
}
