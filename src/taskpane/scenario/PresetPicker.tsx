import { Button, Dropdown, Field, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import type { Preset } from "../../model/types";

export interface PresetPickerProps {
  readonly presets: readonly Preset[];
  readonly presetId: string;
  readonly edited: boolean;
  readonly onPresetChosen: (presetId: string) => void;
  readonly onReset: () => void;
}

/** The preset drop-down, the chosen preset's rationale, and "Reset to preset". */
export function PresetPicker(props: PresetPickerProps): React.JSX.Element {
  const styles = useStyles();
  const preset = props.presets.find((p) => p.id === props.presetId);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field label="Preset scenario" className={styles.field}>
          <Dropdown
            value={preset?.name ?? ""}
            selectedOptions={[props.presetId]}
            onOptionSelect={(_, data) => {
              if (data.optionValue !== undefined) props.onPresetChosen(data.optionValue);
            }}
          >
            {props.presets.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button onClick={props.onReset} disabled={!props.edited}>
          Reset to preset
        </Button>
      </div>
      {preset ? (
        <Text size={200} className={styles.rationale} data-testid="preset-rationale">
          {preset.rationale}
          {props.edited ? " (edited)" : ""}
        </Text>
      ) : null}
    </div>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  field: { flexGrow: 1, minWidth: "160px" },
  rationale: { color: tokens.colorNeutralForeground2 },
});
