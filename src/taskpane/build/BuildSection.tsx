import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useReducer, useRef } from "react";
import { PRESETS } from "../../model/presets";
import type { WorkbookPort } from "../../workbook/port";
import { scrollIntoView } from "../feedback";
import { usePaneSelector } from "../store/PaneStoreProvider";
import { selectPresetId, selectScenarioName } from "../store/selectors";
import { BuildSummaryView } from "./BuildSummaryView";
import { buildCandidates } from "./buildScenarios";
import type { CandidateOrigin } from "./buildScenarios";
import { buildReducer, includedScenarios, initialBuildState } from "./buildState";
import type { BuildState } from "./buildState";
import { downloadFile } from "./downloadFile";
import type { DownloadFile } from "./downloadFile";
import { CopyInstead } from "./CopyInstead";
import { useBuildActions } from "./useBuildActions";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  fieldset: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: "none",
    padding: 0,
    margin: 0,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  origin: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const ORIGIN_LABEL: Readonly<Record<CandidateOrigin, string>> = {
  preset: "preset",
  pane: "from the pane: edited or cited",
  imported: "imported",
  workbook: "from the workbook",
};

export interface BuildSectionProps {
  readonly port: WorkbookPort | null;
  /** Saves a file (default: Blob + `<a download>`); tests pass a recorder. */
  readonly download?: DownloadFile;
}

/**
 * Build: choose the scenarios, write the formula-based model into the workbook, export it as .xlsx, make the
 * workbook portable, move scenarios in and out as JSON, and read scenarios edited in the sheet back.
 */
