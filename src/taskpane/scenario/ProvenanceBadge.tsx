import { Button, makeStyles, tokens, Tooltip, useId } from "@fluentui/react-components";
import { isModelError } from "../../model/errors";
import type { Provenance } from "../../model/types";
import { citation, findFigure } from "../../figures/index";
import { EvidenceBadge } from "../figures/EvidenceBadge";
import { SecondaryMarker } from "../figures/SecondaryMarker";
import { VISUALLY_HIDDEN } from "../visuallyHidden";

export interface ProvenanceBadgeProps {
  /** The input's label, used in the badge's accessible name ("Source of Market growth"). */
  readonly inputLabel: string;
  readonly provenance: Provenance | undefined;
}

/**
 * A small focusable badge beside an input: "Cited" for a dataset figure, "Assumption" for an analyst
 * assumption. Hover or keyboard focus shows the source and quote (or the rationale) in a tooltip.
 */
export function ProvenanceBadge({ inputLabel, provenance }: ProvenanceBadgeProps): React.JSX.Element {
  const styles = useStyles();
  const content = provenanceContent(provenance, styles);
  const descriptionId = useId("provenance");
  // The tooltip is "inaccessible" so that it mounts only while shown (a "description" tooltip stays mounted in
  // a portal for every badge); screen readers get the same text from the always-present hidden description.
  return (
    <>
      <Tooltip content={content.tooltip} relationship="inaccessible" showDelay={100} withArrow>
        <Button
          size="small"
          appearance="subtle"
          className={content.kind === "figure" ? styles.cited : styles.assumption}
          aria-label={`${content.kind === "figure" ? "Cited source" : "Assumption"} for ${inputLabel}`}
          aria-describedby={descriptionId}
        >
          {content.kind === "figure" ? "Cited" : content.kind === "assumption" ? "Assumption" : "Unsourced"}
        </Button>
      </Tooltip>
      {content.secondary === undefined ? null : (
        <SecondaryMarker inputLabel={inputLabel} figureId={content.secondary} />
      )}
      <span id={descriptionId} className={styles.visuallyHidden}>
        {content.tooltip}
      </span>
    </>
  );
}

type Styles = ReturnType<typeof useStyles>;

function provenanceContent(
  provenance: Provenance | undefined,
  styles: Styles,
): {
  kind: "figure" | "assumption" | "none";
  tooltip: React.JSX.Element;
  /** The figure id when the input rests only on secondary evidence. */
  secondary?: string;
} {
  if (provenance === undefined) {
    return { kind: "none", tooltip: <span>No source recorded for this input</span> };
  }
  if ("assumption" in provenance) {
    return {
      kind: "assumption",
      tooltip: (
        <span>
          <strong>Analyst assumption: </strong>
          {provenance.assumption}
        </span>
      ),
    };
  }
  const figure = findFigure(provenance.figureId);
  if (isModelError(figure)) {
    return { kind: "figure", tooltip: <span>Figure {provenance.figureId} (not in the dataset)</span> };
  }
  return {
    kind: "figure",
    ...(figure.evidence === "secondary" ? { secondary: figure.id } : {}),
    tooltip: (
      <span className={styles.tip}>
        <span>
          <EvidenceBadge evidence={figure.evidence} /> <strong>{figure.label}</strong>
        </span>
        <span>{citation(figure)}</span>
        <q className={styles.quote}>{figure.quote}</q>
        {provenance.note ? <span>{provenance.note}</span> : null}
        <span className={styles.meta}>
          Figure {figure.id} · {figure.asOf}
        </span>
      </span>
    ),
  };
}

const useStyles = makeStyles({
  // Never squeezed by a long caption beside it: the badge keeps its width and its word on one line.
  cited: {
    color: tokens.colorBrandForeground1,
    minWidth: "72px",
    justifyContent: "flex-start",
    flexShrink: 0,
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase100,
  },
  assumption: {
    color: tokens.colorNeutralForeground3,
    minWidth: "72px",
    justifyContent: "flex-start",
    flexShrink: 0,
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase100,
  },
  tip: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  quote: { fontStyle: "italic" },
  visuallyHidden: VISUALLY_HIDDEN,
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});
