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
import { useCallback, useMemo, useState } from "react";
import { findPreset, PRESETS } from "../../model/presets";
import { fiscalYearLabel } from "../../model/project";
import { isModelError } from "../../model/errors";
import type { Figure } from "../../figures";
import type { Provenance } from "../../model/types";
import type { WorkbookPort } from "../../workbook/port";
import { scrollIntoView } from "../feedback";
import { citableFiguresOf } from "../figures/ownFigures";
import { portErrorMessage } from "../portErrorMessage";
import { usePaneDispatch, usePaneSelector } from "../store/PaneStoreProvider";
import { ComparePanel } from "./ComparePanel";
import type { InputGroupId } from "./inputCatalog";
import { INPUT_GROUPS, marketPathPath, SCALAR_INPUTS } from "./inputCatalog";
import { MetricsRow } from "./MetricsRow";
import { NumberField } from "./NumberField";
import { PresetPicker } from "./PresetPicker";
import { ProjectionCharts } from "./ProjectionCharts";
import { RegimesEditor } from "./RegimesEditor";
import type { PinSource, ScenarioState } from "./state";
import { editActionFor, issuesAt, shownHorizon } from "./state";
import { VendorsEditor } from "./VendorsEditor";

export interface ScenarioSectionProps {
  /** The workbook, for "insert at selection"; the section works without one. */
  readonly port?: WorkbookPort;
}

type InsertStatus =
  | { readonly status: "idle" | "inserting" | "inserted" }
  | { readonly status: "failed"; readonly message: string };

/**
 * The Scenario studio: preset picker, inputs grouped as in DESIGN.md §8 with provenance badges and inline
 * validation, live charts and key metrics of the projection, and a compare chart of up to four pinned
 * scenarios. The scenario lives in the pane store (`scenarioReducer`); the projection is recomputed on every
 * valid edit, and every other tab reads the same scenario.
 */
export function ScenarioSection({ port }: ScenarioSectionProps): React.JSX.Element {
  const styles = useStyles();
  const state = usePaneSelector((s) => s.scenario);
  const dispatch = usePaneDispatch();
  const preset = findPreset(state.presetId);
  const provenance = useMemo(
    () => effectiveProvenance(isModelError(preset) ? {} : preset.provenance, state.citations),
    [preset, state.citations],
  );
  const figures = citableFiguresOf(usePaneSelector((s) => s.userFigures));
  const onCite = useCallback(
    (citedPath: string, figureId: string) => dispatch({ type: "inputCited", path: citedPath, figureId }),
    [dispatch],
  );
  const onUncite = useCallback(
    (citedPath: string) => dispatch({ type: "citationRemoved", path: citedPath }),
    [dispatch],
  );
  const citable = (fieldPath: string) =>
    citableProps(figures, state.citations[fieldPath]?.figureId, onCite, onUncite);
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
  const [insert, setInsert] = useState<InsertStatus>({ status: "idle" });
  const onRegimePathEdited = useCallback(
    (t: number, name: string) => dispatch({ type: "regimePathEdited", t, name }),
    [dispatch],
  );
  const onPin = useCallback(
    (source: PinSource) => dispatch({ type: "scenarioPinnedForCompare", source }),
    [dispatch],
  );
  const onUnpin = useCallback((pinId: string) => dispatch({ type: "unpinned", pinId }), [dispatch]);
  const onEdit = useCallback(
    (editedPath: string, raw: string) => dispatch(editActionFor(editedPath, raw)),
    [dispatch],
  );

  const insertFormula = (): void => {
    if (!port) return;
    setInsert({ status: "inserting" });
    port
      .insertAtActiveCell({ kind: "formula", formula: `=CHIPS.PROJECT("${state.presetId}","nvidiaChina")` })
      .then(
        () => setInsert({ status: "inserted" }),
        (error: unknown) =>
          setInsert({
            status: "failed",
            message: `The formula was not inserted: ${portErrorMessage(error)}`,
          }),
      );
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
        citable={citable(spec.id)}
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
                  citable={citable(key)}
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
          <Button
            size="small"
            disabled={state.edited || insert.status === "inserting"}
            onClick={insertFormula}
          >
            Insert NVIDIA China revenue formula at selection
          </Button>
          {state.edited ? (
            <Text size={200} className={styles.note}>
              {" "}
              (presets only: edits are not in the workbook yet)
            </Text>
          ) : null}
          {insert.status === "failed" ? (
            <MessageBar intent="error" layout="multiline" data-testid="insert-message" ref={scrollIntoView}>
              <MessageBarBody>{insert.message}</MessageBarBody>
            </MessageBar>
          ) : null}
          {insert.status === "inserted" ? (
            <MessageBar intent="success" data-testid="insert-message" ref={scrollIntoView}>
              <MessageBarBody>Formula inserted at the selected cell</MessageBarBody>
            </MessageBar>
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
            <AccordionHeader as="h3" size="small">
              {group.title}
            </AccordionHeader>
            <AccordionPanel>{groupBody(group.id)}</AccordionPanel>
          </AccordionItem>
        ))}
        <AccordionItem value="compare">
          <AccordionHeader as="h3" size="small">
            Compare scenarios
          </AccordionHeader>
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

/** The preset's provenance with the figures cited in the pane laid over it (a citation wins for its input). */
export function effectiveProvenance(
  base: Readonly<Record<string, Provenance>>,
  citations: Readonly<Record<string, { readonly figureId: string }>>,
): Readonly<Record<string, Provenance>> {
  const cited = Object.entries(citations);
  if (cited.length === 0) return base;
  return { ...base, ...Object.fromEntries(cited.map(([path, c]) => [path, { figureId: c.figureId }])) };
}

type Citable = NonNullable<React.ComponentProps<typeof NumberField>["citable"]>;
const citableCache = new WeakMap<readonly Figure[], Map<string, Citable>>();

/** One props object per (figure list, cited id, callbacks), so the memoised NumberField skips re-rendering. */
function citableProps(
  figures: readonly Figure[],
  citedFigureId: string | undefined,
  onCite: Citable["onCite"],
  onUncite: Citable["onUncite"],
): Citable {
  let byId = citableCache.get(figures);
  if (byId === undefined) {
    byId = new Map();
    citableCache.set(figures, byId);
  }
  const key = citedFigureId ?? "";
  const cached = byId.get(key);
  if (cached !== undefined && cached.onCite === onCite && cached.onUncite === onUncite) return cached;
  const made: Citable = { figures, citedFigureId, onCite, onUncite };
  byId.set(key, made);
  return made;
}

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
