import { makeStyles, tokens } from "@fluentui/react-components";
import type { KeyboardEvent, PointerEvent, ReactNode } from "react";
import { useState } from "react";
import { useChartStyles } from "./chartStyles";

export interface ChartPointerProps {
  /** The chart's title: the focusable chart is named after it. */
  readonly title: string;
  /** How many points (years, bins, bars) can be read. */
  readonly count: number;
  /** "x": points left to right (a guide line marks the point); "y": rows top to bottom (a band marks the row). */
  readonly axis: "x" | "y";
  /** Where point `index` is along the axis, as a fraction 0..1 of the chart's width ("x") or height ("y"). */
  readonly position: (index: number) => number;
  /** For "y": a row's height as a fraction of the chart's height. */
  readonly band?: number;
  /** The point's values in words, e.g. "2027/FY28: Model $32.1bn; Net of remittance $28.3bn". */
  readonly describe: (index: number) => string;
  /** The chart's <svg>. */
  readonly children: ReactNode;
}

/**
 * Values on hover and on keyboard focus for any chart: the chart is one tab stop; the arrow keys (Home, End)
 * move from point to point, the pointer picks the nearest point. The point's values show in a small box over
 * the chart and are announced (polite live region) while the chart has focus. The visually hidden data table
 * beside every chart stays: this is for reading values off the chart, not instead of the table.
 */
export function ChartPointer({ title, count, axis, position, band, describe, children }: ChartPointerProps) {
  const styles = useStyles();
  const shared = useChartStyles();
  const [active, setActive] = useState<number | undefined>(undefined);
  const [focused, setFocused] = useState(false);
  const shown = active !== undefined && active < count ? active : undefined;
  const text = shown === undefined ? "" : describe(shown);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (count === 0) return;
    const last = count - 1;
    const current = shown ?? -1;
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? Math.min(last, current + 1)
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? Math.max(0, current - 1)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : event.key === "Escape"
                ? undefined
                : current;
    if (next === current) return;
    event.preventDefault();
    setActive(next);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (count === 0) return;
    const box = event.currentTarget.getBoundingClientRect();
    const along =
      axis === "x"
        ? (event.clientX - box.left) / Math.max(1, box.width)
        : (event.clientY - box.top) / Math.max(1, box.height);
    let nearest = 0;
    for (let i = 1; i < count; i++)
      if (Math.abs(position(i) - along) < Math.abs(position(nearest) - along)) nearest = i;
    setActive(nearest);
  };

  const at = shown === undefined ? 0 : position(shown);
  const percent = `${(at * 100).toFixed(2)}%`;
  // Keep the box inside the chart: anchored left near the left edge, right near the right edge.
  const anchor =
    axis === "y" || (at > 0.3 && at < 0.7) ? styles.centre : at <= 0.3 ? styles.left : styles.right;
  return (
    <div
      className={styles.root}
      tabIndex={0}
      role="group"
      aria-label={`${title}. Use the arrow keys to read the values`}
      data-chart-pointer=""
      onKeyDown={onKeyDown}
      onFocus={() => {
        setFocused(true);
        if (active === undefined && count > 0) setActive(0);
      }}
      onBlur={() => {
        setFocused(false);
        setActive(undefined);
      }}
      onPointerMove={onPointerMove}
      onPointerLeave={() => {
        if (!focused) setActive(undefined);
      }}
    >
      {children}
      {shown === undefined ? null : (
        <>
          {axis === "x" ? (
            <div aria-hidden="true" className={styles.guide} style={{ left: percent }} />
          ) : (
            <div
              aria-hidden="true"
              className={styles.band}
              style={{
                top: `${((at - (band ?? 0) / 2) * 100).toFixed(2)}%`,
                height: `${((band ?? 0) * 100).toFixed(2)}%`,
              }}
            />
          )}
          <div
            aria-hidden="true"
            className={`${styles.tip} ${anchor}`}
            data-testid="chart-readout"
            style={
              axis === "x"
                ? { left: percent }
                : { left: "50%", top: `${((at + (band ?? 0) / 2) * 100).toFixed(2)}%` }
            }
          >
            {text}
          </div>
        </>
      )}
      <div aria-live="polite" className={shared.visuallyHidden}>
        {focused ? text : ""}
      </div>
    </div>
  );
}

const useStyles = makeStyles({
  root: {
    position: "relative",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  guide: {
    position: "absolute",
    top: 0,
    bottom: 0,
    width: 0,
    borderLeft: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralForeground3}`,
    pointerEvents: "none",
  },
  band: {
    position: "absolute",
    left: 0,
    right: 0,
    borderTop: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralForeground3}`,
    borderBottom: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralForeground3}`,
    pointerEvents: "none",
  },
  tip: {
    position: "absolute",
    top: 0,
    zIndex: 1,
    maxWidth: "220px",
    width: "max-content",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    pointerEvents: "none",
    whiteSpace: "pre-line",
  },
  left: { transform: "translateX(4px)" },
  centre: { transform: "translateX(-50%)" },
  right: { transform: "translateX(calc(-100% - 4px))" },
});
