import { useCallback, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import { portErrorMessage } from "../portErrorMessage";

export interface FigureRecalc {
  /** Why the last recalculation failed, in the user's words; undefined when it did not. */
  readonly problem: string | undefined;
  /** Recalculates the workbook (after your figures changed); a failure becomes `problem`, never thrown. */
  readonly recalculate: () => Promise<void>;
  readonly dismiss: () => void;
}

/**
 * The effect that follows an add, edit or delete of one of your figures: the registry `CHIPS.FIGURE` reads is
 * already up to date (the store's mirror sets it when the store changes), so the workbook is recalculated and
 * existing `=CHIPS.FIGURE("id")` cells show the new value (or #N/A for a deleted figure) without Ctrl+Alt+F9.
 * A host without `recalculate` (or no workbook) is left as it is.
 */
export function useFigureRecalc(port: WorkbookPort | null): FigureRecalc {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const recalculate = useCallback(async () => {
    if (port?.recalculate === undefined) return;
    try {
      await port.recalculate();
      setProblem(undefined);
    } catch (error) {
      setProblem(
        `Cells with =CHIPS.FIGURE were not recalculated (${portErrorMessage(error)}): press Ctrl+Alt+F9 in Excel`,
      );
    }
  }, [port]);
  const dismiss = useCallback(() => setProblem(undefined), []);
  return { problem, recalculate, dismiss };
}
