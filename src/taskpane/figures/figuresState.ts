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

/** The add/edit form of the analyst's own figures: closed, adding a new one, or editing the figure `id`. */
export type FigureForm =
  { readonly mode: "closed" } | { readonly mode: "add" } | { readonly mode: "edit"; readonly id: string };

export interface FiguresState {
  readonly query: string;
  /** null = all. */
  readonly category: string | null;
  readonly confidence: string | null;
  readonly entity: string | null;
  /** Only figures whose evidence is not `secondary` (a filing, company, regulator, press or analyst source). */
  readonly primaryOnly: boolean;
  /** Keyboard cursor in the results list (an index into the current results). */
  readonly highlighted: number;
  readonly selectedId: string | null;
  readonly insert: InsertStatus;
  readonly form: FigureForm;
}

export type FiguresAction =
  | { readonly type: "queryChanged"; readonly query: string }
  | { readonly type: "categoryChanged"; readonly category: string | null }
  | { readonly type: "confidenceChanged"; readonly confidence: string | null }
  | { readonly type: "entityChanged"; readonly entity: string | null }
  | { readonly type: "primaryOnlyChanged"; readonly primaryOnly: boolean }
  | { readonly type: "formOpened"; readonly form: FigureForm }
  /** The form saved figure `id`: close it and show that figure. */
  | { readonly type: "formSaved"; readonly id: string }
  /** The selected figure was deleted. */
  | { readonly type: "figureDeleted"; readonly id: string }
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
  primaryOnly: false,
  highlighted: 0,
  selectedId: null,
  insert: { status: "idle" },
  form: { mode: "closed" },
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
    case "primaryOnlyChanged":
      return { ...state, primaryOnly: action.primaryOnly, highlighted: 0 };
    case "formOpened":
      return { ...state, form: action.form };
    case "formSaved":
      return { ...state, form: { mode: "closed" }, selectedId: action.id, insert: { status: "idle" } };
    case "figureDeleted":
      return {
        ...state,
        selectedId: state.selectedId === action.id ? null : state.selectedId,
        form: state.form.mode === "edit" && state.form.id === action.id ? { mode: "closed" } : state.form,
        insert: { status: "idle" },
      };
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
