import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useReducer, useState } from "react";
import { useOptionalWorkspace } from "../workspace";
import { BASE_PRESET_ID, findPreset, PRESETS } from "../../model/presets";
import { fiscalYearLabel } from "../../model/project";
import { isModelError } from "../../model/errors";
import type { Provenance } from "../../model/types";
import type { WorkbookPort } from "../../workbook/port";
import { ComparePanel } from "./ComparePanel";
import type { InputGroupId } from "./inputCatalog";
import { INPUT_GROUPS, marketPathPath, SCALAR_INPUTS } from "./inputCatalog";
import { MetricsRow } from "./MetricsRow";
import { NumberField } from "./NumberField";
import { PresetPicker } from "./PresetPicker";
import { ProjectionCharts } from "./ProjectionCharts";
import { RegimesEditor } from "./RegimesEditor";
import type { PinSource, ScenarioState } from "./state";
import { editActionFor, initialScenarioState, issuesAt, scenarioReducer, shownHorizon } from "./state";
import { VendorsEditor } from "./VendorsEditor";

export interface ScenarioSectionProps {
  /** The workbook, for "insert at selection"; the section works without one. */
  readonly port?: WorkbookPort;
  /** Shown by the shell in its MessageBar. */
  onError?(this: void, message: string): void;
}

/**
 * The Scenario studio: preset picker, inputs grouped as in DESIGN.md §8 with provenance badges and inline
 * validation, live charts and key metrics of the projection, and a compare chart of up to four pinned
 * scenarios. All state lives in `scenarioReducer`; the projection is recomputed on every valid edit.
 */
