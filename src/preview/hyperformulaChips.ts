/**
 * Registers the CHIPS.* functions in HyperFormula (development preview and tests only: HyperFormula is
 * GPL-3.0 and never ships in the add-in). The implementations are the same host-neutral cell functions Excel
 * runs (src/functions/catalog.ts); only the value mapping differs: ModelError → CellError.
 *
 * HyperFormula spills an array only when its size is known from the formula alone, so each grid function's
 * size is predicted from its literal arguments (see `predictGridSize`). A cell reference where the size
 * depends on it (CHIPS.FIGURES(A1)) cannot be sized: the formula gives #VALUE! with a message saying so.
 */
import type { HyperFormula } from "hyperformula";
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
} from "hyperformula";
import type { FunctionMetadata, ImplementedFunctions } from "hyperformula";
import type { ModelError, ModelErrorCode } from "../model/errors";
import { isModelError } from "../model/errors";
import { BASE_PRESET_ID } from "../model/presets";
import type { CellGrid, CellResult } from "../functions/cells";
import type { ChipsFunctionSpec, GridFunctionSpec } from "../functions/catalog";
import { CHIPS_FUNCTIONS, gridSize } from "../functions/catalog";

/** ModelError code → HyperFormula error type (the same table as functions/errors.ts, in HF's terms). */
export const HF_ERROR_BY_CODE: Readonly<Record<ModelErrorCode, ErrorType>> = {
  invalidInput: ErrorType.VALUE,
  notFound: ErrorType.NA,
  divisionByZero: ErrorType.DIV_BY_ZERO,
  numeric: ErrorType.NUM,
};

/** Marks an argument whose value is not known when the formula is parsed (a reference or an expression). */
export const NOT_LITERAL: unique symbol = Symbol("notLiteral");

/**
 * Registers every CHIPS.* function with HyperFormula (idempotent). Call before building a workbook.
 * @param hf the HyperFormula class (the caller's import, so the preview controls which copy is used)
 */
export function registerChipsFunctions(hf: typeof HyperFormula): void {
  if (hf.getRegisteredFunctionNames("enGB").includes("CHIPS.VERSION")) return;
  const translations: Record<string, string> = {};
  for (const spec of CHIPS_FUNCTIONS) translations[spec.name] = spec.name;
  hf.registerFunctionPlugin(ChipsPlugin, { enGB: translations });
}

/**
 * The size a grid function's result will have, from its literal arguments (`NOT_LITERAL` elsewhere), or
 * undefined when it depends on a value not known at parse time.
 */
export function predictGridSize(
  spec: GridFunctionSpec,
  literals: readonly unknown[],
): { readonly rows: number; readonly cols: number } | undefined {
  if (spec.predictSize !== undefined) {
    const known = literals.map((value) => value !== NOT_LITERAL);
    return spec.predictSize(
      literals.map((value) => (value === NOT_LITERAL ? undefined : value)),
      known,
    );
  }
  if (spec.name === "CHIPS.PROJECT") return predictProjectSize(spec, literals);
  if (literals.some((value) => value === NOT_LITERAL)) return undefined;
  return gridSize(spec.call(literals));
}

/** The CellError for an engine error (message kept, as Excel keeps it for #VALUE! and #N/A). */
export function toCellError(err: ModelError): CellError {
  return new CellError(HF_ERROR_BY_CODE[err.code], err.message);
}

/**
 * The parts of HyperFormula's parser AST used here (the AST types are not exported by the package): a call's
 * arguments, each a node with a type tag and, for literals, a value.
 */
interface AstNode {
  readonly type: string;
  readonly value?: unknown;
}
interface ProcedureAst {
  readonly args: AstNode[];
}
type RunArgs = Parameters<ChipsPlugin["runFunctionPublic"]>;

class ChipsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = implementedFunctions();

  /** Evaluates one CHIPS call: HF values → plain values → the cell function → HF values. */
  evaluateChips(spec: ChipsFunctionSpec, ast: ProcedureAst, state: RunArgs[1]): unknown {
    return this.runFunction(ast.args as RunArgs[0], state, this.metadata(spec.name), (...args: unknown[]) => {
      const plain = args.map(plainValue);
      if (spec.shape === "scalar") return toHfScalar(spec.call(plain));
      const result = spec.call(plain);
      // HyperFormula reserves the predicted area and throws on a larger result: refuse it as a value instead.
      const predicted = predictGridSize(spec, ast.args.map(literalValue));
      const actual = gridSize(result);
      if (predicted !== undefined && (actual.rows > predicted.rows || actual.cols > predicted.cols)) {
        return new CellError(
          ErrorType.VALUE,
          `${spec.name} result is ${actual.rows}×${actual.cols} but only ${predicted.rows}×${predicted.cols} ` +
            "could be sized from the formula; type the scenario as literal text",
        );
      }
      return toHfGrid(result);
    });
  }

  /** Exposes runFunction's parameter types (HyperFormula does not export its AST types). */
  runFunctionPublic(
    args: Parameters<FunctionPlugin["runFunction"]>[0],
    state: Parameters<FunctionPlugin["runFunction"]>[1],
  ): void {
    void args;
    void state;
  }

  /** Parse-time size of a grid function's result. */
  sizeOfChips(spec: GridFunctionSpec, ast: ProcedureAst): ArraySize {
    const size = predictGridSize(spec, ast.args.map(literalValue));
    return size === undefined ? ArraySize.error() : new ArraySize(size.cols, size.rows);
  }
}

