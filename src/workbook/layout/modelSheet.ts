/**
 * The "CS Model" sheet: years across (t, calendar year, NVIDIA FY label), one row per series of DESIGN.md
 * §4.2 (plus vendor rows and installedA100eq) as native formulas over the named live inputs, the
 * "no controls" reference rows, summary metrics and the base-year check. Only INDEX, MATCH, MIN, MAX, EXP,
 * SUM, SUMPRODUCT, IF, AND, COUNT and arithmetic: functions Excel, HyperFormula and LibreOffice all compute.
 */
import { cellAddress, columnLetters, sheetRef } from "./address";
import { formulaCell, numberCell, rectangular, textCell } from "./cells";
import { SCALAR_INPUTS, TABLE_NAMES } from "./scalarInputs";
import type { ChartSpec, LayoutCell, SheetLayout } from "./types";
import { SHEET_NAMES } from "./types";

export const MODEL_GEOMETRY = { idColumn: 1, firstYearColumn: 4 } as const;

const USD_BN = "#,##0.00";
const FRACTION = "0.0%";
const UNITS = "#,##0";

const N = Object.fromEntries(SCALAR_INPUTS.map((m) => [m.id, m.name])) as Record<
  (typeof SCALAR_INPUTS)[number]["id"],
  string
>;

export interface ModelSheet {
  readonly sheet: SheetLayout;
  /** Market split, revenue by channel and the outlook, each over a chart-data block of the sheet. */
  readonly charts: readonly ChartSpec[];
  /** Row number of each row id (series ids, vendor rows "vendors.<name>.units", summary ids). */
  readonly rowOf: Readonly<Record<string, number>>;
}

interface RowSpec {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly format: string;
  readonly style?: "output" | "note";
  /** Formula (or constant) for year offset t in column `c` (previous column `p`). */
  readonly cell: (c: string, p: string, t: number) => LayoutCell | null;
}

