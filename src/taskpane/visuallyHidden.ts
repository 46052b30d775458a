import type { GriffelStyle } from "@fluentui/react-components";

/**
 * Hides content on screen but keeps it for screen readers (headings of a tab panel, chart data tables, unit
 * text of a box): one definition every `makeStyles` of the pane spreads in.
 */
export const VISUALLY_HIDDEN: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  padding: 0,
  margin: "-1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};