for (const spec of CHIPS_FUNCTIONS) {
  const methods = ChipsPlugin.prototype as unknown as Record<string, unknown>;
  methods[methodName(spec)] = function (this: ChipsPlugin, ast: ProcedureAst, state: RunArgs[1]) {
    return this.evaluateChips(spec, ast, state);
  };
  if (spec.shape === "grid") {
    methods[sizeMethodName(spec)] = function (this: ChipsPlugin, ast: ProcedureAst) {
      return this.sizeOfChips(spec, ast);
    };
  }
}

function implementedFunctions(): ImplementedFunctions {
  const out: ImplementedFunctions = {};
  for (const spec of CHIPS_FUNCTIONS) {
    const metadata: FunctionMetadata = {
      method: methodName(spec),
      vectorizationForbidden: true,
      parameters: spec.params.map((param) => ({
        argumentType: param.kind === "range" ? FunctionArgumentType.ANY : FunctionArgumentType.NOERROR,
        ...(param.optional ? { optionalArg: true } : {}),
      })),
      ...(spec.shape === "grid" ? { sizeOfResultArrayMethod: sizeMethodName(spec) } : {}),
    };
    out[spec.name] = metadata;
  }
  return out;
}

function methodName(spec: ChipsFunctionSpec): string {
  return `chips_${spec.name.slice("CHIPS.".length).replace(/\./g, "_").toLowerCase()}`;
}

function sizeMethodName(spec: ChipsFunctionSpec): string {
  return `${methodName(spec)}_size`;
}

function predictProjectSize(
  spec: GridFunctionSpec,
  literals: readonly unknown[],
): { readonly rows: number; readonly cols: number } | undefined {
  // The table's size depends on the horizon and vendors, known once the scenario is: a literal preset gives
  // it exactly; a range scenario or overrides are sized as the base preset (a range that changes the horizon
  // or the vendor list cannot be sized at parse time).
  const [scenario, series] = literals;
  const known = [
    scenario === NOT_LITERAL ? undefined : scenario,
    series === NOT_LITERAL ? undefined : series,
  ];
  const probe = spec.call([known[0] ?? BASE_PRESET_ID, known[1]]);
  const size = gridSize(probe);
  if (series === NOT_LITERAL && !isModelError(probe)) {
    // One row per series: as many values as years (table rows minus the header).
    return { rows: 1, cols: size.rows - 1 };
  }
  return size;
}

function literalValue(ast: AstNode): unknown {
  switch (ast.type) {
    case "NUMBER":
    case "STRING":
      return ast.value;
    case "EMPTY":
      return undefined;
    case "MINUS_UNARY_OP":
    case "PLUS_UNARY_OP": {
      const inner = ast.value as AstNode;
      if (inner.type !== "NUMBER" || typeof inner.value !== "number") return NOT_LITERAL;
      return ast.type === "MINUS_UNARY_OP" ? -inner.value : inner.value;
    }
    default:
      return NOT_LITERAL;
  }
}

/** An HF argument as the plain value the cell functions take (ranges as arrays of rows). */
function plainValue(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(plainScalar));
  return plainScalar(value);
}

function plainScalar(value: unknown): unknown {
  if (typeof value === "symbol") return null; // HF's EmptyValue: an empty cell
  if (value !== null && typeof value === "object" && "val" in value && typeof value.val === "number") {
    return value.val; // a rich number (date, currency, percent): its raw value
  }
  return value;
}

function toHfScalar(value: CellResult): number | string | boolean | CellError {
  return isModelError(value) ? toCellError(value) : value;
}

function toHfGrid(result: CellGrid | ModelError): SimpleRangeValue | CellError {
  if (isModelError(result)) return toCellError(result);
  return SimpleRangeValue.onlyValues(result.map((row) => row.map(toHfScalar)));
}
