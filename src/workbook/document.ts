/**
 * The document ChipShift saves inside a workbook (DESIGN.md §9): the pane's scenario, the simulation spec
 * (distributions, regime chain, correlation), the last simulation settings, the analyst's own figures and the
 * Evidence tab's observations, as versioned JSON. Pure: the Office and preview ports only store and return the
 * text.
 *
 * Versions: 0 = an early draft that held one named scenario only (migrated on read); 1 = scenario, spec and
 * settings (read as a version 2 without figures of your own); 2 = current, adds the analyst's own cited figures
 * (`userFigures`). Both may carry the Evidence tab's observations (`evidence`, optional: absent = the presets'
 * cited default set). A document from a newer add-in is refused with a message, never rewritten.
 */
import { z } from "zod";
import type { UserFigure } from "../figures/userFigures";
import { UserFigureListSchema } from "../figures/userFigures";
import { defaultSimulationSpec } from "../analysis/defaultSpec";
import {
  MAX_OBSERVATIONS,
  observationShape,
  placeObservations,
  type EvidenceSet,
} from "../analysis/evidence";
import { compileRegimeChain } from "../analysis/regimeChain";
import type { SamplingMethod } from "../analysis/sampling";
import { validateSimulationSpec, type SimulationSpec } from "../analysis/simulationSpec";
import { isModelError, modelError, type ModelError } from "../model/errors";
import type { Scenario } from "../model/types";
import { MAX_TEXT_LENGTH } from "../model/own";
import { validateScenario } from "../model/validate";

export const DOCUMENT_SCHEMA = "chipshift/workbook";
export const DOCUMENT_VERSION = 2;
/** Namespace of the custom XML part that holds the document in Excel (unchanged across versions). */
export const DOCUMENT_NAMESPACE = "urn:chipshift:workbook:v1";

export interface SimulationSettings {
  readonly trials: number;
  readonly seed: number;
  readonly sampling: SamplingMethod;
}

export interface ChipShiftDocument {
  readonly schema: typeof DOCUMENT_SCHEMA;
  readonly version: typeof DOCUMENT_VERSION;
  /** ISO 8601 time of the save ("" when unknown, e.g. migrated from a version without it). */
  readonly savedAt: string;
  readonly scenario: {
    readonly name: string;
    /** The preset the scenario started from, null when edited away from it. */
    readonly presetId: string | null;
    readonly scenario: Scenario;
    /**
     * Figures the analyst chose in the pane as inputs' sources, by input path ("marketBase"); absent = none.
     * Optional within version 2: an older add-in reads the document and ignores them.
     */
    readonly citations?: Readonly<Record<string, { readonly figureId: string }>>;
  };
  readonly simulationSpec: SimulationSpec;
  readonly simulationSettings?: SimulationSettings;
  /** The analyst's own cited figures (absent = none), in the order they were added. */
  readonly userFigures?: readonly UserFigure[];
  /**
   * The Evidence tab's observations (§5.1 shape) when they differ from the presets' cited default set; absent
   * means that default set. Optional in version 1, so older documents read unchanged.
   */
  readonly evidence?: EvidenceSet;
}

/** The JSON text of a document (compact: it lives in a workbook, not in front of a reader). */
export function serializeDocument(doc: ChipShiftDocument): string {
  return JSON.stringify(doc);
}

/**
 * Reads a saved document: JSON → header (schema, version) → migration from older versions → shape (zod) →
 * model checks (`validateScenario`, `validateSimulationSpec`, the regime chain). Every message names the field.
 *
 * @returns the document, or ModelError("invalidInput"); a newer version says so and asks for an update
 * @example parseDocument('{"schema":"chipshift/workbook","version":7}') // → invalidInput "… saved by a newer ChipShift (version 7); update the add-in"
 */
export function parseDocument(text: string): ChipShiftDocument | ModelError {
  if (text.length > MAX_DOCUMENT_LENGTH) return tooLarge(text.length);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return invalid(`the saved ChipShift document is not valid JSON (${reason})`);
  }
  const header = HeaderSchema.safeParse(json);
  if (!header.success) return invalid(zodMessage(header.error));
  const { version } = header.data;
  if (version > DOCUMENT_VERSION) {
    return invalid(
      `this workbook's ChipShift document was saved by a newer ChipShift (version ${version}); update the add-in`,
    );
  }
  const current = version === 0 ? migrateFromV0(json) : json;
  if (isModelError(current)) return current;
  return validV1(current);
}

/** The custom XML part's content: the JSON as the text of one element in the ChipShift namespace. */
export function documentXml(text: string): string {
  return `<chipshift xmlns="${DOCUMENT_NAMESPACE}">${escapeXml(text)}</chipshift>`;
}

