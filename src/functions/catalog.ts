import type { ModelError } from "../model/errors";
import { isModelError } from "../model/errors";
import type { CellGrid, CellResult } from "./cells";
import { bassCell, logisticCell, logisticFitCell } from "./curveFunctions";
import { computeGrid } from "./computeFunctions";
import { eventsGrid, figureCell, figuresGrid, sourceCell, versionCell } from "./figureFunctions";
import { evidenceWeightsGrid, posteriorCell } from "./evidenceFunctions";
import { projectGrid } from "./modelFunctions";
import {
  distInvCell,
  simulateCell,
  simulateTableGrid,
  simulateTableSize,
  tornadoGrid,
  tornadoSize,
} from "./simulationFunctions";

/**
 * The CHIPS function catalog as data: name, parameters and the host-neutral implementation. functions.ts
 * declares the same functions for Excel (its JSDoc is the user documentation); stand-in hosts (HyperFormula in
 * the preview and tests) register from this table, and a test checks both lists agree.
 */
export interface ChipsParam {
  readonly name: string;
  /** "range": accepts a 2-D range as well as a single value. */
  readonly kind: "scalar" | "range";
  readonly optional: boolean;
}

interface SpecBase {
  /** Excel name with the namespace, e.g. "CHIPS.LOGISTIC.FIT". */
  readonly name: string;
  readonly params: readonly ChipsParam[];
}

export interface ScalarFunctionSpec extends SpecBase {
  readonly shape: "scalar";
  readonly call: (args: readonly unknown[]) => CellResult;
}

export interface GridFunctionSpec extends SpecBase {
  readonly shape: "grid";
  readonly call: (args: readonly unknown[]) => CellGrid | ModelError;
  /**
   * The result's size from the arguments known when the formula is parsed (`known[i]` false for a reference
   * or an expression), for hosts that size arrays before evaluating (HyperFormula). Optional: without it the
   * host calls `call` with the literal arguments. Expensive functions (simulations) supply it.
   */
  readonly predictSize?: (
    literals: readonly unknown[],
    known: readonly boolean[],
  ) => { readonly rows: number; readonly cols: number };
}

export type ChipsFunctionSpec = ScalarFunctionSpec | GridFunctionSpec;

const req = (name: string): ChipsParam => ({ name, kind: "scalar", optional: false });
const opt = (name: string): ChipsParam => ({ name, kind: "scalar", optional: true });

export const CHIPS_FUNCTIONS: readonly ChipsFunctionSpec[] = [
  {
    name: "CHIPS.FIGURE",
    params: [req("id"), opt("field"), opt("unit")],
    shape: "scalar",
    call: (a) => figureCell(a[0], a[1], a[2]),
  },
  { name: "CHIPS.SOURCE", params: [req("id")], shape: "scalar", call: (a) => sourceCell(a[0]) },
  { name: "CHIPS.FIGURES", params: [opt("category")], shape: "grid", call: (a) => figuresGrid(a[0]) },
  {
    name: "CHIPS.EVENTS",
    params: [opt("from"), opt("to")],
    shape: "grid",
    call: (a) => eventsGrid(a[0], a[1]),
  },
  { name: "CHIPS.VERSION", params: [], shape: "scalar", call: () => versionCell() },
  {
    name: "CHIPS.PROJECT",
    params: [
      { name: "scenario", kind: "range", optional: false },
      opt("series"),
      { name: "overrides", kind: "range", optional: true },
    ],
    shape: "grid",
    call: (a) => projectGrid(a[0], a[1], a[2]),
  },
  {
    name: "CHIPS.LOGISTIC",
    params: [req("t"), req("s0"), req("cap"), req("k")],
    shape: "scalar",
    call: (a) => logisticCell(a[0], a[1], a[2], a[3]),
  },
  {
    name: "CHIPS.LOGISTIC.FIT",
    params: [req("t1"), req("s1"), req("t2"), req("s2"), req("cap")],
    shape: "scalar",
    call: (a) => logisticFitCell(a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "CHIPS.BASS",
    params: [req("t"), req("p"), req("q")],
    shape: "scalar",
    call: (a) => bassCell(a[0], a[1], a[2]),
  },
  {
    name: "CHIPS.COMPUTE",
    params: [req("chip"), req("units"), opt("baseline")],
    shape: "grid",
    call: (a) => computeGrid(a[0], a[1], a[2]),
  },
  {
    name: "CHIPS.SIMULATE",
    params: [
      { name: "scenario", kind: "range", optional: false },
      req("trials"),
      req("seed"),
      req("series"),
      req("year"),
      opt("statistic"),
    ],
    shape: "scalar",
    call: (a) => simulateCell(a[0], a[1], a[2], a[3], a[4], a[5]),
  },
  {
    name: "CHIPS.SIMULATE.TABLE",
    params: [{ name: "scenario", kind: "range", optional: false }, req("trials"), req("seed"), req("series")],
    shape: "grid",
    call: (a) => simulateTableGrid(a[0], a[1], a[2], a[3]),
    predictSize: simulateTableSize,
  },
  {
    name: "CHIPS.SIMULATE.POSTERIOR",
    params: [
      { name: "scenario", kind: "range", optional: false },
      req("trials"),
      req("seed"),
      req("series"),
      req("year"),
      opt("statistic"),
      { name: "evidence", kind: "range", optional: true },
    ],
    shape: "scalar",
    call: (a) => posteriorCell(a[0], a[1], a[2], a[3], a[4], a[5], a[6]),
  },
  {
    name: "CHIPS.EVIDENCE.WEIGHTS",
    params: [
      { name: "scenarios", kind: "range", optional: false },
      { name: "evidence", kind: "range", optional: true },
      { name: "priors", kind: "range", optional: true },
    ],
    shape: "grid",
    call: (a) => evidenceWeightsGrid(a[0], a[1], a[2]),
  },
  {
    name: "CHIPS.TORNADO",
    params: [{ name: "scenario", kind: "range", optional: false }, req("metric"), opt("year")],
    shape: "grid",
    call: (a) => tornadoGrid(a[0], a[1], a[2]),
    predictSize: tornadoSize,
  },
  {
    name: "CHIPS.DIST.INV",
    params: [req("kind"), req("p"), req("a"), req("b"), opt("c")],
    shape: "scalar",
    call: (a) => distInvCell(a[0], a[1], a[2], a[3], a[4]),
  },
];

/** Rows × columns of a grid result (a whole-call error is one cell). */
export function gridSize(result: CellGrid | ModelError): { readonly rows: number; readonly cols: number } {
  if (isModelError(result)) return { rows: 1, cols: 1 };
  return { rows: result.length, cols: Math.max(1, ...result.map((row) => row.length)) };
}
