import { memo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { CHANNELS } from "../../model/inputCatalog";
import type { Projection, Scenario } from "../../model/types";
import { formatUsdBn, yearLabel } from "../charts/format";
import { LineChart } from "../charts/LineChart";
import { StackedAreaChart } from "../charts/StackedAreaChart";
import { reportedQuarterMarkers } from "./reportedMarkers";

/** A channel of NVIDIA China revenue in words (the model catalog's CHANNELS). */
function channelLabel(series: (typeof CHANNELS)[number]["series"]): string {
  return CHANNELS.find((c) => c.series === series)?.label ?? series;
}

export interface ProjectionChartsProps {
  readonly projection: Projection;
  /** The scenario the projection is of: its reported quarters become markers on the revenue chart. */
  readonly scenario?: Pick<Scenario, "baseYear" | "horizon" | "reported">;
}

/**
 * NVIDIA China revenue (model, outlook with the reported quarters, net of remittance; reported quarters as
 * markers), the revenue by channel, and the China market split, by year.
 */
export const ProjectionCharts = memo(function ProjectionCharts({
  projection,
  scenario,
}: ProjectionChartsProps): React.JSX.Element {
  const styles = useStyles();
  const x = projection.years.calendar.map(yearLabel);
  const s = projection.series;
  const markers =
    scenario === undefined
      ? []
      : reportedQuarterMarkers(scenario.reported, scenario.baseYear, scenario.horizon);
  const anyReported = s.reportedQuarters.some((k) => k > 0);
  const offshoreUsed = s.offshoreDemand.some((v) => v > 0);
  return (
    <div className={styles.root}>
      <h3 className={styles.heading}>NVIDIA China revenue</h3>
      <LineChart
        title="NVIDIA China revenue by year, USD bn"
        description={
          anyReported
            ? "Model, outlook (reported quarters plus the model's run-rate for the rest of the year), net of remittance to the U.S. government, and each reported quarter at its annual rate"
            : "Model (gross) and net of remittance to the U.S. government"
        }
        testId="chart-nvidia-china"
        titleShown={false}
        xLabels={x}
        formatY={formatUsdBn}
        series={[
          { id: "nvidiaChina", label: "Model", values: s.nvidiaChina },
          ...(anyReported
            ? [
                {
                  id: "nvidiaChinaOutlook",
                  label: "Outlook with reported quarters",
                  values: s.nvidiaChinaOutlook,
                },
              ]
            : []),
          { id: "nvidiaChinaNet", label: "Net of remittance", values: s.nvidiaChinaNet, dashed: true },
        ]}
        markerSets={
          markers.length > 0
            ? [{ id: "reportedQuarters", label: "Reported quarter × 4", markers }]
            : undefined
        }
      />
      <h3 className={styles.heading}>NVIDIA China revenue by channel</h3>
      <StackedAreaChart
        title="NVIDIA China revenue by channel, USD bn"
        description="Data center into China, data center for China-headquartered customers abroad, and non-data-center products, stacked to the model's total"
        testId="chart-channels"
        titleShown={false}
        xLabels={x}
        formatY={formatUsdBn}
        series={[
          { id: "nvidiaDataCenter", label: channelLabel("nvidiaDataCenter"), values: s.nvidiaDataCenter },
          { id: "nvidiaOffshore", label: channelLabel("nvidiaOffshore"), values: s.nvidiaOffshore },
          {
            id: "nvidiaOther",
            // Without the offshore channel, O is every other China revenue (DESIGN.md §4.1 vs §4.5).
            label: offshoreUsed ? channelLabel("nvidiaOther") : "Other (incl. China-HQ buyers abroad)",
            values: s.nvidiaOther,
          },
        ]}
      />
      <h3 className={styles.heading}>China AI-accelerator market split</h3>
      <StackedAreaChart
        title="China AI-accelerator market split by year, USD bn"
        description="Domestic sales, NVIDIA data center, other foreign vendors and unmet demand, stacked"
        testId="chart-market-split"
        titleShown={false}
        xLabels={x}
        formatY={formatUsdBn}
        series={[
          { id: "domesticSales", label: "Domestic chips", values: s.domesticSales },
          { id: "nvidiaDataCenter", label: "NVIDIA data center", values: s.nvidiaDataCenter },
          { id: "otherForeign", label: "Other foreign", values: s.otherForeign },
          { id: "unmetDemand", label: "Unmet demand", values: s.unmetDemand },
        ]}
      />
    </div>
  );
});

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});
