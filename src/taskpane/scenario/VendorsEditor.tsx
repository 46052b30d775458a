import { makeStyles, tokens } from "@fluentui/react-components";
import type { Provenance } from "../../model/types";
import { VENDOR_FIELDS, vendorPath } from "./inputCatalog";
import { NumberField } from "./NumberField";
import { ProvenanceBadge } from "./ProvenanceBadge";

export interface VendorsEditorProps {
  readonly vendorNames: readonly string[];
  readonly raw: Readonly<Record<string, string>>;
  readonly issuesAt: (path: string) => readonly string[];
  readonly provenance: Readonly<Record<string, Provenance>>;
  /** Stable edit callback (path, raw text) shared with every box. */
  readonly onEdit: (path: string, raw: string) => void;
}

/** Domestic vendors: share of domestic sales (%), ASP (USD k per accelerator) and dense BF16 TFLOPS. */
export function VendorsEditor(props: VendorsEditorProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.caption}>
        Weights are shares of domestic sales and must sum to 100%
        <ProvenanceBadge inputLabel="Vendors" provenance={props.provenance["vendors"]} />
      </div>
      {props.vendorNames.map((name) => (
        <fieldset key={name} className={styles.vendor}>
          <legend className={styles.legend}>{name}</legend>
          {VENDOR_FIELDS.map((spec) => {
            const path = vendorPath(name, spec.field);
            return (
              <NumberField
                key={path}
                path={path}
                label={`${name} ${spec.label === "ASP" ? "ASP" : spec.label.toLowerCase()}`}
                unit={spec.unit}
                display={spec.display}
                raw={props.raw[path] ?? ""}
                message={props.issuesAt(path).join("; ")}
                provenance={props.provenance[path] ?? props.provenance["vendors"] ?? "none"}
                onChange={props.onEdit}
              />
            );
          })}
        </fieldset>
      ))}
      {props.issuesAt("vendors").map((message) => (
        <div key={message} role="alert" className={styles.error}>
          {message}
        </div>
      ))}
    </div>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  caption: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  vendor: {
    // One box per row: the pane is ~320–400 px wide and the labels are long.
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});