/**
 * The JSON text inside a custom XML part written by `documentXml` (Excel may add an XML declaration or a
 * namespace prefix when it returns the part).
 */
export function documentTextOfXml(xml: string): string | ModelError {
  // Linear time: indexOf scans only (a single regex with a lazy body was quadratic on a crafted part with many
  // unclosed "<chipshift" tags, freezing the pane for seconds on open).
  if (xml.length > MAX_DOCUMENT_LENGTH + 1000) return tooLarge(xml.length);
  const tagName = /(?:[A-Za-z_][\w.-]*:)?chipshift(?=[\s/>])/y;
  for (let from = 0; ;) {
    const lt = xml.indexOf("<", from);
    if (lt < 0) break;
    tagName.lastIndex = lt + 1;
    const name = tagName.exec(xml)?.[0];
    if (name === undefined) {
      from = lt + 1;
      continue;
    }
    const gt = xml.indexOf(">", lt + 1 + name.length);
    if (gt < 0) break;
    if (xml[gt - 1] === "/") return "";
    const close = xml.indexOf(`</${name}`, gt + 1);
    if (close < 0) break;
    return unescapeXml(xml.slice(gt + 1, close));
  }
  return invalid("the ChipShift custom XML part has no chipshift element");
}

/** Longest document text accepted (characters): far above any real document, far below what freezes a pane. */
export const MAX_DOCUMENT_LENGTH = 4_000_000;

function tooLarge(length: number): ModelError {
  return invalid(
    `the saved ChipShift document is too large (${length} characters; at most ${MAX_DOCUMENT_LENGTH})`,
  );
}

// ---- schemas ---------------------------------------------------------------------------------------------

const HeaderSchema = z.object({
  schema: z.literal(DOCUMENT_SCHEMA),
  version: z.number().int().nonnegative(),
});

const finite = z.number();

const DistributionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), value: finite }),
  z.object({ kind: z.literal("uniform"), min: finite, max: finite }),
  z.object({ kind: z.literal("triangular"), min: finite, mode: finite, max: finite }),
  z.object({ kind: z.literal("pert"), min: finite, mode: finite, max: finite, lambda: finite.optional() }),
  z.object({
    kind: z.literal("normal"),
    mean: finite,
    sd: finite,
    lo: finite.optional(),
    hi: finite.optional(),
  }),
  z.object({ kind: z.literal("lognormal"), median: finite, p90: finite }),
  z.object({ kind: z.literal("lognormalMuSigma"), mu: finite, sigma: finite }),
  z.object({ kind: z.literal("discrete"), values: z.array(finite), weights: z.array(finite) }),
]);

const OutputRefSchema = z.union([
  z.object({ metric: z.string() }),
  z.object({ series: z.string(), year: z.number() }),
]);

const SimulationSpecSchema = z.object({
  inputs: z.record(z.string(), DistributionSchema),
  regimeChain: z
    .union([
      z.object({ transition: z.record(z.string(), z.record(z.string(), z.number())) }),
      z.object({ anchored: z.object({ followPath: z.number(), returnToPath: z.number() }) }),
    ])
    .optional(),
  correlation: z.object({ inputs: z.array(z.string()), matrix: z.array(z.array(z.number())) }).optional(),
  thresholds: z
    .array(z.object({ output: OutputRefSchema, op: z.enum(["<", ">"]), value: z.number() }))
    .optional(),
  histogram: z.object({ output: OutputRefSchema.optional(), bins: z.number().optional() }).optional(),
  rankCorrelationOutput: OutputRefSchema.optional(),
  trackSeries: z.array(z.string()).optional(),
  keep: z.enum(["all", "listed"]).optional(),
});

/** Inputs a document may cite figures for (the model has a few dozen input paths), and the longest path. */
const MAX_CITATIONS = 500;
const MAX_CITATION_KEY_LENGTH = 200;

/** Versions 1 and 2 share a shape; only version 2 carries `userFigures` (a version 1 field of that name is ignored). */
const DocumentV1Schema = z.object({
  schema: z.literal(DOCUMENT_SCHEMA),
  version: z.union([z.literal(1), z.literal(2)]),
  savedAt: z.string(),
  scenario: z.object({
    name: z.string().trim().min(1).max(MAX_TEXT_LENGTH),
    presetId: z.string().max(MAX_TEXT_LENGTH).nullable(),
    scenario: z.unknown(),
    citations: z
      .record(
        z.string().min(1).max(MAX_CITATION_KEY_LENGTH),
        z
          .object({
            figureId: z
              .string()
              .regex(/^[a-z0-9_]+$/, "ids are lower-case snake_case")
              .max(64),
          })
          .strict(),
      )
      .refine((entries) => Object.keys(entries).length <= MAX_CITATIONS, {
        message: `at most ${MAX_CITATIONS} cited inputs`,
      })
      .optional(),
  }),
  simulationSpec: SimulationSpecSchema,
  simulationSettings: z
    .object({
      trials: z.number().int().min(2).max(1_000_000),
      seed: z.number().int().nonnegative(),
      sampling: z.enum(["lhs", "mc"]),
    })
    .optional(),
  userFigures: z.unknown().optional(),
  evidence: z.object({ observations: z.array(z.unknown()).max(MAX_OBSERVATIONS) }).optional(),
});