export function buildModelSheet(maxHorizon: number, vendorNames: readonly string[]): ModelSheet {
  const sheetName = SHEET_NAMES.model;
  const years = Array.from({ length: maxHorizon + 1 }, (_, t) => t);
  const firstCol = MODEL_GEOMETRY.firstYearColumn;
  const lastCol = firstCol + maxHorizon;
  const rows: (LayoutCell | null)[][] = [];
  const rowOf: Record<string, number> = {};
  const at = (id: string, c: string): string => `${c}${rowOf[id] ?? missing(id)}`;
  const rowRange = (id: string): string =>
    `$${columnLetters(firstCol)}$${rowOf[id] ?? missing(id)}:$${columnLetters(lastCol)}$${rowOf[id]}`;

  const addRow = (spec: RowSpec): void => {
    rowOf[spec.id] = rows.length + 1;
    rows.push([
      textCell(spec.id),
      textCell(spec.label, "label"),
      textCell(spec.unit),
      ...years.map((t) => {
        const c = columnLetters(firstCol + t);
        const p = columnLetters(firstCol + t - 1);
        const cell = spec.cell(c, p, t);
        return cell === null ? null : { ...cell, numberFormat: spec.format, style: spec.style ?? "output" };
      }),
    ]);
  };
  const f = (formula: string): LayoutCell => formulaCell(formula);
  const section = (title: string): void => {
    rows.push([]);
    rows.push([textCell(title, "header")]);
  };

  rows.push([textCell("ChipShift — model (native formulas over the Live inputs of CS Inputs)", "title")]);
  rows.push([
    textCell("Live scenario", "label"),
    formulaCell(`=${TABLE_NAMES.scenario}`, undefined, "output"),
  ]);
  rows.push([textCell("Series id", "header"), textCell("Series", "header"), textCell("Unit", "header")]);
  addRow({
    id: "t",
    label: "Year offset t",
    unit: "t",
    format: "0",
    style: "note",
    cell: (_c, _p, t) => numberCell(t),
  });
  addRow({
    id: "year",
    label: "Calendar year",
    unit: "year",
    format: "0",
    cell: (c) => f(`=${N.baseYear}+${at("t", c)}`),
  });
  addRow({
    id: "fiscalYear",
    label: "NVIDIA fiscal year (FY(y+1) ≈ calendar y)",
    unit: "FY",
    format: "General",
    cell: (c) => f(`="FY"&(${at("year", c)}+1)`),
  });
  addRow({
    id: "inHorizon",
    label: "Within the live horizon (1 = yes)",
    unit: "flag",
    format: "0",
    style: "note",
    cell: (c) => f(`=IF(${at("t", c)}<=${N.horizon},1,0)`),
  });
  addRow({
    id: "regime",
    label: "Regime in force",
    unit: "regime",
    format: "General",
    cell: (c) => f(`=INDEX(${TABLE_NAMES.regimePath},${at("t", c)}+1)`),
  });

  section("Market and domestic adoption");
  addRow({
    id: "marketGrowthRate",
    label: "Market growth g_t = g·(1−f)^(t−1)",
    unit: "fraction",
    format: FRACTION,
    cell: (c, _p, t) =>
      t === 0 ? null : f(`=${N.marketGrowth}*(1-${N.marketGrowthFade})^(${at("t", c)}-1)`),
  });
  addRow({
    id: "market",
    label: "China AI-accelerator market M_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c, p, t) =>
      t === 0
        ? f(`=${N.marketBase}`)
        : f(
            `=IF(INDEX(${TABLE_NAMES.marketPath},${at("t", c)})>0,INDEX(${TABLE_NAMES.marketPath},${at("t", c)}),${at("market", p)}*(1+${at("marketGrowthRate", c)}))`,
          ),
  });
  addRow({
    id: "domesticDemandShare",
    label: "Desired domestic share d_t (logistic)",
    unit: "fraction",
    format: FRACTION,
    cell: (c) =>
      f(
        `=${N.domesticShareCap}/(1+(${N.domesticShareCap}/${N.domesticShareBase}-1)*EXP(-${N.adoptionSpeed}*${at("t", c)}))`,
      ),
  });
  addRow({
    id: "domesticSupply",
    label: "Domestic supply capacity C_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${N.domesticSupplyBase}*(1+${N.domesticSupplyGrowth})^${at("t", c)}`),
  });
  addRow({
    id: "domesticDemandLed",
    label: "Demand-led domestic sales D1_t = min(d·M, C)",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=MIN(${at("domesticDemandShare", c)}*${at("market", c)},${at("domesticSupply", c)})`),
  });
  addRow({
    id: "foreignDemand",
    label: "Demand for foreign accelerators F_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("market", c)}-${at("domesticDemandLed", c)}`),
  });

  section("Export controls and NVIDIA");
  addRow({
    id: "access",
    label: "Access a_t (regime)",
    unit: "fraction",
    format: FRACTION,
    cell: (c) =>
      f(`=INDEX(${TABLE_NAMES.regimeAccess},MATCH(${at("regime", c)},${TABLE_NAMES.regimeNames},0))`),
  });
  addRow({
    id: "remittanceRate",
    label: "Remittance rate ρ_t (regime)",
    unit: "fraction",
    format: FRACTION,
    cell: (c) =>
      f(`=INDEX(${TABLE_NAMES.regimeRemittance},MATCH(${at("regime", c)},${TABLE_NAMES.regimeNames},0))`),
  });
  addRow({
    id: "nvidiaDataCenter",
    label: "NVIDIA China data-center revenue N_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${N.nvidiaForeignShare}*${at("access", c)}*${at("foreignDemand", c)}`),
  });
  addRow({
    id: "otherForeign",
    label: "Other foreign vendors Z_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=(1-${N.nvidiaForeignShare})*${at("access", c)}*${at("foreignDemand", c)}`),
  });
  addRow({
    id: "blockedDemand",
    label: "Demand blocked by controls B_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=(1-${at("access", c)})*${at("foreignDemand", c)}`),
  });
  addRow({
    id: "substituted",
    label: "Blocked demand substituted by domestic chips X_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) =>
      f(
        `=MIN(${N.substitutionRate}*${at("blockedDemand", c)},${at("domesticSupply", c)}-${at("domesticDemandLed", c)})`,
      ),
  });
  addRow({
    id: "domesticSales",
    label: "Domestic sales D_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("domesticDemandLed", c)}+${at("substituted", c)}`),
  });
  addRow({
    id: "unmetDemand",
    label: "Unmet demand U_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("blockedDemand", c)}-${at("substituted", c)}`),
  });
  addRow({
    id: "domesticShare",
    label: "Domestic share of the market",
    unit: "fraction",
    format: FRACTION,
    cell: (c) => f(`=${at("domesticSales", c)}/${at("market", c)}`),
  });
  addRow({
    id: "nvidiaShare",
    label: "NVIDIA share of the market",
    unit: "fraction",
    format: FRACTION,
    cell: (c) => f(`=${at("nvidiaDataCenter", c)}/${at("market", c)}`),
  });

  section("NVIDIA China revenue by channel (§4.5: into China, offshore China-HQ, non-data-center)");
  addRow({
    id: "offshoreDemand",
    label: "Offshore China-HQ data-center demand P_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${N.offshoreBase}*(1+${N.offshoreGrowth})^${at("t", c)}`),
  });
  addRow({
    id: "offshoreAccess",
    label: "Offshore access oa_t (regime)",
    unit: "fraction",
    format: FRACTION,
    cell: (c) =>
      f(`=INDEX(${TABLE_NAMES.regimeOffshoreAccess},MATCH(${at("regime", c)},${TABLE_NAMES.regimeNames},0))`),
  });
  addRow({
    id: "nvidiaOffshore",
    label: "NVIDIA offshore revenue from China-HQ customers Q_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("offshoreAccess", c)}*${at("offshoreDemand", c)}`),
  });
  addRow({
    id: "offshoreBlocked",
    label: "Offshore demand blocked by controls W_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=(1-${at("offshoreAccess", c)})*${at("offshoreDemand", c)}`),
  });
  addRow({
    id: "nvidiaOther",
    label: "Other NVIDIA China revenue O_t (non-data-center when P is used)",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${N.otherBase}*(1+${N.otherGrowth})^${at("t", c)}`),
  });
  addRow({
    id: "nvidiaChina",
    label: "NVIDIA China revenue, model T_t = N + Q + O",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("nvidiaDataCenter", c)}+${at("nvidiaOffshore", c)}+${at("nvidiaOther", c)}`),
  });

  section("Reported quarters and outlook (customer-HQ basis; CS Inputs reported-quarters block)");
  for (let quarter = 1; quarter <= 4; quarter++)
    addRow({
      id: `reported.Q${quarter}`,
      label: `Reported Q${quarter} of the fiscal year (blank = not reported)`,
      unit: "USD bn",
      format: USD_BN,
      style: "note",
      cell: (c) =>
        f(
          `=IFERROR(INDEX(${TABLE_NAMES.reportedValues},MATCH("Q${quarter} FY"&(${at("year", c)}+1),${TABLE_NAMES.reportedPeriods},0)),"")`,
        ),
    });
  const quarters = (c: string): string => `${at("reported.Q1", c)}:${at("reported.Q4", c)}`;
  addRow({
    id: "reportedQuarters",
    label: "Reported quarters k_t",
    unit: "quarters",
    format: "0",
    cell: (c) => f(`=COUNT(${quarters(c)})`),
  });
  addRow({
    id: "nvidiaChinaReported",
    label: "Reported NVIDIA China revenue so far A_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=SUM(${quarters(c)})`),
  });
  addRow({
    id: "nvidiaChinaOutlook",
    label: "Outlook T*_t = A + T·(4 − k)/4",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(outlook(at("nvidiaChinaReported", c), at("nvidiaChina", c), at("reportedQuarters", c))),
  });
  addRow({
    id: "reportedGap",
    label: "Reported minus model over the reported quarters G_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("nvidiaChinaReported", c)}-${at("nvidiaChina", c)}*${at("reportedQuarters", c)}/4`),
  });
  addRow({
    id: "remittance",
    label: "Remittance to the U.S. government R_t",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("remittanceRate", c)}*${at("nvidiaDataCenter", c)}`),
  });
  addRow({
    id: "nvidiaChinaNet",
    label: "Outlook net of remittance Tn_t = T* − R",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("nvidiaChinaOutlook", c)}-${at("remittance", c)}`),
  });

  section("Domestic vendors (units, compute)");
  vendorNames.forEach((vendor, i) => {
    const k = i + 1;
    const weight = `INDEX(${TABLE_NAMES.vendorWeight},${k})`;
    const tflops = `INDEX(${TABLE_NAMES.vendorTflops},${k})`;
    const units = `vendors.${vendor}.units`;
    addRow({
      id: units,
      label: `${vendor}: accelerators shipped`,
      unit: "units",
      format: UNITS,
      cell: (c) =>
        f(
          `=IF(${weight}>0,${weight}*${at("domesticSales", c)}*1000000/INDEX(${TABLE_NAMES.vendorAsp},${k}),0)`,
        ),
    });
    addRow({
      id: `vendors.${vendor}.pflops`,
      label: `${vendor}: dense BF16 PFLOPS shipped`,
      unit: "PFLOPS",
      format: UNITS,
      cell: (c) => f(`=${at(units, c)}*${tflops}/1000`),
    });
    addRow({
      id: `vendors.${vendor}.a100eq`,
      label: `${vendor}: A100-equivalents shipped`,
      unit: "A100eq",
      format: UNITS,
      cell: (c) => f(`=${at(units, c)}*${tflops}/${TABLE_NAMES.a100Tflops}`),
    });
  });
  addRow({
    id: "installedA100eq",
    label: "Installed domestic base (A100-equivalents)",
    unit: "A100eq",
    format: UNITS,
    cell: (c, p, t) => {
      const shipped = `SUM(${vendorNames.map((v) => at(`vendors.${v}.a100eq`, c)).join(",")})`;
      return f(t === 0 ? `=${shipped}` : `=${at("installedA100eq", p)}*(1-${N.retirementRate})+${shipped}`);
    },
  });

  section(
    "No-controls reference (every regime: access = offshore access = 1, remittance = 0; same reported quarters)",
  );
  addRow({
    id: "ref.access",
    label: "Reference access and offshore access",
    unit: "fraction",
    format: FRACTION,
    cell: () => numberCell(1),
  });
  addRow({
    id: "ref.nvidiaDataCenter",
    label: "Reference NVIDIA data-center revenue into China",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${N.nvidiaForeignShare}*${at("ref.access", c)}*${at("foreignDemand", c)}`),
  });
  addRow({
    id: "ref.nvidiaChina",
    label: "Reference NVIDIA China revenue, model",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) =>
      f(
        `=${at("ref.nvidiaDataCenter", c)}+${at("ref.access", c)}*${at("offshoreDemand", c)}+${at("nvidiaOther", c)}`,
      ),
  });
  addRow({
    id: "ref.nvidiaChinaOutlook",
    label: "Reference NVIDIA China revenue, outlook",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) =>
      f(outlook(at("nvidiaChinaReported", c), at("ref.nvidiaChina", c), at("reportedQuarters", c))),
  });
  addRow({
    id: "revenueAtRisk",
    label: "Revenue at risk (reference − scenario, outlooks)",
    unit: "USD bn",
    format: USD_BN,
    cell: (c) => f(`=${at("ref.nvidiaChinaOutlook", c)}-${at("nvidiaChinaOutlook", c)}`),
  });

  section("Summary helpers");
  addRow({
    id: "summaryWeight",
    label: "Counted in summaries (1 ≤ t ≤ H)",
    unit: "flag",
    format: "0",
    style: "note",
    cell: (c) => f(`=IF(AND(${at("t", c)}>=1,${at("t", c)}<=${N.horizon}),1,0)`),
  });
  addRow({
    id: "discountFactor",
    label: "Discount factor 1/(1+r)^t",
    unit: "factor",
    format: "0.0000",
    style: "note",
    cell: (c) => f(`=1/(1+${N.discountRate})^${at("t", c)}`),
  });
  addRow({
    id: "crossoverCandidate",
    label: "Year if domestic share ≥ 50%",
    unit: "year",
    format: "0",
    style: "note",
    cell: (c) =>
      f(`=IF(AND(${at("t", c)}<=${N.horizon},${at("domesticShare", c)}>=0.5),${at("year", c)},"")`),
  });

  const valueCol = columnLetters(firstCol);
  const summary = (id: string, label: string, unit: string, format: string, formula: string): void => {
    rowOf[id] = rows.length + 1;
    rows.push([
      textCell(id),
      textCell(label, "label"),
      textCell(unit),
      formulaCell(formula, format, "output"),
    ]);
  };
  const t0 = at("nvidiaChina", valueCol);
  const outlook0 = at("nvidiaChinaOutlook", valueCol);
  section("Summary metrics (t = 1..H of the live scenario, on the outlook T*)");
  summary(
    "cumulativeNvidiaChina",
    "Cumulative NVIDIA China revenue (outlook)",
    "USD bn",
    USD_BN,
    `=SUMPRODUCT(${rowRange("summaryWeight")},${rowRange("nvidiaChinaOutlook")})`,
  );
  summary(
    "npvNvidiaChina",
    "NPV of NVIDIA China revenue (outlook)",
    "USD bn",
    USD_BN,
    `=SUMPRODUCT(${rowRange("summaryWeight")},${rowRange("nvidiaChinaOutlook")},${rowRange("discountFactor")})`,
  );
  summary(
    "cagrNvidiaChina",
    "CAGR of NVIDIA China revenue (outlook), t = 0..H",
    "fraction",
    FRACTION,
    `=IF(${outlook0}<=0,"n/a",(INDEX(${rowRange("nvidiaChinaOutlook")},1,${N.horizon}+1)/${outlook0})^(1/${N.horizon})-1)`,
  );
  summary(
    "crossoverYear",
    "First year domestic share ≥ 50%",
    "year",
    "0",
    `=IF(COUNT(${rowRange("crossoverCandidate")})=0,"none",MIN(${rowRange("crossoverCandidate")}))`,
  );
  summary(
    "revenueAtRiskTotal",
    "Revenue at risk vs no controls, total",
    "USD bn",
    USD_BN,
    `=SUMPRODUCT(${rowRange("summaryWeight")},${rowRange("revenueAtRisk")})`,
  );

  section("Base-year check (model T_0 vs documented FY2026, customer-HQ basis [nvda_china_rev_fy2026_hq])");
  summary("check.modelT0", "Model NVIDIA China revenue, base year T_0", "USD bn", "#,##0.000", `=${t0}`);
  summary(
    "check.documented",
    "Documented FY2026 NVIDIA China revenue (customer-HQ basis)",
    "USD bn",
    "#,##0.000",
    `=${TABLE_NAMES.documentedT0}`,
  );
  summary(
    "check.gap",
    "Gap (model − documented)",
    "USD bn",
    "#,##0.000",
    `=${at("check.modelT0", valueCol)}-${at("check.documented", valueCol)}`,
  );
  summary(
    "check.gapPct",
    "Gap in % of documented",
    "fraction",
    FRACTION,
    `=${at("check.gap", valueCol)}/${at("check.documented", valueCol)}`,
  );

  /** A chart-data block (FY labels across, one row per series) and the chart over it, placed below. */
  const chartBlock = (
    id: string,
    kind: ChartSpec["kind"],
    title: string,
    heading: string,
    series: readonly (readonly [string, string])[],
  ): ChartSpec => {
    section(`${heading} (chart data)`);
    const header = rows.length + 1;
    rows.push([
      null,
      textCell(heading, "header"),
      null,
      ...years.map((t) =>
        formulaCell(`=${at("fiscalYear", columnLetters(firstCol + t))}`, undefined, "header"),
      ),
    ]);
    for (const [seriesId, label] of series) {
      rowOf[`${id}.${seriesId}`] = rows.length + 1;
      rows.push([
        textCell(`${id}.${seriesId}`),
        textCell(label, "label"),
        textCell("USD bn"),
        ...years.map((t) => formulaCell(`=${at(seriesId, columnLetters(firstCol + t))}`, USD_BN, "output")),
      ]);
    }
    const last = rows.length;
    // Leave room for the chart: 19 rows below the block.
    for (let i = 0; i < 20; i++) rows.push([]);
    return {
      id,
      kind,
      title,
      sheet: sheetName,
      source: { sheet: sheetName, range: `B${header}:${columnLetters(lastCol)}${last}` },
      anchor: { from: cellAddress(last + 2, 2), to: cellAddress(last + 20, Math.max(lastCol, 8)) },
      yAxisTitle: "USD bn",
    };
  };
  const charts = [
    chartBlock(
      "marketSplit",
      "stackedArea",
      "China AI-accelerator market split (live scenario, USD bn)",
      "Market split",
      [
        ["domesticSales", "Domestic chips"],
        ["nvidiaDataCenter", "NVIDIA"],
        ["otherForeign", "Other foreign"],
        ["unmetDemand", "Unmet demand"],
      ],
    ),
    chartBlock(
      "channels",
      "stackedArea",
      "NVIDIA China revenue by channel (live scenario, model, USD bn)",
      "NVIDIA China revenue by channel",
      [
        ["nvidiaDataCenter", "Data center into China"],
        ["nvidiaOffshore", "Offshore China-HQ data center"],
        ["nvidiaOther", "Non-data-center"],
      ],
    ),
    chartBlock(
      "outlook",
      "line",
      "NVIDIA China revenue: model, outlook with reported quarters, net (live scenario, USD bn)",
      "NVIDIA China revenue outlook",
      [
        ["nvidiaChina", "Model T"],
        ["nvidiaChinaOutlook", "Outlook T* (reported quarters + model)"],
        ["nvidiaChinaNet", "Outlook net of remittance"],
      ],
    ),
  ];
  const sheet: SheetLayout = {
    name: sheetName,
    blocks: [{ topLeft: "A1", rows: rectangular(rows) }],
    columnWidths: [
      { column: 1, width: 24 },
      { column: 2, width: 48 },
      { column: 3, width: 10 },
      ...years.map((t) => ({ column: firstCol + t, width: 12 })),
    ],
    freeze: { rows: rowOf.fiscalYear ?? 6, columns: 3 },
  };
  return { sheet, charts, rowOf };
}

/** Absolute reference of a Model row's year cells (for names and charts). */
export function modelRowRef(rowOf: Readonly<Record<string, number>>, id: string, maxHorizon: number): string {
  const row = rowOf[id] ?? missing(id);
  return sheetRef(
    SHEET_NAMES.model,
    row,
    MODEL_GEOMETRY.firstYearColumn,
    row,
    MODEL_GEOMETRY.firstYearColumn + maxHorizon,
  );
}

/** T*_t = A_t + T_t·(4 − k_t)/4 (§4.5) as a formula over three cells. */
function outlook(reported: string, model: string, count: string): string {
  return `=${reported}+${model}*(4-${count})/4`;
}

function missing(id: string): never {
  throw new Error(`modelSheet: row ${id} used before it is defined`);
}
