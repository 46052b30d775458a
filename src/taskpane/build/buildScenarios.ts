/**
 * The scenarios the Build section offers: the presets, the scenario being edited in the pane (when it differs
 * from its preset) and any the user imported or loaded from the workbook. Pure.
 */
import { PRESETS } from "../../model/presets";
import type { Preset, Provenance, Scenario } from "../../model/types";
import type { NamedScenario } from "../../workbook/layout/types";

export type CandidateOrigin = "preset" | "pane" | "imported" | "workbook";

export interface Candidate {
  readonly named: NamedScenario;
  readonly origin: CandidateOrigin;
}

/** The pane's current scenario, as the workspace publishes it. */
export interface PaneScenario {
  readonly scenario: Scenario;
  readonly name: string;
  readonly presetId: string | null;
  /** Figures chosen in the pane as inputs' sources ("Cite…"), by input path: they override the provenance. */
  readonly citations?: Readonly<Record<string, { readonly figureId: string }>>;
}

/** A preset as a workbook scenario column (name, scenario, provenance, rationale). */
export function presetNamedScenario(preset: Preset): NamedScenario {
  return {
    name: preset.name,
    scenario: preset.scenario,
    provenance: preset.provenance,
    rationale: preset.rationale,
  };
}

/**
 * The offered scenarios, in column order: presets (an extra with a preset's name replaces it in place), then
 * the pane's edited scenario, then the other extras.
 *
 * @example buildCandidates(PRESETS, null, []).map((c) => c.named.name)
 *   // → ["Licensed trade", "Full decoupling", "Détente", "Domestic supply crunch"]
 */
export function buildCandidates(
  presets: readonly Preset[] = PRESETS,
  pane: PaneScenario | null,
  extras: readonly Candidate[],
): Candidate[] {
  const key = (name: string): string => name.trim().toLowerCase();
  const extraByName = new Map(extras.map((e) => [key(e.named.name), e]));
  const edited = paneCandidate(presets, pane);
  // A preset whose inputs only gained citations in the pane keeps its name and column, with those sources.
  const out: Candidate[] = presets.map(
    (p) =>
      extraByName.get(key(p.name)) ??
      (edited !== null && key(edited.named.name) === key(p.name)
        ? edited
        : { named: presetNamedScenario(p), origin: "preset" }),
  );
  if (edited !== null && !out.some((c) => key(c.named.name) === key(edited.named.name))) out.push(edited);
  for (const extra of extras) {
    if (!out.some((c) => key(c.named.name) === key(extra.named.name))) out.push(extra);
  }
  return out;
}

/**
 * The pane's scenario as a candidate, or null when it is exactly its preset with no citation of its own. An
 * edited preset is named "<preset> (edited)"; its provenance keeps the preset's entries for unchanged inputs
 * and labels the rest; a figure cited in the pane ("Cite…") is the source of its input either way.
 */
export function paneCandidate(presets: readonly Preset[], pane: PaneScenario | null): Candidate | null {
  if (pane === null) return null;
  const citations = Object.entries(pane.citations ?? {});
  const preset = presets.find((p) => p.id === pane.presetId);
  const unchanged = preset !== undefined && sameJson(preset.scenario, pane.scenario);
  if (unchanged && citations.length === 0) return null;
  const provenance: Record<string, Provenance> = unchanged ? { ...preset.provenance } : {};
  if (!unchanged) {
    for (const key of Object.keys(pane.scenario) as (keyof Scenario)[]) {
      const carried = preset?.provenance[key];
      provenance[key] =
        carried !== undefined && preset !== undefined && sameJson(preset.scenario[key], pane.scenario[key])
          ? carried
          : { assumption: "Edited in the ChipShift pane" };
    }
  }
  for (const [path, cited] of citations) provenance[path] = { figureId: cited.figureId };
  const name =
    preset !== undefined && pane.name === preset.name && !unchanged ? `${preset.name} (edited)` : pane.name;
  return {
    named: {
      name,
      scenario: pane.scenario,
      provenance,
      ...(unchanged ? { rationale: preset.rationale } : {}),
    },
    origin: "pane",
  };
}

/**
 * Equal as JSON values whatever the key order (the read-back builds keys in sheet order), numbers within a
 * relative 1e-9: a sheet can hand back a stored 0.7391225195703622 as 0.73912251957 (HyperFormula rounds what
 * it returns), which is the same input.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return a === b;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) => k === kb[i] && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
