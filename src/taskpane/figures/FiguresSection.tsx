import {
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
import { FigureDetail } from "./FigureDetail";
import { FigureList } from "./FigureList";
import { categoryLabel, confidenceLabel } from "./figureFormat";
import { figuresReducer, initialFiguresState } from "./figuresState";
import type { FiguresState } from "./figuresState";
import { useFigureInsert } from "./useFigureInsert";

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
});

/**
 * The Figures tab: search and filter the cited dataset, read one figure with its source, and insert its value or
 * a `=CHIPS.FIGURE("id")` formula at the active cell.
 */
export function FiguresSection({ port }: { readonly port: WorkbookPort | null }) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(figuresReducer, initialFiguresState);
  const insert = useFigureInsert(port, dispatch);
  const results = useMemo(() => searchFigures(filterOf(state)), [state]);
  const selected = state.selectedId === null ? undefined : FIGURES.find((f) => f.id === state.selectedId);

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
      <Text size={200} className={styles.count} aria-live="polite" data-testid="figure-count">
        {results.length === 1 ? "1 figure" : `${results.length} figures`} of {FIGURES.length}
      </Text>
      <FigureList
        figures={results}
        highlighted={state.highlighted}
        selectedId={state.selectedId}
        onHighlight={(index) => dispatch({ type: "highlightMoved", index })}
        onSelect={(id) => dispatch({ type: "figureSelected", id })}
      />
      <InsertMessage state={state} onDismiss={() => dispatch({ type: "messageDismissed" })} />
      {selected === undefined ? (
        <Text className={styles.count}>Select a figure to see its value, source and quote.</Text>
      ) : (
        <FigureDetail
          figure={selected}
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
    <MessageBar intent={succeeded ? "success" : "error"} data-testid="figures-message">
      <MessageBarBody data-testid="figures-message-text">
        {succeeded ? `Inserted ${insert.inserted} at ${cellRefText(insert.where)}` : insert.message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            Dismiss
          </Button>
        }
      />
    </MessageBar>
  );
}

function filterOf(state: FiguresState): {
  query?: string;
  category?: string;
  confidence?: Confidence;
  entity?: string;
} {
  const confidence = CONFIDENCE_OPTIONS.find((c) => c === state.confidence);
  return {
    ...(state.query.trim() === "" ? {} : { query: state.query.trim() }),
    ...(state.category === null ? {} : { category: state.category }),
    ...(confidence === undefined ? {} : { confidence }),
    ...(state.entity === null ? {} : { entity: state.entity }),
  };
}

function distinctSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}
