import { makeStyles, tokens, Tooltip } from "@fluentui/react-components";

const useStyles = makeStyles({
  marker: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    flexShrink: 0,
    minWidth: "16px",
    height: "16px",
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: "14px",
    cursor: "help",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * A small "2°" marker beside an input whose provenance rests only on secondary evidence (a summary or copy of
 * a source, not the source): focusable, with the reason in a tooltip and in its accessible name.
 */
export function SecondaryMarker({
  inputLabel,
  figureId,
}: {
  readonly inputLabel: string;
  readonly figureId: string;
}): React.JSX.Element {
  const styles = useStyles();
  const text = `${inputLabel} rests only on secondary evidence: figure ${figureId} cites a summary or copy, not the filing, statement or outlet itself`;
  return (
    <Tooltip content={text} relationship="label" showDelay={100} withArrow>
      <span className={styles.marker} tabIndex={0} role="img" data-testid="secondary-marker">
        2°
      </span>
    </Tooltip>
  );
}
