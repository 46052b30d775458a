import { memo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Projection } from "../../model/types";
import { formatUsdBn, yearLabel } from "../charts/format";
import { LineChart } from "../charts/LineChart";
import { StackedAreaChart } from "../charts/StackedAreaChart";

export interface ProjectionChartsProps {
  readonly projection: Projection;
}

/** NVIDIA China revenue (gross and net of remittance) and the China market split, by year. */
export const ProjectionCharts = memo(function ProjectionCharts({
  projection,
}: ProjectionChartsProps): React.JSX.Element {
  const styles = useStyles();
  const x = projection.years.calendar.map(yearLabel);
  const s = projection.series;
  return (
    <div className={styles.root}>
      <h4 className={styles.heading}>NVIDIA China revenue</h4>
      <LineChart
        title="NVIDIA China revenue by year, USD bn"
        description="As reported (gross) and net of remittance to the U.S. government"
        testId="chart-nvidia-china"
        xLabels={x}
        formatY={formatUsdBn}
        series={[
          { id: "nvidiaChina", label: "NVIDIA China revenue (gross)", values: s.nvidiaChina },
          { id: "nvidiaChinaNet", label: "Net of remittance", values: s.nvidiaChinaNet, dashed: true },
        ]}
      />
      <h4 className={styles.heading}>China AI-accelerator market split</h4>
      <StackedAreaChart
        title="China AI-accelerator market split by year, USD bn"
        description="Domestic sales, NVIDIA data center, other foreign vendors and unmet demand, stacked"
        testId="chart-market-split"
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
