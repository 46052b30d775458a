import type { CellContent, CellRef, WorkbookPort } from "./port";
import { WorkbookPortError } from "./port";
import type { WorkbookPortErrorCode } from "./port";

/** The part of the `Excel` global the port needs; a fake with the same shape stands in for tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * The Office.js implementation of `WorkbookPort`: one `Excel.run` and one `context.sync()` per operation.
 *
 * Text is written with a leading apostrophe (Excel's "this is text" prefix, not kept in the cell's value), so a
 * user string such as `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)` or `-2+3` is stored as text and never evaluated.
 * We chose the apostrophe over a `"@"` number format because the format would stay on the cell and silently turn
 * a formula the user types there later into text.
 */
export function createOfficePort(
  excel: ExcelHost | undefined = (globalThis as { Excel?: ExcelHost }).Excel,
): WorkbookPort {
  return {
    host: "excel",
    getActiveCell: () =>
      runOperation(excel, "readFailed", async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address");
        const sheet = cell.worksheet;
        sheet.load("name");
        await context.sync();
        return cellRefOf(sheet.name, cell.address);
      }),
    insertAtActiveCell: (content) => {
      const prepared = preparedContent(content);
      if (prepared instanceof WorkbookPortError) return Promise.reject(prepared);
      return runOperation(excel, "writeFailed", async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address");
        const sheet = cell.worksheet;
        sheet.load("name");
        if (prepared.kind === "formula") cell.formulas = [[prepared.formula]];
        else cell.values = [[prepared.value]];
        await context.sync();
        return cellRefOf(sheet.name, cell.address);
      });
    },
  };
}

/** The cell value Office.js must receive so that `value` is stored as itself (text stays text). */
export function officeCellValue(value: number | string): number | string {
  return typeof value === "string" ? `'${value}` : value;
}

/** Splits an Office.js address ("Sheet1!B3", "'My sheet'!B3:C4") into the sheet name and the top-left cell. */
export function cellRefOf(sheetName: string, address: string): CellRef {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const topLeft = local.split(":")[0] ?? local;
  return { sheet: sheetName, address: topLeft.replace(/\$/g, "") };
}

type PreparedContent = { readonly kind: "value"; readonly value: number | string } | CellContent;

function preparedContent(content: CellContent): PreparedContent | WorkbookPortError {
  if (content.kind === "formula") {
    if (!content.formula.startsWith("=")) {
      return new WorkbookPortError("writeFailed", `A formula must start with "=", got ${content.formula}`);
    }
    return content;
  }
  if (typeof content.value === "number" && !Number.isFinite(content.value)) {
    return new WorkbookPortError("writeFailed", `Only finite numbers can be written, got ${content.value}`);
  }
  return { kind: "value", value: officeCellValue(content.value) };
}

async function runOperation<T>(
  excel: ExcelHost | undefined,
  failureCode: WorkbookPortErrorCode,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  if (excel === undefined) {
    throw new WorkbookPortError(
      "hostUnavailable",
      "Excel is not available: the add-in is not running inside Excel",
    );
  }
  try {
    return await excel.run(batch);
  } catch (error) {
    if (error instanceof WorkbookPortError) throw error;
    throw new WorkbookPortError(failureCode, `Excel rejected the operation: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}
