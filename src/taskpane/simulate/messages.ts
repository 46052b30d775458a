/** MessageBar text for the Simulate and Sensitivity tabs: what happened and what to do. */
import { SimulationClientError } from "../../worker/client";
import { portErrorMessage } from "../portErrorMessage";

/** Text for a failed simulation run (engine or worker error). */
export function simulationErrorMessage(error: unknown): string {
  if (error instanceof SimulationClientError) {
    switch (error.code) {
      case "invalidInput":
      case "notFound":
        return `The simulation settings are not valid: ${error.message}. Fix that setting, then run again`;
      case "divisionByZero":
      case "numeric":
        return `The model could not be computed for some inputs (${error.message}). Narrow the distributions, then run again`;
      case "cancelled":
        return "The simulation was cancelled";
      case "internal":
        return `The simulation engine failed (${error.message}). Reload the add-in and try again`;
      case "workerFailed":
      case "timeout":
        return `The simulation did not finish: ${error.message}`;
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `The simulation could not run (${detail}). Reload the add-in and try again`;
}

/** Text for a failed "Write results". */
export function writeErrorMessage(error: unknown): string {
  return portErrorMessage(error);
}

/** Said when there is no workbook or it cannot take result sheets. */
export const NO_SHEET_WRITER =
  "This workbook connection cannot write result sheets. Open ChipShift from Excel's ribbon (or the development preview page), then try again";