export function ScenarioSection({ port, onError }: ScenarioSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [state, dispatch] = useReducer(scenarioReducer, BASE_PRESET_ID, initialScenarioState);
  const preset = findPreset(state.presetId);
  const provenance: Readonly<Record<string, Provenance>> = isModelError(preset) ? {} : preset.provenance;
  const structure = isModelError(preset) ? state.scenario : preset.scenario;
  const regimeNames = keysOf(structure.regimes);
  const vendorNames = keysOf(structure.vendors);
  const unplaced = unplacedIssues(state, Object.keys(structure.marketPath ?? {}));
  const unplacedText = unplaced.join("; ");
  const issuesAtPath = (path: string): readonly string[] => issuesAt(state, path);
  const horizon = shownHorizon(state);
  const path = Array.from(
    { length: horizon + 1 },
    (_, t) => state.regimePath[t] ?? state.regimePath[state.regimePath.length - 1] ?? "",
  );
  const [inserting, setInserting] = useState(false);
  const onRegimePathEdited = useCallback(
    (t: number, name: string) => dispatch({ type: "regimePathEdited", t, name }),
    [],
  );
  const onPin = useCallback(
    (source: PinSource) => dispatch({ type: "scenarioPinnedForCompare", source }),
    [],
  );
  const onUnpin = useCallback((pinId: string) => dispatch({ type: "unpinned", pinId }), []);
  const onEdit = useCallback(
    (editedPath: string, raw: string) => dispatch(editActionFor(editedPath, raw)),
    [],
  );

  // A scenario restored from the workbook's saved document replaces what the boxes show (also on a late mount).
  const restoreRequest = useOptionalWorkspace()?.restoreRequest;
  useEffect(() => {
    if (restoreRequest === undefined) return;
    const { scenario, name, presetId } = restoreRequest;
    dispatch({ type: "scenarioRestored", scenario, name, presetId });
  }, [restoreRequest]);

  // Publish the last valid scenario so Simulate, Sensitivity and Build work on what is on screen.
  const publish = useOptionalWorkspace()?.setScenario;
  const presetName = isModelError(preset) ? state.presetId : preset.name;
  const restoredName = state.restoredName;
  useEffect(() => {
    publish?.(
      state.scenario,
      restoredName ?? (state.edited ? `${presetName} (edited)` : presetName),
      state.edited ? null : state.presetId,
    );
  }, [publish, state.scenario, state.edited, state.presetId, presetName, restoredName]);

  useEffect(() => {
    if (unplacedText !== "") onError?.(unplacedText);
  }, [unplacedText, onError]);

  const insertFormula = (): void => {
    if (!port) return;
    setInserting(true);
    port
      .insertAtActiveCell({ kind: "formula", formula: `=CHIPS.PROJECT("${state.presetId}","nvidiaChina")` })
      .catch((error: unknown) => onError?.(error instanceof Error ? error.message : String(error)))
      .finally(() => setInserting(false));
  };

  const scalarFields = (group: InputGroupId): React.JSX.Element[] =>
    SCALAR_INPUTS.filter((spec) => spec.group === group).map((spec) => (
      <NumberField
        key={spec.id}
        path={spec.id}
        label={spec.label}
        unit={spec.unit}
        display={spec.display}
        raw={state.raw[spec.id] ?? ""}
        message={issuesAtPath(spec.id).join("; ")}
        provenance={provenance[spec.id] ?? "none"}
        onChange={onEdit}
      />
    ));

  const groupBody = (group: InputGroupId): React.JSX.Element => {
    switch (group) {
      case "market":
        return (
          <div className={styles.fields}>
            {scalarFields("market")}
            {Object.keys(structure.marketPath ?? {}).map((year) => {
              const key = marketPathPath(year);
              return (
                <NumberField
                  key={key}
                  path={key}
                  label={`Market size override, ${year} (${fiscalYearLabel(Number(year))})`}
                  unit="USD bn"
                  display="number"
                  raw={state.raw[key] ?? ""}
                  message={issuesAtPath(key).join("; ")}
                  provenance={provenance[key] ?? provenance["marketPath"] ?? "none"}
                  onChange={onEdit}
                />
              );
            })}
          </div>
        );
      case "adoption":
      case "nvidia":
        return <div className={styles.fields}>{scalarFields(group)}</div>;
      case "controls":
        return (
          <RegimesEditor
            regimeNames={regimeNames}
            raw={state.raw}
            issuesAt={issuesAtPath}
            baseYear={state.scenario.baseYear}
            path={path}
            provenance={provenance}
            onEdit={onEdit}
            onRegimePathEdited={onRegimePathEdited}
          />
        );
      case "vendors":
        return (
          <VendorsEditor
            vendorNames={vendorNames}
            raw={state.raw}
            issuesAt={issuesAtPath}
            provenance={provenance}
            onEdit={onEdit}
          />
        );
    }
  };

  return (
    <section aria-label="Scenario" className={styles.root}>
      <PresetPicker
        presets={PRESETS}
        presetId={state.presetId}
        edited={state.edited}
        onPresetChosen={(presetId) => dispatch({ type: "presetChosen", presetId })}
        onReset={() => dispatch({ type: "resetToPreset" })}
      />
      {unplaced.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>{unplacedText}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.issues.length > 0 ? (
        <MessageBar intent="warning" data-testid="stale-notice">
          <MessageBarBody>
            {state.issues.length === 1 ? "1 input needs fixing" : `${state.issues.length} inputs need fixing`}
            : the charts show the last valid scenario
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <MetricsRow projection={state.projection} />
      <ProjectionCharts projection={state.projection} scenario={state.scenario} />
      {port ? (
        <div>
          <Button size="small" disabled={state.edited || inserting} onClick={insertFormula}>
            Insert NVIDIA China revenue formula at selection
          </Button>
          {state.edited ? (
            <Text size={200} className={styles.note}>
              {" "}
              (presets only: edits are not in the workbook yet)
            </Text>
          ) : null}
        </div>
      ) : null}
      <Text size={200} className={styles.note}>
        Shares and rates are typed in percent (41 means 41%); money is in USD billions. Badges show each
        input&apos;s source or the assumption behind it.
      </Text>
      <Accordion multiple collapsible defaultOpenItems={[...INPUT_GROUPS.map((g) => g.id), "compare"]}>
        {INPUT_GROUPS.map((group) => (
          <AccordionItem key={group.id} value={group.id}>
            <AccordionHeader size="small">{group.title}</AccordionHeader>
            <AccordionPanel>{groupBody(group.id)}</AccordionPanel>
          </AccordionItem>
        ))}
        <AccordionItem value="compare">
          <AccordionHeader size="small">Compare scenarios</AccordionHeader>
          <AccordionPanel>
            <ComparePanel presets={PRESETS} pinned={state.pinned} onPin={onPin} onUnpin={onUnpin} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

/** Issues whose path has no field on screen (shown in a MessageBar instead of under a box). */
function unplacedIssues(state: ScenarioState, marketPathYears: readonly string[]): string[] {
  const placed = (path: string): boolean =>
    SCALAR_INPUTS.some((spec) => spec.id === path) ||
    /^regimes\.[^.]+\.(access|remittance)$/.test(path) ||
    /^vendors\.[^.]+\.(weight|aspUsdK|bf16Tflops)$/.test(path) ||
    /^regimePath(\[\d+\])?$/.test(path) ||
    path === "regimes" ||
    path === "vendors" ||
    marketPathYears.some((year) => path === marketPathPath(year));
  return state.issues.filter((issue) => !placed(issue.path)).map((issue) => issue.message);
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
  },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3 },
});

const keyCache = new WeakMap<object, readonly string[]>();

/** `Object.keys`, with one stable array per (immutable) table, so memoized editors skip re-rendering. */
function keysOf(table: object): readonly string[] {
  let keys = keyCache.get(table);
  if (keys === undefined) {
    keys = Object.keys(table);
    keyCache.set(table, keys);
  }
  return keys;
}
