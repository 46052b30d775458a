import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { BadgeProps } from "@fluentui/react-components";
import type { EvidenceClass } from "../../figures";
import { EVIDENCE_LABELS } from "../../figures";
import { evidenceDescription } from "./figureFormat";

const EVIDENCE_COLORS: Readonly<Record<EvidenceClass, BadgeProps["color"]>> = {
  filing: "success",
  company: "brand",
  regulator: "success",
  press: "informative",
  analyst: "informative",
  secondary: "warning",
};

const useStyles = makeStyles({
  badge: { flexShrink: 0, maxWidth: "100%" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
});

/**
 * The evidence class of a figure as a small badge ("Filing", "Secondary"…), with what the class means as its
 * title and accessible description. Secondary evidence is amber: it is a copy, not the source.
 */
export function EvidenceBadge({
  evidence,
  size = "small",
}: {
  readonly evidence: EvidenceClass;
  readonly size?: BadgeProps["size"];
}): React.JSX.Element {
  const styles = useStyles();
  const description = evidenceDescription(evidence);
  return (
    <Badge
      className={styles.badge}
      size={size}
      appearance="tint"
      color={EVIDENCE_COLORS[evidence]}
      title={description}
      aria-label={`Evidence: ${EVIDENCE_LABELS[evidence]}`}
      data-evidence={evidence}
    >
      {EVIDENCE_LABELS[evidence]}
    </Badge>
  );
}

/** "Yours": a figure the analyst added to this workbook. */
export function OwnFigureBadge({
  size = "small",
}: {
  readonly size?: BadgeProps["size"];
}): React.JSX.Element {
  return (
    <Badge size={size} appearance="outline" color="brand" title="A figure you added to this workbook">
      Yours
    </Badge>
  );
}

/** Badges in a wrapping row. */
export function BadgeRow({ children }: { readonly children: React.ReactNode }): React.JSX.Element {
  return <span className={useStyles().row}>{children}</span>;
}
