/**
 * The Build section's effects: each workbook operation dispatches its start, steps and `…Succeeded` /
 * `…Failed` into the section's reducer. ExcelJS is loaded with a dynamic `import()` only when the user exports.
 */
import { useCallback, useEffect, useRef } from "react";
import type { Dispatch } from "react";
import { isModelError } from "../../model/errors";
import { buildWorkbookLayout } from "../../workbook/layout/buildWorkbookLayout";
import type { NamedScenario, WorkbookLayout } from "../../workbook/layout/types";
import type { WorkbookPort } from "../../workbook/port";
import { WorkbookPortError } from "../../workbook/port";
import { formatReadbackIssue, readScenariosFromInputs } from "../../workbook/readback";
import { portErrorMessage } from "../portErrorMessage";
import type { BuildAction } from "./buildState";
import { JSON_MIME, XLSX_MIME } from "./downloadFile";
import type { DownloadFile } from "./downloadFile";
import { parseScenarioFile, SCENARIO_FILE_NAME, scenarioFileText } from "./scenarioJson";

export const XLSX_FILE_NAME = "chipshift-model.xlsx";

export interface BuildActions {
  build(this: void, onConflict: "rename" | "fail"): Promise<void>;
  exportXlsx(this: void): Promise<void>;
  makePortable(this: void): Promise<void>;
  readWorkbook(this: void): Promise<void>;
  exportScenarios(this: void): void;
  importScenarios(this: void, file: File): Promise<void>;
}

export function useBuildActions(
  port: WorkbookPort | null,
  chosen: readonly NamedScenario[],
  listed: readonly NamedScenario[],
  dispatch: Dispatch<BuildAction>,
  download: DownloadFile,
): BuildActions {
  const layoutRef = useRef<WorkbookLayout | null>(null);

  const layoutFor = useCallback((): WorkbookLayout | string => {
    const layout = buildWorkbookLayout(chosen, { builtAt: builtAtText(new Date()) });
    return isModelError(layout) ? layout.message : layout;
  }, [chosen]);

  const build = useCallback(
    async (onConflict: "rename" | "fail") => {
      if (port?.buildModel === undefined) return;
      dispatch({ type: "operationStarted", operation: "build", step: "Laying out…" });
      // The conflict answer reuses the layout the user was asked about.
      const layout = onConflict === "rename" && layoutRef.current !== null ? layoutRef.current : layoutFor();
      if (typeof layout === "string") return dispatch({ type: "operationFailed", message: layout });
      layoutRef.current = layout;
      dispatch({ type: "stepReached", step: `Writing ${layout.sheets.length} sheets…` });
      try {
        const summary = await port.buildModel(layout, { onConflict });
        dispatch({
          type: "buildSucceeded",
          built: {
            ...summary,
            namedRanges: layout.names.length,
            charts: layout.charts.length,
            scenarios: chosen.map((s) => s.name),
          },
        });
      } catch (error) {
        if (error instanceof WorkbookPortError && error.code === "sheetConflict" && onConflict === "fail") {
          const sheet = /"(.+?)"/.exec(error.message)?.[1] ?? layout.sheets[0]?.name ?? "";
          return dispatch({ type: "conflictFound", sheet });
        }
        dispatch({ type: "operationFailed", message: portErrorMessage(error) });
      }
    },
    [port, layoutFor, chosen, dispatch],
  );

  const exportXlsx = useCallback(async () => {
    dispatch({ type: "operationStarted", operation: "exportXlsx", step: "Laying out…" });
    const layout = layoutFor();
    if (typeof layout === "string") return dispatch({ type: "operationFailed", message: layout });
    try {
      dispatch({ type: "stepReached", step: "Loading the .xlsx writer…" });
      const { writeLayoutToXlsx } = await import(
        /* webpackChunkName: "xlsx-writer" */ "../../workbook/writers/xlsx"
      );
      dispatch({ type: "stepReached", step: `Writing ${layout.sheets.length} sheets…` });
      const outcome = download(XLSX_FILE_NAME, await writeLayoutToXlsx(layout), XLSX_MIME);
      if (outcome?.saved === false) {
        dispatch({ type: "exportUnavailable", fileName: XLSX_FILE_NAME, reason: outcome.reason, text: null });
      } else dispatch({ type: "exportSucceeded", fileName: XLSX_FILE_NAME });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      dispatch({ type: "operationFailed", message: `The .xlsx export failed (${reason}). Try again` });
    }
  }, [layoutFor, dispatch, download]);

  const makePortable = useCallback(async () => {
    if (port?.makePortable === undefined) return;
    dispatch({ type: "operationStarted", operation: "portable", step: "Replacing CHIPS formulas…" });
    try {
      dispatch({ type: "portableSucceeded", summary: await port.makePortable() });
    } catch (error) {
      dispatch({ type: "operationFailed", message: portErrorMessage(error) });
    }
  }, [port, dispatch]);

  const read = useCallback(
    async (onOpen: boolean) => {
      if (port?.readInputsSheet === undefined) return;
      if (!onOpen) dispatch({ type: "operationStarted", operation: "read", step: "Reading CS Inputs…" });
      try {
        const sheet = await port.readInputsSheet();
        if (sheet === null) return dispatch({ type: "workbookHasNoModel", onOpen });
        const result = readScenariosFromInputs(sheet.grid, { sheetName: sheet.sheetName, previous: listed });
        dispatch({
          type: "workbookRead",
          readback: {
            sheetName: sheet.sheetName,
            scenarios: result.scenarios,
            issues: result.issues.map(formatReadbackIssue),
            onOpen,
          },
        });
      } catch (error) {
        // On open the offer is a convenience: a failed read stays silent until the user asks.
        if (!onOpen) dispatch({ type: "operationFailed", message: portErrorMessage(error) });
      }
    },
    [port, listed, dispatch],
  );

  // On open only: later changes to the list must not re-read (or re-offer) the workbook.
  const readOnOpen = useRef(read);
  useEffect(() => {
    void readOnOpen.current(true);
  }, []);

  const exportScenarios = useCallback(() => {
    const text = scenarioFileText(chosen);
    try {
      const outcome = download(SCENARIO_FILE_NAME, text, JSON_MIME);
      if (outcome?.saved === false) {
        const { reason } = outcome;
        dispatch({
          type: "exportUnavailable",
          fileName: SCENARIO_FILE_NAME,
          reason,
          text,
          area: "scenarios",
        });
        return;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      dispatch({
        type: "operationFailed",
        message: `The scenarios were not exported (${reason}). Try again`,
        area: "scenarios",
      });
      return;
    }
    dispatch({ type: "exportSucceeded", fileName: SCENARIO_FILE_NAME, area: "scenarios" });
  }, [chosen, download, dispatch]);

  const importScenarios = useCallback(
    async (file: File) => {
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return dispatch({
          type: "importFailed",
          errors: [`${file.name} could not be read (${reason}). Choose the file again`],
        });
      }
      const parsed = parseScenarioFile(text, file.name);
      // A file with any problem is rejected whole: a half-imported set is worse than none.
      if (parsed.errors.length > 0) return dispatch({ type: "importFailed", errors: parsed.errors });
      dispatch({
        type: "scenariosOffered",
        origin: "imported",
        scenarios: parsed.scenarios,
        existing: listed,
      });
    },
    [listed, dispatch],
  );

  return {
    build,
    exportXlsx,
    makePortable,
    readWorkbook: () => read(false),
    exportScenarios,
    importScenarios,
  };
}

/** "2026-05-14 09:30 UTC": shown on the Compare sheet. */
export function builtAtText(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
