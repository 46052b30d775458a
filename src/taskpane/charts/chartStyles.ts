import { makeStyles, tokens } from "@fluentui/react-components";
import { VISUALLY_HIDDEN } from "../visuallyHidden";

/**
 * Styles every chart shares: the figure and its SVG, grid lines and x tick labels, a one-line legend of
 * swatches, and the visually hidden data table that screen readers read instead of the SVG.
 */
export const useChartStyles = makeStyles({
  figure: { margin: 0, position: "relative" },
  title: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    marginBottom: tokens.spacingVerticalXXS,
  },
  axisTitle: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  axisTitleX: { textAlign: "center", marginBottom: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  tickX: { fill: tokens.colorNeutralForeground3, fontSize: "9px", textAnchor: "middle" },
  legend: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { display: "inline-block", width: "12px", height: "10px" },
  visuallyHidden: VISUALLY_HIDDEN,
});
