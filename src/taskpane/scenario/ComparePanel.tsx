import { Button, Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { memo, useState } from "react";
import type { Preset } from "../../model/types";
import type { ChartSeries } from "../charts/chartTypes";
import { formatUsdBn, yearLabel } from "../charts/format";
import { LineChart } from "../charts/LineChart";
import type { PinnedScenario, PinSource } from "./state";
import { MAX_PINNED } from "./state";

export interface ComparePanelProps {
  readonly presets: readonly Preset[];
  readonly pinned: readonly PinnedScenario[];
  readonly onPin: (source: PinSource) => void;
  readonly onUnpin: (pinId: string) => void;
}

/** Pin up to four scenarios (the current edit or presets) and compare their NVIDIA China revenue lines. */
export const ComparePanel = memo(function ComparePanel(props: ComparePanelProps): React.JSX.Element {
  const styles = useStyles();
  const [presetId, setPresetId] = useState<string>(props.presets[0]?.id ?? "");
  const full = props.pinned.length >= MAX_PINNED;
  const chosen = props.presets.find((p) => p.id === presetId);
  const { x, series } = compareSeries(props.pinned);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button size="small" disabled={full} onClick={() => props.onPin({ kind: "current" })}>
          Pin current scenario
        </Button>
        <Field label="Preset to pin" size="small" className={styles.field}>
          <Dropdown
            size="small"
            value={chosen?.name ?? ""}
            selectedOptions={[presetId]}
            onOptionSelect={(_, data) => setPresetId(data.optionValue ?? presetId)}
          >
            {props.presets.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button
          size="small"
          disabled={full || !chosen}
          onClick={() => props.onPin({ kind: "preset", presetId })}
        >
          Pin preset
        </Button>
      </div>
      {full ? <div className={styles.note}>Four scenarios pinned: remove one to pin another</div> : null}
      {props.pinned.length === 0 ? (
        <div className={styles.note}>Pin scenarios to compare their NVIDIA China revenue here</div>
      ) : (
        <>
          <ul className={styles.list} aria-label="Pinned scenarios">
            {props.pinned.map((p) => (
              <li key={p.pinId} className={styles.item}>
                <span>{p.label}</span>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={`Remove ${p.label}`}
                  onClick={() => props.onUnpin(p.pinId)}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <LineChart
            title="NVIDIA China revenue by pinned scenario, USD bn"
            testId="chart-compare"
            xLabels={x}
            series={series}
            formatY={formatUsdBn}
          />
        </>
      )}
    </div>
  );
});

/** One nvidiaChina line per pinned scenario over the union of their calendar years (gaps where absent). */
export function compareSeries(pinned: readonly PinnedScenario[]): { x: string[]; series: ChartSeries[] } {
  const years = [...new Set(pinned.flatMap((p) => p.projection.years.calendar))].sort((a, b) => a - b);
  const series = pinned.map((p): ChartSeries => {
    const { calendar } = p.projection.years;
    const values = years.map((year) => {
      const t = calendar.indexOf(year);
      return t < 0 ? null : (p.projection.series.nvidiaChina[t] ?? null);
    });
    return { id: p.pinId, label: p.label, values };
  });
  return { x: years.map(yearLabel), series };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  field: { minWidth: "140px", flexGrow: 1 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
  },
});
