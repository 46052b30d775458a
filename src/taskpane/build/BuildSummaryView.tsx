import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Fragment } from "react";
import type { BuiltModel } from "./buildState";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: {
    fontSize: tokens.fontSizeBase200,
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

const NOTES_TEXT: Readonly<Record<BuiltModel["notes"], string>> = {
  notes: "cell notes",
  comments: "comments (this Excel has no notes API)",
  skipped: "not written: this host has no cell notes (the CS Sources sheet has them all)",
};

/** What the last build wrote: sheets, named ranges, scenarios, syncs, renamed sheets. */
export function BuildSummaryView({ built }: { readonly built: BuiltModel }) {
  const styles = useStyles();
  const rows: [string, string][] = [
    ["Sheets", Object.values(built.sheets).join(", ")],
    ["Named ranges", String(built.namedRanges)],
    ["Scenarios", `${built.scenarios.length}: ${built.scenarios.join(", ")}`],
    ["Charts", String(built.charts)],
    ["Source notes on inputs", NOTES_TEXT[built.notes]],
    ["Excel syncs", String(built.syncs)],
  ];
  if (built.renamed.length > 0)
    rows.push(["Renamed", built.renamed.map((name) => `${name} → ${built.sheets[name] ?? name}`).join(", ")]);
  return (
    <section className={styles.root} aria-label="Build summary" data-testid="build-summary">
      <Subtitle2 as="h3" className={styles.heading}>
        Model written
      </Subtitle2>
      <dl className={styles.grid}>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
