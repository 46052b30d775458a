import type { ReactNode } from "react";
import type { WorkbookPort } from "../workbook/port";
import { BuildSection } from "./build/BuildSection";
import { EvidenceSection } from "./evidence/EvidenceSection";
import { FiguresSection } from "./figures/FiguresSection";
import { ScenarioSection } from "./scenario/ScenarioSection";
import { SensitivitySection } from "./sensitivity/SensitivitySection";
import { SimulateSection } from "./simulate/SimulateSection";
import type { SectionId } from "./paneState";

/** What every section receives from the shell. */
export interface SectionContext {
  /** null outside Excel and outside the preview page: nothing can be written. */
  readonly port: WorkbookPort | null;
}

export interface PaneSection {
  readonly id: SectionId;
  readonly label: string;
  readonly render: (context: SectionContext) => ReactNode;
}

/**
 * The registry of the pane's sections, in tab order. Plug a finished section in by replacing its `render`
 * (e.g. the Scenario studio from ./scenario/ScenarioSection).
 */
export const SECTIONS: readonly PaneSection[] = [
  {
    id: "scenario",
    label: "Scenario",
    render: ({ port }) => <ScenarioSection port={port ?? undefined} />,
  },
  {
    id: "simulate",
    label: "Simulate",
    render: ({ port }) => <SimulateSection port={port} />,
  },
  {
    id: "sensitivity",
    label: "Sensitivity",
    render: ({ port }) => <SensitivitySection port={port} />,
  },
  {
    id: "evidence",
    label: "Evidence",
    render: ({ port }) => <EvidenceSection port={port} />,
  },
  {
    id: "figures",
    label: "Figures",
    render: ({ port }) => <FiguresSection port={port} />,
  },
  {
    id: "build",
    label: "Build",
    render: ({ port }) => <BuildSection port={port} />,
  },
];