/** Version 0: one named scenario, no simulation spec. */
const DocumentV0Schema = z.object({
  schema: z.literal(DOCUMENT_SCHEMA),
  version: z.literal(0),
  savedAt: z.string().optional(),
  name: z.string().trim().min(1),
  scenario: z.unknown(),
});

// ---- steps -----------------------------------------------------------------------------------------------

/** v0 → v1: the scenario keeps its name, loses its preset link and gets the default simulation spec. */
function migrateFromV0(json: unknown): unknown {
  const v0 = DocumentV0Schema.safeParse(json);
  if (!v0.success) return invalid(zodMessage(v0.error));
  const scenario = validateScenario(v0.data.scenario);
  if (isModelError(scenario)) return invalid(`scenario: ${scenario.message}`);
  return {
    schema: DOCUMENT_SCHEMA,
    version: 1,
    savedAt: v0.data.savedAt ?? "",
    scenario: { name: v0.data.name, presetId: null, scenario },
    simulationSpec: defaultSimulationSpec(scenario),
  };
}

function validV1(json: unknown): ChipShiftDocument | ModelError {
  const parsed = DocumentV1Schema.safeParse(json);
  if (!parsed.success) return invalid(zodMessage(parsed.error));
  const doc = parsed.data;
  const userFigures = doc.version === 2 && doc.userFigures !== undefined ? validFigures(doc.userFigures) : [];
  if (isModelError(userFigures)) return userFigures;
  const scenario = validateScenario(doc.scenario.scenario);
  if (isModelError(scenario)) return invalid(`scenario.scenario: ${scenario.message}`);
  // The zod shape matches SimulationSpec; the checks below are the ones the engine applies before a run.
  const spec = doc.simulationSpec as SimulationSpec;
  const checked = validateSimulationSpec(scenario, spec);
  if (isModelError(checked)) return invalid(`simulationSpec: ${checked.message}`);
  if (spec.regimeChain !== undefined) {
    const chain = compileRegimeChain(scenario, spec.regimeChain);
    if (isModelError(chain)) return invalid(`simulationSpec.regimeChain: ${chain.message}`);
  }
  let evidence: EvidenceSet | undefined;
  if (doc.evidence !== undefined) {
    // Each entry's shape only (series, period text, finite value, sd > 0): whether a period lies within the
    // scenario's years is checked where the evidence is used (the pane names the entry), so a saved document
    // stays readable after the scenario's base year or horizon changed.
    const placed = placeObservations(doc.evidence.observations, { baseYear: 0, horizon: 10_000 });
    if (isModelError(placed)) return invalid(`evidence: ${placed.message}`);
    evidence = { observations: observationShape(placed) };
  }
  return {
    schema: DOCUMENT_SCHEMA,
    version: DOCUMENT_VERSION,
    savedAt: doc.savedAt,
    scenario: {
      name: doc.scenario.name,
      presetId: doc.scenario.presetId,
      scenario,
      ...(doc.scenario.citations === undefined || Object.keys(doc.scenario.citations).length === 0
        ? {}
        : { citations: doc.scenario.citations }),
    },
    simulationSpec: spec,
    ...(doc.simulationSettings === undefined ? {} : { simulationSettings: doc.simulationSettings }),
    ...(userFigures.length === 0 ? {} : { userFigures }),
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/** The stored figures of your own, each checked as the entry form checks it (length limits, https URL, ids). */
function validFigures(json: unknown): readonly UserFigure[] | ModelError {
  const parsed = UserFigureListSchema.safeParse(json);
  if (!parsed.success) {
    const message = zodMessage(parsed.error);
    return invalid(`userFigures${message.startsWith("document:") ? message.slice(8) : `.${message}`}`);
  }
  return parsed.data;
}

function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "the saved ChipShift document is malformed";
  const path = issue.path.map(String).join(".");
  return `${path === "" ? "document" : path}: ${issue.message}`;
}

function invalid(message: string): ModelError {
  return modelError("invalidInput", message);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        // fromCodePoint throws on a code point past U+10FFFF: keep such an entity as text for JSON to reject
        return code <= 0x10ffff ? String.fromCodePoint(code) : `&${entity};`;
      }
    }
  });
}
