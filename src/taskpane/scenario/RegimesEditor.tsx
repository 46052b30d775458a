import { Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import type { Provenance, Scenario } from "../../model/types";
import { fiscalYearLabel } from "../../model/project";
import type { RegimeField } from "./inputCatalog";
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
  readonly onRegimeEdited: (name: string, field: RegimeField, raw: string) => void;
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
                messages={props.issuesAt(path)}
                provenance={props.provenance[path] ?? props.provenance["regimes"] ?? "none"}
                onChange={(raw) => props.onRegimeEdited(name, spec.field, raw)}
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
        {props.path.map((name, t) => {
          const year = props.baseYear + t;
          const label = `${year} (${fiscalYearLabel(year)})`;
          return (
            <Field key={t} label={label} size="small">
              <Dropdown
                size="small"
                value={name}
                selectedOptions={[name]}
                data-path={`regimePath[${t}]`}
                onOptionSelect={(_, data) => {
                  if (data.optionValue !== undefined) props.onRegimePathEdited(t, data.optionValue);
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
        })}
      </div>
      {[...pathMessages, ...props.issuesAt("regimePath"), ...props.issuesAt("regimes")].map((message) => (
        <div key={message} role="alert" className={styles.error}>
          {message}
        </div>
      ))}
    </div>
  );
}

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
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
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
