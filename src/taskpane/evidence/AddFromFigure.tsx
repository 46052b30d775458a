import { Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { EVIDENCE_SERIES, type EvidenceSeriesId } from "../../analysis/evidence";
import { formatUsdBn } from "../charts/format";
import type { FigureChoice } from "./fromFigure";
import {
  figureChoices,
  figurePeriod,
  figureSeries,
  filterFigureChoices,
  observationFromFigure,
  periodChoices,
  SUGGESTED_SD_RATIONALE,
} from "./fromFigure";
import type { NewObservation } from "./state";
import { seriesWords } from "./state";

export interface AddFromFigureProps {
  readonly baseYear: number;
  readonly horizon: number;
  onAdd(this: void, observation: NewObservation): void;
  onCancel(this: void): void;
}

/** Figures listed at once in the picker (narrow the list with the search box). */
const MAX_LISTED = 80;

/**
 * Picks a cited dollar figure and says what it observes: the flow series and the period (both suggested from
 * the figure, both editable). The new row's value is the figure's value in USD bn and its sd the stated
 * default (10%, at least $0.25bn); both stay editable in the list.
 */
export function AddFromFigure({ baseYear, horizon, onAdd, onCancel }: AddFromFigureProps) {
  const styles = useStyles();
  const all = useMemo(() => figureChoices(), []);
  const [query, setQuery] = useState("");
  const listed = filterFigureChoices(all, query).slice(0, MAX_LISTED);
  const [figureId, setFigureId] = useState<string | undefined>(undefined);
  const chosen: FigureChoice | undefined = listed.find((c) => c.id === figureId) ?? listed[0];
  const periods = periodChoices(baseYear, horizon);
  const suggestedPeriod = chosen === undefined ? undefined : figurePeriod(chosen.asOf);
  const periodFits = suggestedPeriod !== undefined && periods.includes(suggestedPeriod);
  // The analyst's choices for the chosen figure; choosing another figure starts from its suggestions again.
  const [series, setSeries] = useState<{ figure: string; value: EvidenceSeriesId } | undefined>();
  const [period, setPeriod] = useState<{ figure: string; value: string } | undefined>();
  const seriesValue =
    chosen === undefined ? "nvidiaChina" : series?.figure === chosen.id ? series.value : figureSeries(chosen);
  const periodValue =
    chosen === undefined
      ? (periods[0] ?? "")
      : period?.figure === chosen.id
        ? period.value
        : periodFits
          ? suggestedPeriod
          : (periods[0] ?? "");

  return (
    <section className={styles.root} aria-label="Add an observation from a figure">
      <Field label="Find a figure" size="small">
        <Input
          size="small"
          type="search"
          value={query}
          placeholder="e.g. china q2 fy2027"
          onChange={(_, d) => setQuery(d.value)}
        />
      </Field>
      <Field
        label="Figure (USD)"
        size="small"
        validationState={listed.length === 0 ? "warning" : "none"}
        validationMessage={listed.length === 0 ? `No dollar figure matches “${query.trim()}”` : undefined}
      >
        <Select
          size="small"
          className={styles.select}
          value={chosen?.id ?? ""}
          disabled={listed.length === 0}
          onChange={(_, d) => setFigureId(d.value)}
        >
          {listed.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} · {formatUsdBn(c.valueUsdBn)}
            </option>
          ))}
        </Select>
      </Field>
      {chosen === undefined ? null : (
        <>
          <Text size={200} className={styles.caption}>
            {chosen.asOf} · {chosen.evidenceClass} · {chosen.id}
          </Text>
          <Field label="Series it measures" size="small">
            <Select
              size="small"
              className={styles.select}
              value={seriesValue}
              onChange={(_, d) => {
                const value = EVIDENCE_SERIES.find((s) => s === d.value);
                if (value !== undefined) setSeries({ figure: chosen.id, value });
              }}
            >
              {EVIDENCE_SERIES.map((s) => (
                <option key={s} value={s}>
                  {seriesWords(s)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Period"
            size="small"
            hint={
              periodFits
                ? "A quarter is compared with ¼ of the model's year"
                : `The figure is for “${chosen.asOf}”, not a fiscal quarter or year within the scenario's years: choose the period it stands for`
            }
          >
            <Select
              size="small"
              className={styles.select}
              value={periodValue}
              onChange={(_, d) => setPeriod({ figure: chosen.id, value: d.value })}
            >
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </Field>
          <Text size={200} className={styles.caption}>
            Value {formatUsdBn(chosen.valueUsdBn)}. {SUGGESTED_SD_RATIONALE}.
          </Text>
        </>
      )}
      <div className={styles.row}>
        <Button
          size="small"
          appearance="primary"
          disabled={chosen === undefined}
          onClick={() => {
            if (chosen !== undefined) onAdd(observationFromFigure(chosen, seriesValue, periodValue));
          }}
        >
          Add observation
        </Button>
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  // A native select grows to its longest option: keep it to the pane's width.
  select: { minWidth: 0, maxWidth: "100%", "& select": { minWidth: 0, maxWidth: "100%" } },
  caption: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
