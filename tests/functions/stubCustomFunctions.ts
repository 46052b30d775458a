/** A stand-in for Excel's `CustomFunctions` host global, so the adapter's error mapping can be tested. */
export class StubExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const STUB_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctionsStub(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubExcelError,
    ErrorCode: STUB_ERROR_CODES,
  };
}

/** The Excel error code of a result, or undefined when it is not an error. */
export function excelCode(value: unknown): string | undefined {
  return value instanceof StubExcelError ? value.code : undefined;
}