export function BuildSection({ port, download = downloadFile }: BuildSectionProps) {
  const styles = useStyles();
  const scenario = usePaneSelector((s) => s.scenario.scenario);
  const scenarioName = usePaneSelector(selectScenarioName);
  const presetId = usePaneSelector(selectPresetId);
  const [state, dispatch] = useReducer(buildReducer, initialBuildState);
  const fileInput = useRef<HTMLInputElement>(null);
  const citations = usePaneSelector((s) => s.scenario.citations);
  const candidates = useMemo(
    () => buildCandidates(PRESETS, { scenario, name: scenarioName, presetId, citations }, state.extras),
    [scenario, scenarioName, presetId, citations, state.extras],
  );
  const listed = useMemo(() => candidates.map((c) => c.named), [candidates]);
  const chosen = useMemo(() => includedScenarios(state, candidates), [state, candidates]);
  const actions = useBuildActions(port, chosen, listed, dispatch, download);
  const busy = state.busy !== null;
  const canBuild = port?.buildModel !== undefined;
  const offer = state.readback;

  return (
    <div className={styles.root}>
      <fieldset className={styles.fieldset}>
        <legend>
          <Subtitle2 as="h3" className={styles.heading}>
            Scenarios in the workbook
          </Subtitle2>
        </legend>
        {candidates.map((c) => (
          <Checkbox
            key={c.named.name}
            checked={!state.excluded.includes(c.named.name.trim().toLowerCase())}
            onChange={(_, data) =>
              dispatch({ type: "scenarioToggled", name: c.named.name, included: data.checked === true })
            }
            label={
              <>
                {c.named.name} <span className={styles.origin}>({ORIGIN_LABEL[c.origin]})</span>
              </>
            }
          />
        ))}
        <Text size={200} className={styles.origin}>
          The first ticked scenario is the Base and the scenario switch&apos;s starting choice
        </Text>
      </fieldset>

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!canBuild || busy || chosen.length === 0}
          onClick={() => void actions.build("fail")}
        >
          {state.built === null ? "Build model" : "Update model"}
        </Button>
        <Button disabled={busy || chosen.length === 0} onClick={() => void actions.exportXlsx()}>
          Export .xlsx
        </Button>
        <Button
          disabled={port?.makePortable === undefined || busy}
          onClick={() => void actions.makePortable()}
        >
          Make portable
        </Button>
      </div>
      {!canBuild ? (
        <Text size={200}>
          No workbook is connected: open ChipShift from Excel to build the model (Export .xlsx still works)
        </Text>
      ) : null}

      {state.feedbackAt === "model" ? <Outcome state={state} /> : null}

      {state.built === null ? null : (
        <div key={JSON.stringify(state.built)} ref={scrollIntoView}>
          <BuildSummaryView built={state.built} />
        </div>
      )}
      {state.portable === null ? null : (
        <MessageBar intent="success" ref={scrollIntoView}>
          <MessageBarBody>
            <MessageBarTitle>Portable</MessageBarTitle>
            {state.portable.replaced === 0
              ? "No CHIPS formulas found: the workbook already works without the add-in"
              : `Replaced ${state.portable.replaced} CHIPS formula${state.portable.replaced === 1 ? "" : "s"} with their values: ${state.portable.cells.slice(0, 8).join(", ")}${state.portable.cells.length > 8 ? ", …" : ""}`}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.group}>
        <Subtitle2 as="h3" className={styles.heading}>
          Scenarios from the workbook and files
        </Subtitle2>
        <div className={styles.row}>
          <Button
            disabled={port?.readInputsSheet === undefined || busy}
            onClick={() => void actions.readWorkbook()}
          >
            Read scenarios from workbook
          </Button>
          <Button disabled={chosen.length === 0} onClick={actions.exportScenarios}>
            Export scenarios (JSON)
          </Button>
          <Button onClick={() => fileInput.current?.click()}>Import scenarios (JSON)</Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            aria-label="Scenario file to import"
            hidden
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (file !== undefined) void actions.importScenarios(file);
            }}
          />
        </div>
      </div>

      {state.feedbackAt === "scenarios" ? <Outcome state={state} /> : null}

      {offer === null ? null : (
        <MessageBar
          key={`${offer.sheetName}:${offer.scenarios.length}:${offer.issues.length}:${String(offer.onOpen)}`}
          intent={offer.issues.length > 0 ? "warning" : "info"}
          layout="multiline"
          data-testid="build-readback"
          {...(offer.onOpen ? {} : { ref: scrollIntoView })}
        >
          <MessageBarBody>
            <MessageBarTitle>
              {offer.onOpen ? "This workbook already has a ChipShift model" : `Read ${offer.sheetName}`}
            </MessageBarTitle>
            {`${offer.scenarios.length} valid scenario${offer.scenarios.length === 1 ? "" : "s"} in ${offer.sheetName}`}
            {offer.issues.length === 0 ? null : (
              <ul className={styles.list} aria-label="Problems in the workbook">
                {offer.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          {offer.scenarios.length === 0 ? null : (
            <MessageBarActions>
              <Button
                onClick={() =>
                  dispatch({
                    type: "scenariosOffered",
                    origin: "workbook",
                    scenarios: offer.scenarios,
                    existing: listed,
                  })
                }
              >
                {`Load ${offer.scenarios.length} scenario${offer.scenarios.length === 1 ? "" : "s"} from this workbook`}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {state.pending === null ? null : (
        <MessageBar intent="warning" layout="multiline" ref={scrollIntoView}>
          <MessageBarBody>
            <MessageBarTitle>Replace scenarios in the list?</MessageBarTitle>
            {`${state.pending.clashes.join(", ")} ${state.pending.clashes.length === 1 ? "is" : "are"} already in the list with other values`}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => dispatch({ type: "pendingResolved", choice: "replace" })}>Replace</Button>
            <Button onClick={() => dispatch({ type: "pendingResolved", choice: "keepBoth" })}>
              Keep both
            </Button>
            <Button onClick={() => dispatch({ type: "pendingResolved", choice: "cancel" })}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {state.importErrors.length === 0 ? null : (
        <MessageBar
          key={state.importErrors.join("|")}
          intent="error"
          layout="multiline"
          data-testid="build-import-errors"
          ref={scrollIntoView}
        >
          <MessageBarBody>
            <MessageBarTitle>The file was not imported</MessageBarTitle>
            <ul className={styles.list} aria-label="Problems in the scenario file">
              {state.importErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <Dialog open={state.conflict !== null} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Sheet name already used</DialogTitle>
            <DialogContent>
              <Body1>
                {`A sheet named ${state.conflict?.sheet ?? ""} exists and wasn't made by ChipShift. ChipShift never overwrites it.`}
              </Body1>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void actions.build("rename")}>
                {`Build into '${state.conflict?.proposed ?? ""}'`}
              </Button>
              <Button onClick={() => dispatch({ type: "conflictCancelled" })}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/**
 * The latest outcome of a Build-tab operation (progress, then the failure or the success), shown under the
 * buttons of the area that was used and scrolled into view; a new outcome replaces the previous one.
 */
function Outcome({ state }: { readonly state: BuildState }) {
  const styles = useStyles();
  return (
    <>
      {state.busy === null ? null : (
        <div className={styles.group} role="status" aria-live="polite">
          <Spinner size="tiny" labelPosition="after" label={state.busy.step} />
          <ProgressBar aria-label={state.busy.step} />
        </div>
      )}
      {state.error === null ? null : (
        <MessageBar
          key={state.error}
          intent="error"
          layout="multiline"
          data-testid="build-message"
          ref={scrollIntoView}
        >
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {state.notice === null ? null : (
        <MessageBar key={state.notice} intent="success" data-testid="build-message" ref={scrollIntoView}>
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {state.copyInstead === null ? null : <CopyInstead copy={state.copyInstead} />}
    </>
  );
}
