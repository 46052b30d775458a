/**
 * Outside Excel (taskpane.html opened in a plain browser, the development preview) office.js defines no
 * `CustomFunctions`, yet the metadata plugin appends `CustomFunctions.associate(...)` calls to functions.ts:
 * they would throw a ReferenceError at load. This stand-in makes those calls no-ops there. Inside Excel the
 * runtime's own object already exists when this script runs (office.js loads first) and is left untouched.
 */
const host = globalThis as { CustomFunctions?: unknown };

if (host.CustomFunctions === undefined) {
  host.CustomFunctions = {
    associate: (): void => undefined,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    Error: class StandInError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
  };
}

export {};
