import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  Text,
  tokens,
  Tooltip,
  useId,
} from "@fluentui/react-components";
import { EVIDENCE_LABELS } from "../../figures/evidence";
import { citation, findFigure } from "../../figures/lookup";
import { isModelError } from "../../model/errors";
import type { PaneAction } from "../store/paneStore";
import type { ObservationDraft, RowProblems } from "./state";
import { observationName, seriesWords } from "./state";
import { VISUALLY_HIDDEN } from "../visuallyHidden";

export interface ObservationListProps {
  readonly rows: readonly ObservationDraft[];
  readonly problems: Readonly<Record<string, RowProblems>>;
  readonly dispatch: (action: PaneAction) => void;
}

/**
 * The observations as stacked rows (a five-column table does not fit 350 px): series and period, the value and
 * sd boxes (USD bn, kept as typed; a bad entry shows its message at the box and is not lost), the source badge
 * (evidence class and figure id, citation and rationale on hover or focus) and Remove.
 */
export function ObservationList({ rows, problems, dispatch }: ObservationListProps): React.JSX.Element {
  const styles = useStyles();
  if (rows.length === 0)
    return (
      <Text size={200} className={styles.empty}>
        No observations: the posterior equals the prior. Add one from a figure, or reset to the cited set.
      </Text>
    );
  return (
    <ol className={styles.list} aria-label="Observations" data-testid="evidence-observations">
      {rows.map((row, j) => (
        <ObservationRow
          key={row.key}
          row={row}
          index={j}
          problems={problems[row.key] ?? {}}
          dispatch={dispatch}
        />
      ))}
    </ol>
  );
}

function ObservationRow({
  row,
  index,
  problems,
  dispatch,
}: {
  readonly row: ObservationDraft;
  readonly index: number;
  readonly problems: RowProblems;
  readonly dispatch: (action: PaneAction) => void;
}) {
  const styles = useStyles();
  const name = observationName(row, index);
  return (
    // The list item keeps its listitem role (axe "list"); the group with the entry's name sits inside it.
    <li className={styles.item} data-key={row.key}>
      <div className={styles.row} role="group" aria-label={name}>
        <div className={styles.head}>
          <Text weight="semibold" size={200} className={styles.title}>
            {index + 1}. {seriesWords(row.series)} · {row.period}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`Remove ${name}`}
            onClick={() => dispatch({ type: "evidenceRowRemoved", key: row.key })}
          >
            Remove
          </Button>
        </div>
        {problems.period === undefined ? null : (
          <Text size={200} className={styles.error} role="alert">
            {problems.period}
          </Text>
        )}
        <div className={styles.fields}>
          {(["value", "sd"] as const).map((field) => (
            <Field
              key={field}
              label={field === "value" ? "Value (USD bn)" : "SD (USD bn)"}
              size="small"
              className={styles.field}
              validationState={problems[field] === undefined ? "none" : "error"}
              validationMessage={problems[field]}
            >
              <Input
                size="small"
                inputMode="decimal"
                className={styles.input}
                input={{ className: styles.inputElement }}
                value={row[field]}
                onChange={(_, d) =>
                  dispatch({ type: "evidenceFieldChanged", key: row.key, field, raw: d.value })
                }
              />
            </Field>
          ))}
        </div>
        <SourceBadge figureId={row.figureId} rationale={row.rationale} name={name} />
      </div>
    </li>
  );
}

/**
 * The source of an observation: its figure's evidence class as a badge and the figure id, with the citation
 * and the stated rationale of its value and sd in a tooltip (also in a hidden description for screen readers);
 * "Analyst input" when it cites no figure.
 */
export function SourceBadge({
  figureId,
  rationale,
  name,
}: {
  readonly figureId: string | undefined;
  readonly rationale: string | undefined;
  readonly name: string;
}) {
  const styles = useStyles();
  const descriptionId = useId("source");
  const figure = figureId === undefined ? undefined : findFigure(figureId);
  const known = figure !== undefined && !isModelError(figure);
  const evidenceClass = known
    ? EVIDENCE_LABELS[figure.evidence]
    : figureId === undefined
      ? "Analyst input"
      : "Unknown figure";
  const text = [
    known
      ? `${figure.label}: ${citation(figure)}`
      : figureId === undefined
        ? "No figure cited"
        : `Figure “${figureId}” is not in the dataset`,
    rationale,
  ]
    .filter(Boolean)
    .join(" — ");
  return (
    <div className={styles.source}>
      <Tooltip content={text} relationship="inaccessible" showDelay={100} withArrow>
        <Button
          size="small"
          appearance="transparent"
          className={styles.badgeButton}
          aria-label={`Source of ${name}: ${evidenceClass}${figureId === undefined ? "" : `, figure ${figureId}`}`}
          aria-describedby={descriptionId}
        >
          <Badge
            size="small"
            appearance="tint"
            color={known ? (figure.evidence === "filing" ? "success" : "informative") : "subtle"}
          >
            {evidenceClass}
          </Badge>
        </Button>
      </Tooltip>
      {figureId === undefined ? null : (
        <Text size={100} className={styles.figureId}>
          {figureId}
        </Text>
      )}
      <span id={descriptionId} className={styles.hidden}>
        {text}
      </span>
    </div>
  );
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  empty: { color: tokens.colorNeutralForeground3 },
  item: { minWidth: 0 },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  fields: { display: "flex", gap: tokens.spacingHorizontalS, minWidth: 0 },
  field: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
  // An <input> is as wide as its `size` (20 characters) unless told otherwise: two side by side must fit 320 px.
  input: { width: "100%", minWidth: 0 },
  inputElement: { width: "100%", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  source: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  badgeButton: { minWidth: "auto", padding: 0 },
  figureId: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  hidden: VISUALLY_HIDDEN,
});
