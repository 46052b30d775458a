import {
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Button,
  SearchBox,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useReducer } from "react";
import { CONFIDENCES, FIGURES, searchFigures } from "../../figures";
import type { Confidence } from "../../figures";
import type { WorkbookPort } from "../../workbook/port";
import { cellRefText } from "../cellRefText";
import { usePaneDispatch, usePaneSelector } from "../store/PaneStoreProvider";
import { FigureDetail } from "./FigureDetail";
import { FigureList } from "./FigureList";
import { categoryLabel, confidenceLabel, isOwnFigure } from "./figureFormat";
import { figuresReducer, initialFiguresState } from "./figuresState";
import type { FiguresState } from "./figuresState";
import { citableFiguresOf } from "./ownFigures";
import { useFigureInsert } from "./useFigureInsert";
import { useFigureRecalc } from "./useFigureRecalc";
import { UserFigureForm } from "./UserFigureForm";

const CONFIDENCE_OPTIONS: readonly Confidence[] = CONFIDENCES;
// Filters list only what the figures use (the dataset's CATEGORIES/ENTITIES also cover timeline events).
const CATEGORIES = distinctSorted(FIGURES.map((figure) => figure.category));
const ENTITIES = distinctSorted(FIGURES.map((figure) => figure.entity));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  // minWidth 0 lets the selects shrink to their grid cell instead of overflowing the pane.
  filter: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
  count: { color: tokens.colorNeutralForeground3 },
  countRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

/**
 * The Figures tab: search and filter the cited dataset and the analyst's own figures (listed first), read one
 * figure with its source, evidence class and primary reference, insert its value or a `=CHIPS.FIGURE("id")`
 * formula at the active cell, and add, edit or delete figures of your own (saved with the workbook).
 */
