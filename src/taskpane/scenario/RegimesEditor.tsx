import { Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { Provenance, Scenario } from "../../model/types";
import { fiscalYearLabel } from "../../model/project";
import { REGIME_FIELDS, regimePath } from "./inputCatalog";
import { NumberField } from "./NumberField";
import { ProvenanceBadge } from "./ProvenanceBadge";

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
  const styles = useStyles();
  const pathMessages = props.path.flatMap((_, t) => props.issuesAt(`regimePath[${t}]`));
  return (
    <div className={styles.root}>
      <div className={styles.caption}>
        Regimes: access = share of foreign-chip demand NVIDIA may serve; remittance = share of NVIDIA China
        data-center revenue paid to the U.S. government
        <ProvenanceBadge inputLabel="Regimes" provenance={props.provenance["regimes"]} />
      </div>
      {props.regimeNames.map((name) => (
        <fieldset key={name} className={styles.regime}>
          <legend className={styles.legend}>{name}</legend>
          {REGIME_FIELDS.map((spec) => {
            const path = regimePath(name, spec.field);
            return (
              <NumberField
                key={path}
                path={path}
                label={`${name} ${spec.label.toLowerCase()}`}
                unit={spec.unit}
                display={spec.display}
                raw={props.raw[path] ?? ""}
                message={props.issuesAt(path).join("; ")}
                provenance={props.provenance[path] ?? props.provenance["regimes"] ?? "none"}
                onChange={props.onEdit}
              />
            );
          })}
        </fieldset>
      ))}
      <div className={styles.caption}>
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
      {[...pathMessages, ...props.issuesAt("regimePath"), ...props.issuesAt("regimes")].map((message) => (
        <div key={message} role="alert" className={styles.error}>
          {message}
        </div>
      ))}
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
        value={props.name}
        selectedOptions={[props.name]}
        data-path={`regimePath[${props.t}]`}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined) props.onRegimePathEdited(props.t, data.optionValue);
        }}
        className={styles.dropdown}
      >
        {props.regimeNames.map((option) => (
          <Option key={option} value={option}>
            {option}
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
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  caption: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  regime: {
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
  pathGrid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  dropdown: { minWidth: "100px" },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});
