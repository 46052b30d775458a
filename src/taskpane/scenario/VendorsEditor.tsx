import { vendorLabel } from "../../model/inputCatalog";
import type { Provenance } from "../../model/types";
import { VENDOR_FIELDS, vendorPath } from "./inputCatalog";
import { ProvenanceBadge } from "./ProvenanceBadge";
import { TableIssues, TableRowFields, useTableEditorStyles } from "./TableRowFields";

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
  const styles = useTableEditorStyles();
  return (
    <div className={styles.root}>
      <div className={styles.caption}>
        Weights are shares of domestic sales and must sum to 100%
        <ProvenanceBadge inputLabel="Vendors" provenance={props.provenance["vendors"]} />
      </div>
      {props.vendorNames.map((name) => (
        <TableRowFields
          key={name}
          name={vendorLabel(name)}
          fields={VENDOR_FIELDS.map((spec) => ({
            path: vendorPath(name, spec.field),
            label: spec.label,
            unit: spec.unit,
            display: spec.display,
          }))}
          table="vendors"
          raw={props.raw}
          issuesAt={props.issuesAt}
          provenance={props.provenance}
          onEdit={props.onEdit}
        />
      ))}
      <TableIssues messages={props.issuesAt("vendors")} />
    </div>
  );
}
