import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { defaultSimulationSpec } from "../analysis/defaultSpec";
import type { SamplingMethod } from "../analysis/sampling";
import type { SimulationSpec } from "../analysis/simulationSpec";
import type { SimulationResult } from "../analysis/summarize";
import { isModelError } from "../model/errors";
import { BASE_PRESET_ID, findPreset, PRESETS } from "../model/presets";
import type { Scenario } from "../model/types";

/**
 * What the pane's sections share: the current valid scenario (published by the Scenario section), the
 * simulation spec being edited on the Simulate tab, and the last finished simulation (read by Sensitivity).
 */
export interface Workspace {
  readonly scenario: Scenario;
  readonly scenarioName: string;
  readonly presetId: string | null;
  /** Publishes a new valid scenario; resets the spec to the scenario's default unless the user edited it. */
  setScenario(this: void, next: Scenario, name: string, presetId: string | null): void;
  readonly simulationSpec: SimulationSpec;
  setSimulationSpec(this: void, spec: SimulationSpec): void;
  readonly lastSimulation?: SimulationResult;
  setLastSimulation(this: void, result: SimulationResult | undefined): void;
  /** The last scenario restored from the workbook's saved document; sections with their own state observe `id`. */
  readonly restoreRequest?: RestoreRequest;
  /** Publishes a saved scenario + spec at once (the spec is kept on later scenario changes) and bumps `restoreRequest`. */
  restoreSaved(this: void, saved: Omit<RestoreRequest, "id">): void;
}

/** A restore of a saved document, numbered so that restoring the same document twice is seen twice. */
export interface RestoreRequest {
  readonly id: number;
  readonly scenario: Scenario;
  readonly name: string;
  readonly presetId: string | null;
  readonly simulationSpec: SimulationSpec;
  readonly simulationSettings?: {
    readonly trials: number;
    readonly seed: number;
    readonly sampling: SamplingMethod;
  };
}

const WorkspaceContext = createContext<Workspace | null>(null);

export interface WorkspaceProviderProps {
  readonly children: ReactNode;
  /** Starting scenario; default: the base preset ("Licensed trade"). */
  readonly initialScenario?: {
    readonly scenario: Scenario;
    readonly name: string;
    readonly presetId: string | null;
  };
}

interface WorkspaceData {
  readonly scenario: Scenario;
  readonly scenarioName: string;
  readonly presetId: string | null;
  readonly simulationSpec: SimulationSpec;
  /** False once the user published their own spec: a scenario change then keeps it. */
  readonly specIsDefault: boolean;
  readonly lastSimulation?: SimulationResult;
  readonly restoreRequest?: RestoreRequest;
}

export function WorkspaceProvider({ children, initialScenario }: WorkspaceProviderProps): React.JSX.Element {
  const [data, setData] = useState<WorkspaceData>(() => {
    const start = initialScenario ?? basePresetScenario();
    return {
      scenario: start.scenario,
      scenarioName: start.name,
      presetId: start.presetId,
      simulationSpec: defaultSimulationSpec(start.scenario),
      specIsDefault: true,
    };
  });
  const setScenario = useCallback((next: Scenario, name: string, presetId: string | null) => {
    setData((d) => ({
      ...d,
      scenario: next,
      scenarioName: name,
      presetId,
      simulationSpec: d.specIsDefault ? defaultSimulationSpec(next) : d.simulationSpec,
    }));
  }, []);
  const setSimulationSpec = useCallback((spec: SimulationSpec) => {
    setData((d) => ({ ...d, simulationSpec: spec, specIsDefault: false }));
  }, []);
  const setLastSimulation = useCallback((result: SimulationResult | undefined) => {
    setData((d) => {
      const { lastSimulation: _dropped, ...rest } = d;
      return result === undefined ? rest : { ...rest, lastSimulation: result };
    });
  }, []);
  const restoreSaved = useCallback((saved: Omit<RestoreRequest, "id">) => {
    setData((d) => ({
      ...d,
      scenario: saved.scenario,
      scenarioName: saved.name,
      presetId: saved.presetId,
      simulationSpec: saved.simulationSpec,
      specIsDefault: false,
      restoreRequest: { ...saved, id: (d.restoreRequest?.id ?? 0) + 1 },
    }));
  }, []);
  const value = useMemo<Workspace>(
    () => ({ ...data, setScenario, setSimulationSpec, setLastSimulation, restoreSaved }),
    [data, setScenario, setSimulationSpec, setLastSimulation, restoreSaved],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The shared workspace; throws when a section is rendered outside `WorkspaceProvider` (a wiring bug). */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null) throw new Error("useWorkspace() needs a <WorkspaceProvider> above it");
  return workspace;
}

/** The shared workspace, or null outside `WorkspaceProvider` (sections rendered on their own, e.g. in tests). */
export function useOptionalWorkspace(): Workspace | null {
  return useContext(WorkspaceContext);
}

function basePresetScenario(): { scenario: Scenario; name: string; presetId: string } {
  const preset = findPreset(BASE_PRESET_ID);
  const chosen = isModelError(preset) ? PRESETS[0] : preset;
  if (chosen === undefined) throw new Error("no presets defined");
  return { scenario: chosen.scenario, name: chosen.name, presetId: chosen.id };
}
