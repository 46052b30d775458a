import { Badge, Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { BadgeProps } from "@fluentui/react-components";
import type { Figure } from "../../figures";
import { openExternalLink } from "../openExternalLink";
import { BadgeRow, EvidenceBadge, OwnFigureBadge } from "./EvidenceBadge";
import {
  basisNoteFor,
  categoryLabel,
  confidenceLabel,
  evidenceDescription,
  formattedFigureValue,
  isOwnFigure,
} from "./figureFormat";
import type { InsertMode } from "./figuresState";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  value: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, overflowWrap: "anywhere" },
  // A note may carry a long URL (a verified row keeps the research source it replaced): it wraps anywhere.
  note: { overflowWrap: "anywhere" },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontStyle: "italic",
    overflowWrap: "anywhere",
  },
  basis: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

const CONFIDENCE_COLORS: Readonly<Record<string, BadgeProps["color"]>> = {
  company_filing: "success",
  reported: "informative",
  estimate: "warning",
};

export interface FigureDetailProps {
  readonly figure: Figure;
  readonly canInsert: boolean;
  readonly inserting: boolean;
  readonly inOffice: boolean;
  readonly onInsert: (mode: InsertMode) => void;
  /** For one of the analyst's own figures: edit and delete it. */
  readonly own?: { readonly onEdit: () => void; readonly onDelete: () => void };
}

/** One figure in full: value and unit, period, source (link), verbatim quote, confidence, basis note, insert buttons. */
export function FigureDetail({ figure, canInsert, inserting, inOffice, onInsert, own }: FigureDetailProps) {
  const styles = useStyles();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const primary = figure.primary;
  const basisNote = basisNoteFor(figure);
  const { source } = figure;
  const sourceText = [source.publisher, source.date ?? "n.d."].join(", ");
  return (
    <section className={styles.root} aria-labelledby="figure-detail-title" data-testid="figure-detail">
      <Text as="h3" weight="semibold" size={400} id="figure-detail-title" style={{ margin: 0 }}>
        {figure.label}
      </Text>
      <Text className={styles.value} data-testid="figure-value">
        {formattedFigureValue(figure.value, figure.unit)}
      </Text>
      <BadgeRow>
        <EvidenceBadge evidence={figure.evidence} size="medium" />
        <Badge appearance="tint" color={CONFIDENCE_COLORS[figure.confidence] ?? "informative"}>
          {confidenceLabel(figure.confidence)}
        </Badge>
        {isOwnFigure(figure) ? <OwnFigureBadge size="medium" /> : null}
      </BadgeRow>
      <dl className={styles.facts}>
        <dt className={styles.term}>As of</dt>
        <dd className={styles.definition}>{figure.asOf}</dd>
        <dt className={styles.term}>Entity</dt>
        <dd className={styles.definition}>{figure.entity}</dd>
        <dt className={styles.term}>Category</dt>
        <dd className={styles.definition}>{categoryLabel(figure.category)}</dd>
        <dt className={styles.term}>Id</dt>
        <dd className={styles.definition}>
          <code>{figure.id}</code>
        </dd>
        <dt className={styles.term}>Source</dt>
        <dd className={styles.definition}>
          {source.url === null ? (
            <Text>{source.title}</Text>
          ) : (
            <Link
              href={source.url}
              target="_blank"
              rel="noopener noreferrer"
              onClick={(event) => source.url !== null && openExternalLink(event, source.url, inOffice)}
            >
              {source.title}
            </Link>
          )}{" "}
          ({sourceText})
        </dd>
        <dt className={styles.term}>Evidence</dt>
        <dd className={styles.definition} data-testid="figure-evidence">
          {evidenceDescription(figure.evidence)}
        </dd>
        {primary === undefined ? null : (
          <>
            <dt className={styles.term}>Primary</dt>
            <dd className={styles.definition} data-testid="figure-primary">
              {primary.issuer}, {primary.form}, {primary.period}, {primary.section} —{" "}
              <Link
                href={primary.url}
                target="_blank"
                rel="noopener noreferrer"
                onClick={(event) => openExternalLink(event, primary.url, inOffice)}
              >
                primary text
              </Link>{" "}
              {primary.verified
                ? `(quote checked against ${primary.checkedCopy ?? "a stored copy"})`
                : "(quote not checked against the primary text)"}
            </dd>
          </>
        )}
      </dl>
      <blockquote className={styles.quote}>“{figure.quote}”</blockquote>
      {figure.note === undefined ? null : (
        <Text size={200} className={styles.note} data-testid="figure-note">
          Note: {figure.note}
        </Text>
      )}
      {basisNote === null ? null : (
        <Text size={200} className={styles.basis} role="note">
          Geography basis: {basisNote}
        </Text>
      )}
      {own === undefined ? null : (
        <Text size={200} className={styles.hint} data-testid="own-figure-hint">
          Your figure is saved with this workbook. ChipShift recalculates the workbook when you edit or delete
          it, so cells with =CHIPS.FIGURE(&quot;{figure.id}&quot;) follow.
        </Text>
      )}
      {own === undefined ? null : (
        <div className={styles.actions}>
          {confirmDelete ? (
            <>
              <Button appearance="primary" onClick={own.onDelete}>
                Delete {figure.id}
              </Button>
              <Button onClick={() => setConfirmDelete(false)}>Keep it</Button>
            </>
          ) : (
            <>
              <Button onClick={own.onEdit}>Edit figure</Button>
              <Button onClick={() => setConfirmDelete(true)}>Delete figure</Button>
            </>
          )}
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canInsert || inserting} onClick={() => onInsert("value")}>
          Insert value
        </Button>
        <Button disabled={!canInsert || inserting} onClick={() => onInsert("formula")}>
          Insert formula
        </Button>
      </div>
      {canInsert ? (
        <Text size={200} className={styles.hint}>
          Inserts at the active cell. The formula =CHIPS.FIGURE(&quot;{figure.id}&quot;) stays linked to{" "}
          {isOwnFigure(figure) ? "your figure" : "the dataset"}.
        </Text>
      ) : (
        <Text size={200} className={styles.hint}>
          Open ChipShift in Excel to insert figures into a sheet.
        </Text>
      )}
    </section>
  );
}
