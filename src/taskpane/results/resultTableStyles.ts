import { makeStyles, tokens } from "@fluentui/react-components";

/** The compact results table of the Simulate and Sensitivity tabs: row labels left, numbers right. */
export const useResultTableStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th": {
      textAlign: "left",
      fontWeight: tokens.fontWeightRegular,
      paddingRight: tokens.spacingHorizontalS,
    },
    "& td": { textAlign: "right", paddingLeft: tokens.spacingHorizontalS },
    "& thead th": { fontWeight: tokens.fontWeightSemibold },
  },
});