export function FiguresSection({ port }: { readonly port: WorkbookPort | null }) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(figuresReducer, initialFiguresState);
  const insert = useFigureInsert(port, dispatch);
  const recalc = useFigureRecalc(port);
  const userFigures = usePaneSelector((s) => s.userFigures);
  const paneDispatch = usePaneDispatch();
  const all = citableFiguresOf(userFigures);
  const results = useMemo(() => searchFigures(filterOf(state), all), [state, all]);
  const selected = state.selectedId === null ? undefined : all.find((f) => f.id === state.selectedId);
  const selectedOwn =
    selected === undefined || !isOwnFigure(selected)
      ? undefined
      : userFigures.find((f) => f.id === selected.id);
  const form = state.form;
  const editing = form.mode === "edit" ? userFigures.find((f) => f.id === form.id) : undefined;

  return (
    <div className={styles.root}>
      <Field label="Search figures">
        <SearchBox
          value={state.query}
          placeholder="e.g. H20, Ascend, China revenue"
          onChange={(_, data) => dispatch({ type: "queryChanged", query: data.value })}
        />
      </Field>
      <div className={styles.filters}>
        <Field label="Category" className={styles.filter}>
          <Select
            className={styles.select}
            value={state.category ?? ""}
            onChange={(_, data) => dispatch({ type: "categoryChanged", category: data.value || null })}
          >
            <option value="">All</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {categoryLabel(category)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Confidence" className={styles.filter}>
          <Select
            className={styles.select}
            value={state.confidence ?? ""}
            onChange={(_, data) => dispatch({ type: "confidenceChanged", confidence: data.value || null })}
          >
            <option value="">Any</option>
            {CONFIDENCE_OPTIONS.map((confidence) => (
              <option key={confidence} value={confidence}>
                {confidenceLabel(confidence)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Entity" className={styles.filter}>
          <Select
            className={styles.select}
            value={state.entity ?? ""}
            onChange={(_, data) => dispatch({ type: "entityChanged", entity: data.value || null })}
          >
            <option value="">All</option>
            {ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {entity}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox
        label="Primary sources only (hide secondary copies)"
        checked={state.primaryOnly}
        onChange={(_, data) => dispatch({ type: "primaryOnlyChanged", primaryOnly: data.checked === true })}
      />
      <div className={styles.countRow}>
        <Text size={200} className={styles.count} aria-live="polite" data-testid="figure-count">
          {results.length === 1 ? "1 figure" : `${results.length} figures`} of {all.length}
        </Text>
        <Button
          size="small"
          disabled={form.mode !== "closed"}
          onClick={() => dispatch({ type: "formOpened", form: { mode: "add" } })}
        >
          Add figure
        </Button>
      </div>
      {form.mode === "closed" || (form.mode === "edit" && editing === undefined) ? null : (
        <UserFigureForm
          key={form.mode === "edit" ? `edit-${form.id}` : "add"}
          {...(editing === undefined ? {} : { editing })}
          existing={userFigures}
          onSave={(figure, replacing) => {
            paneDispatch({
              type: "userFigureSaved",
              figure,
              ...(replacing === undefined ? {} : { replacing }),
            });
            dispatch({ type: "formSaved", id: figure.id });
            void recalc.recalculate();
          }}
          onCancel={() => dispatch({ type: "formOpened", form: { mode: "closed" } })}
        />
      )}
      <FigureList
        figures={results}
        highlighted={state.highlighted}
        selectedId={state.selectedId}
        onHighlight={(index) => dispatch({ type: "highlightMoved", index })}
        onSelect={(id) => dispatch({ type: "figureSelected", id })}
      />
      <InsertMessage state={state} onDismiss={() => dispatch({ type: "messageDismissed" })} />
      {recalc.problem === undefined ? null : (
        <MessageBar intent="warning" layout="multiline" data-testid="figures-recalc-message">
          <MessageBarBody>{recalc.problem}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={recalc.dismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {selected === undefined ? (
        <Text className={styles.count}>Select a figure to see its value, source and quote.</Text>
      ) : (
        <FigureDetail
          key={selected.id}
          figure={selected}
          {...(selectedOwn === undefined
            ? {}
            : {
                own: {
                  onEdit: () => dispatch({ type: "formOpened", form: { mode: "edit", id: selectedOwn.id } }),
                  onDelete: () => {
                    paneDispatch({ type: "userFigureDeleted", id: selectedOwn.id });
                    dispatch({ type: "figureDeleted", id: selectedOwn.id });
                    void recalc.recalculate();
                  },
                },
              })}
          canInsert={port !== null}
          inserting={state.insert.status === "inserting"}
          inOffice={port?.host === "excel"}
          onInsert={(mode) => void insert(selected, mode)}
        />
      )}
    </div>
  );
}

function InsertMessage({
  state,
  onDismiss,
}: {
  readonly state: FiguresState;
  readonly onDismiss: () => void;
}) {
  const { insert } = state;
  if (insert.status !== "succeeded" && insert.status !== "failed") return null;
  const succeeded = insert.status === "succeeded";
  return (
    <MessageBar intent={succeeded ? "success" : "error"} data-testid="figures-message" layout="multiline">
      <MessageBarBody data-testid="figures-message-text">
        {succeeded ? `Inserted ${insert.inserted} at ${cellRefText(insert.where)}` : insert.message}
      </MessageBarBody>
      {/* Multiline with the action below the text: beside it, "Dismiss" overflowed the 350 px pane. */}
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function filterOf(state: FiguresState): {
  query?: string;
  category?: string;
  confidence?: Confidence;
  entity?: string;
  primaryOnly?: boolean;
} {
  const confidence = CONFIDENCE_OPTIONS.find((c) => c === state.confidence);
  return {
    ...(state.query.trim() === "" ? {} : { query: state.query.trim() }),
    ...(state.category === null ? {} : { category: state.category }),
    ...(confidence === undefined ? {} : { confidence }),
    ...(state.entity === null ? {} : { entity: state.entity }),
    ...(state.primaryOnly ? { primaryOnly: true } : {}),
  };
}

function distinctSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}
