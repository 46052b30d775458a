import { makeStyles, tokens } from "@fluentui/react-components";
import type { Provenance } from "../../model/types";
import type { InputDisplay } from "./inputCatalog";
import { NumberField } from "./NumberField";

/** One number box of a table row (a regime's access, a vendor's ASP, …). */
export interface TableRowField {
  /** Dotted path of the input (`regimes.<name>.access`). */
  readonly path: string;
  /** The column's label ("Access (into China)"); the row's name is the fieldset's legend. */
  readonly label: string;
  readonly unit: string;
  readonly display: InputDisplay;
}

export interface TableRowFieldsProps {
  /** The row's name in words ("Licensed"), the fieldset's legend and the start of each box's name. */
  readonly name: string;
  readonly fields: readonly TableRowField[];
  /** The table's provenance key ("regimes", "vendors"): a box without its own provenance shows the table's. */
  readonly table: string;
  readonly raw: Readonly<Record<string, string>>;
  readonly issuesAt: (path: string) => readonly string[];
  readonly provenance: Readonly<Record<string, Provenance>>;
  /** Stable edit callback (path, raw text) shared with every box. */
  readonly onEdit: (path: string, raw: string) => void;
}

/**
 * One row of an editable scenario table (regimes, vendors) as a fieldset of number boxes, one box per row so
 * the long labels fit the ~320–400 px pane.
 */
export function TableRowFields(props: TableRowFieldsProps): React.JSX.Element {
  const styles = useTableEditorStyles();
  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend}>{props.name}</legend>
      {props.fields.map((field) => (
        <NumberField
          key={field.path}
          path={field.path}
          label={field.label}
          context={props.name}
          unit={field.unit}
          display={field.display}
          raw={props.raw[field.path] ?? ""}
          message={props.issuesAt(field.path).join("; ")}
          provenance={props.provenance[field.path] ?? props.provenance[props.table] ?? "none"}
          onChange={props.onEdit}
        />
      ))}
    </fieldset>
  );
}

/** Table-level validation messages, one alert each. */
export function TableIssues({ messages }: { readonly messages: readonly string[] }): React.JSX.Element {
  const styles = useTableEditorStyles();
  return (
    <>
      {messages.map((message) => (
        <div key={message} role="alert" className={styles.error}>
          {message}
        </div>
      ))}
    </>
  );
}

/** The layout shared by the table editors: a column of rows under a caption with the table's badge. */
export const useTableEditorStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  caption: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    // A fieldset is at least as wide as its content by default: let it shrink to the pane.
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});
