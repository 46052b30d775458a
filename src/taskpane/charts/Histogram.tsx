import { scalePoint } from "d3-scale";
import type { ChartSize } from "./chartGeometry";
import { chartGeometry, DEFAULT_CHART_SIZE } from "./chartGeometry";
import { ChartFrame } from "./ChartFrame";
import type { ChartTextProps, ValueFormatter } from "./chartTypes";
import { seriesColour } from "./palette";

export interface HistogramProps extends ChartTextProps {
  /** bins + 1 edges (bin k is [edges[k], edges[k+1])). */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  /** Formats a bin edge for the x labels. */
  readonly formatX: ValueFormatter;
  readonly size?: ChartSize;
}

/**
 * Column chart of a histogram: one bar per bin, labelled by its lower edge; y is the share of trials.
 * `data-series` carries the shares per bin. Hover or focus reads a bin's range and share.
 */
export function Histogram(props: HistogramProps): React.JSX.Element {
  const { edges, counts } = props;
  const total = counts.reduce((s, c) => s + c, 0);
  const shares = counts.map((c) => (total > 0 ? c / total : 0));
  const xLabels = counts.map((_, k) => props.formatX(edges[k] ?? 0));
  const base = chartGeometry(xLabels, shares, props.size ?? DEFAULT_CHART_SIZE);
  // Bars need half a step of room at both ends: a point scale padded by 0.5 centres them in their slots.
  const x = scalePoint<string>()
    .domain(xLabels)
    .range([base.margin.left, base.size.width - base.margin.right])
    .padding(0.5);
  const geometry = { ...base, x };
  const width = Math.max(1, x.step() * 0.9);
  const colour = seriesColour(0);
  return (
    <ChartFrame
      title={props.title}
      {...(props.description === undefined ? {} : { description: props.description })}
      {...(props.titleShown === undefined ? {} : { titleShown: props.titleShown })}
      {...(props.xAxisLabel === undefined ? {} : { xAxisLabel: props.xAxisLabel })}
      yAxisLabel={props.yAxisLabel ?? "Share of trials, %"}
      readout={(k) =>
        [
          `${props.formatX(edges[k] ?? 0)} to ${props.formatX(edges[k + 1] ?? 0)}`,
          `${formatShare(shares[k] ?? 0)} of trials (${(counts[k] ?? 0).toLocaleString("en-US")})`,
        ].join("\n")
      }
      xLabels={xLabels}
      series={[{ id: "share", label: "Share of trials", values: shares }]}
      geometry={geometry}
      formatY={formatShare}
      {...(props.testId === undefined ? {} : { testId: props.testId })}
    >
      {shares.map((s, k) => {
        const cx = x(xLabels[k] ?? "") ?? 0;
        const top = geometry.y(s);
        return (
          <rect
            key={k}
            x={cx - width / 2}
            y={top}
            width={width}
            height={Math.max(0, geometry.y(0) - top)}
            style={{ fill: colour }}
          />
        );
      })}
    </ChartFrame>
  );
}

/** "12.3%" for a share 0..1 (one decimal). */
function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
