import { Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { Provenance, Scenario } from "../../model/types";
import { regimeLabel } from "../../model/inputCatalog";
import { fiscalYearLabel } from "../../model/project";
import { REGIME_FIELDS, regimePath } from "./inputCatalog";
import { ProvenanceBadge } from "./ProvenanceBadge";
import { TableIssues, TableRowFields, useTableEditorStyles } from "./TableRowFields";

export interface RegimesEditorProps {
  /** Regime names come from the preset (the table's rows are fixed; their numbers are editable). */
  readonly regimeNames: readonly string[];
  readonly raw: Readonly<Record<string, string>>;
  readonly issuesAt: (path: string) => readonly string[];
  readonly baseYear: number;
  /** Regime name per t = 0..H as shown. */
  readonly path: readonly string[];
  readonly provenance: Readonly<Record<string, Provenance>>;
  /** Stable edit callback (path, raw text) shared with every box. */
  readonly onEdit: (path: string, raw: string) => void;
  readonly onRegimePathEdited: (t: number, name: string) => void;
}

/** Export controls: the regimes table (access, remittance in %) and one regime drop-down per projection year. */
export function RegimesEditor(props: RegimesEditorProps): React.JSX.Element {
  const table = useTableEditorStyles();
  const styles = useStyles();
  const pathMessages = props.path.flatMap((_, t) => props.issuesAt(`regimePath[${t}]`));
  return (
    <div className={table.root}>
      <div className={table.caption}>
        Regimes: access = share of foreign-chip demand NVIDIA may serve; remittance = share of NVIDIA China
        data-center revenue paid to the U.S. government
        <ProvenanceBadge inputLabel="Regimes" provenance={props.provenance["regimes"]} />
      </div>
      {props.regimeNames.map((name) => (
        <TableRowFields
          key={name}
          name={regimeLabel(name)}
          fields={REGIME_FIELDS.map((spec) => ({
            path: regimePath(name, spec.field),
            label: spec.label,
            unit: spec.unit,
            display: spec.display,
          }))}
          table="regimes"
          raw={props.raw}
          issuesAt={props.issuesAt}
          provenance={props.provenance}
          onEdit={props.onEdit}
        />
      ))}
      <div className={table.caption}>
        Regime path, by year
        <ProvenanceBadge inputLabel="Regime path" provenance={props.provenance["regimePath"]} />
      </div>
      <div className={styles.pathGrid}>
        {props.path.map((name, t) => (
          <RegimeYearPicker
            key={t}
            t={t}
            year={props.baseYear + t}
            name={name}
            regimeNames={props.regimeNames}
            onRegimePathEdited={props.onRegimePathEdited}
          />
        ))}
      </div>
      <TableIssues
        messages={[...pathMessages, ...props.issuesAt("regimePath"), ...props.issuesAt("regimes")]}
      />
    </div>
  );
}

interface RegimeYearPickerProps {
  readonly t: number;
  readonly year: number;
  readonly name: string;
  readonly regimeNames: readonly string[];
  readonly onRegimePathEdited: (t: number, name: string) => void;
}

/** One year's regime drop-down, labelled "2026 (FY2027)"; memoised so typing elsewhere does not redraw it. */
const RegimeYearPicker = memo(function RegimeYearPicker(props: RegimeYearPickerProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <Field label={`${props.year} (${fiscalYearLabel(props.year)})`} size="small">
      <Dropdown
        size="small"
        value={regimeLabel(props.name)}
        selectedOptions={[props.name]}
        data-path={`regimePath[${props.t}]`}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined) props.onRegimePathEdited(props.t, data.optionValue);
        }}
        className={styles.dropdown}
      >
        {props.regimeNames.map((option) => (
          <Option key={option} value={option}>
            {regimeLabel(option)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
});

/** The regime names of a scenario in table order. */
export function regimeNamesOf(s: Scenario): readonly string[] {
  return Object.keys(s.regimes);
}

const useStyles = makeStyles({
  pathGrid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  dropdown: { minWidth: "100px" },
});
