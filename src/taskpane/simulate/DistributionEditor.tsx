import { Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { memo } from "react";
import { extent } from "../../model/own";
import type { ScalarInputId } from "../../model/types";
import { densityPreview } from "./densityPreview";
import type { DistributionDraft } from "./distributionDraft";
import {
  DRAFT_FIELDS,
  DRAFT_KIND_LABELS,
  DRAFT_KINDS,
  isDraftProblems,
  parseDraft,
} from "./distributionDraft";
import { useNarrowStyles } from "../narrowStyles";
import type { SpecDraftAction } from "./state";
import { inputLabel, inputScale } from "./stochasticInputs";

export interface DistributionEditorProps {
  readonly id: ScalarInputId;
  readonly draft: DistributionDraft;
  /** The scenario's value of the input (engine units): a blank fixed value uses it. */
  readonly base: number;
  readonly dispatch: (action: SpecDraftAction) => void;
}

/** One input's distribution: kind picker, parameters with inline validation, and a density sketch. */
export const DistributionEditor = memo(function DistributionEditor({
  id,
  draft,
  base,
  dispatch,
}: DistributionEditorProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const label = inputLabel(id);
  const scale = inputScale(id);
  const parsed = parseDraft(draft, scale, label, base);
  const problems = isDraftProblems(parsed) ? parsed : undefined;
  const distribution = isDraftProblems(parsed) ? undefined : parsed;
  return (
    <div className={styles.root} data-input={id}>
      <div className={styles.head}>
        <Text size={200} weight="semibold">
          {label}
        </Text>
        {distribution === undefined ? null : <DensitySketch draft={distribution} label={label} />}
      </div>
      <div className={styles.row}>
        <Field label="Distribution" size="small" className={styles.kind}>
          <Select
            className={narrow.root}
            select={{ className: narrow.control }}
            size="small"
            aria-label={`${label}: distribution`}
            value={draft.kind}
            onChange={(_, data) => {
              const kind = DRAFT_KINDS.find((k) => k === data.value);
              if (kind !== undefined) dispatch({ type: "kindChanged", id, kind });
            }}
          >
            {DRAFT_KINDS.map((k) => (
              <option key={k} value={k}>
                {DRAFT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        {DRAFT_FIELDS[draft.kind].map((field) => {
          const message = problems?.fields[field.key];
          return (
            <Field
              key={field.key}
              label={field.label}
              size="small"
              className={field.list === true ? styles.wide : styles.narrow}
              validationState={message === undefined ? "none" : "error"}
              validationMessage={message}
            >
              <Input
                className={narrow.root}
                input={{ className: narrow.control }}
                size="small"
                aria-label={`${label}: ${field.label}`}
                value={draft.fields[field.key] ?? ""}
                {...(draft.kind === "fixed"
                  ? { placeholder: `scenario: ${Number((base * scale).toPrecision(6))}` }
                  : {})}
                onChange={(_, data) =>
                  dispatch({ type: "fieldChanged", id, field: field.key, raw: data.value })
                }
              />
            </Field>
          );
        })}
      </div>
      {problems?.overall === undefined ? null : (
        <Text size={200} className={styles.error} role="alert">
          {problems.overall}
        </Text>
      )}
    </div>
  );
});

function DensitySketch({
  draft,
  label,
}: {
  readonly draft: Parameters<typeof densityPreview>[0];
  readonly label: string;
}) {
  const styles = useStyles();
  const width = 72;
  const height = 20;
  const preview = densityPreview(draft, 24);
  const xs = preview.kind === "continuous" ? preview.points.map((p) => p[0]) : preview.bars.map((b) => b[0]);
  const ys = preview.kind === "continuous" ? preview.points.map((p) => p[1]) : preview.bars.map((b) => b[1]);
  const [x0, x1] = extent(xs);
  const yMax = Math.max(extent(ys)[1], 0) || 1;
  const px = (x: number): number => (x1 > x0 ? 2 + ((x - x0) / (x1 - x0)) * (width - 4) : width / 2);
  const py = (y: number): number => height - 1 - (y / yMax) * (height - 3);
  return (
    <svg
      role="img"
      aria-label={`${label}: density preview`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className={styles.sketch}
      data-testid={`density-${draft.kind}`}
    >
      {preview.kind === "continuous" ? (
        <path
          d={`M${preview.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join("L")}`}
          fill="none"
          strokeWidth={1.5}
          style={{ stroke: tokens.colorBrandForeground1 }}
        />
      ) : (
        preview.bars.map(([x, p], i) => (
          <line
            key={i}
            x1={px(x)}
            x2={px(x)}
            y1={height - 1}
            y2={py(p)}
            strokeWidth={2}
            style={{ stroke: tokens.colorBrandForeground1 }}
          />
        ))
      )}
    </svg>
  );
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  // The fields share the row and wrap onto the next one before they get too narrow to read.
  // The kind on its own line, its parameters (Min, Mode, Max…) side by side under it.
  kind: { flex: "1 1 100%", minWidth: 0 },
  narrow: { flex: "1 1 64px", minWidth: 0, maxWidth: "140px" },
  wide: { flex: "1 1 150px", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  sketch: { flexShrink: 0 },
});
