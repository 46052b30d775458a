import { makeStyles } from "@fluentui/react-components";
import { area, line } from "d3-shape";
import { chartGeometry, DEFAULT_CHART_SIZE } from "./chartGeometry";
import { ChartFrame } from "./ChartFrame";
import type { CategoryChartProps } from "./chartTypes";
import { useChartStyles } from "./chartStyles";
import { seriesColour } from "./palette";

/** Percentiles per x label (one value per year). */
export interface FanBands {
  readonly p5: readonly number[];
  readonly p25: readonly number[];
  readonly p50: readonly number[];
  readonly p75: readonly number[];
  readonly p95: readonly number[];
}

export interface FanChartProps extends CategoryChartProps {
  readonly bands: FanBands;
}

/**
 * A fan chart: the P5–P95 band (light), the P25–P75 band (darker) and the median line, over categorical
 * x labels (years). The frame's data table lists the median; `data-bands` on the figure carries all five
 * percentile rows for tests and tooling.
 */
export function FanChart(props: FanChartProps): React.JSX.Element {
  const shared = useChartStyles();
  const styles = useStyles();
  const { xLabels, bands } = props;
  const all = [...bands.p5, ...bands.p25, ...bands.p50, ...bands.p75, ...bands.p95];
  const geometry = chartGeometry(xLabels, all, props.size ?? DEFAULT_CHART_SIZE);
  const { x, y } = geometry;
  const px = (i: number): number => x(xLabels[i] ?? "") ?? 0;
  const band = (lo: readonly number[], hi: readonly number[]): string =>
    area<number>()
      .x((_, i) => px(i))
      .y0((_, i) => y(lo[i] ?? 0))
      .y1((_, i) => y(hi[i] ?? 0))([...lo]) ?? "";
  const median =
    line<number>()
      .x((_, i) => px(i))
      .y((v) => y(v))([...bands.p50]) ?? "";
  const colour = seriesColour(0);
  return (
    <div data-bands={JSON.stringify(bands)}>
      <ChartFrame
        title={props.title}
        {...(props.description === undefined ? {} : { description: props.description })}
        {...(props.titleShown === undefined ? {} : { titleShown: props.titleShown })}
        {...(props.xAxisLabel === undefined ? {} : { xAxisLabel: props.xAxisLabel })}
        {...(props.yAxisLabel === undefined ? {} : { yAxisLabel: props.yAxisLabel })}
        readout={(i) => {
          const f = (values: readonly number[]): string => {
            const v = values[i];
            return v === undefined || !Number.isFinite(v) ? "–" : props.formatY(v);
          };
          return [
            xLabels[i] ?? "",
            `Median: ${f(bands.p50)}`,
            `P25–P75: ${f(bands.p25)} to ${f(bands.p75)}`,
            `P5–P95: ${f(bands.p5)} to ${f(bands.p95)}`,
          ].join("\n");
        }}
        xLabels={xLabels}
        series={[{ id: "p50", label: "Median (P50)", values: bands.p50 }]}
        geometry={geometry}
        formatY={props.formatY}
        {...(props.testId === undefined ? {} : { testId: props.testId })}
      >
        <path d={band(bands.p5, bands.p95)} style={{ fill: colour, fillOpacity: 0.18 }} data-band="p5-p95" />
        <path
          d={band(bands.p25, bands.p75)}
          style={{ fill: colour, fillOpacity: 0.38 }}
          data-band="p25-p75"
        />
        <path d={median} fill="none" strokeWidth={2} style={{ stroke: colour }} data-band="p50" />
      </ChartFrame>
      <ul className={shared.legend} aria-label={`${props.title} legend`}>
        <li className={shared.legendItem}>
          <span
            aria-hidden="true"
            className={shared.swatch}
            style={{ backgroundColor: colour, opacity: 0.25 }}
          />
          P5–P95
        </li>
        <li className={shared.legendItem}>
          <span
            aria-hidden="true"
            className={shared.swatch}
            style={{ backgroundColor: colour, opacity: 0.5 }}
          />
          P25–P75
        </li>
        <li className={shared.legendItem}>
          <span aria-hidden="true" className={styles.line} style={{ backgroundColor: colour }} />
          Median
        </li>
      </ul>
    </div>
  );
}

const useStyles = makeStyles({
  line: { display: "inline-block", width: "12px", height: "2px" },
});
