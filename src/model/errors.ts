/**
 * Typed engine errors. Numeric cores return `T | ModelError` instead of throwing, so a failed trial or a
 * bad argument is a value the caller maps (to `CustomFunctions.Error`, a MessageBar, a CLI exit code).
 * A `throw` is reserved for bugs (broken invariants).
 */
export type ModelErrorCode = "invalidInput" | "notFound" | "divisionByZero" | "numeric";

/** Where in the input a problem is (a dotted/indexed path such as `reported[2].period`) and what it is. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

export class ModelError {
  readonly kind = "ModelError" as const;
  constructor(
    readonly code: ModelErrorCode,
    readonly message: string,
    /** For invalid scenarios: every problem with its path, so a form can show each at its field. */
    readonly issues: readonly InputIssue[] = [],
  ) {}
}

export function modelError(
  code: ModelErrorCode,
  message: string,
  issues: readonly InputIssue[] = [],
): ModelError {
  return new ModelError(code, message, issues);
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}

/** For exhaustive switches: reaching this is a bug. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
