/**
 * The analyst's own cited figures: their schema (the entry form's fields, with hard length limits), the
 * conversion to a dataset `Figure` (validated by the dataset's own `FigureSchema`, so a user figure obeys every
 * provenance rule a shipped one does) and a registry that `findFigure` consults after the dataset. The pane
 * sets the registry from its store (the workbook document holds the figures); the custom functions, which
 * share the pane's runtime, read it through `findFigure`. Pure module state: no host globals.
 */
import { z } from "zod";
import type { ModelError } from "../model/errors";
import { modelError } from "../model/errors";
import { EVENTS, FIGURES } from "./dataset";
import type { Figure } from "./schema";
import { EVIDENCE_CLASSES, FIGURE_UNITS, FigureSchema, PRIMARY_EVIDENCE } from "./schema";

/** Most user figures a workbook holds. */
export const MAX_USER_FIGURES = 200;

/** Longest text per field (characters): far below Excel's 32,767-character cell limit. */
export const USER_FIGURE_LIMITS = {
  id: 64,
  label: 200,
  asOf: 60,
  title: 300,
  publisher: 120,
  url: 2000,
  quote: 2000,
  note: 1000,
  primaryField: 200,
} as const;

/** Category and entity every user figure carries (the pane and CS Sources mark them as the analyst's). */
export const USER_FIGURE_CATEGORY = "user_figure";
export const USER_FIGURE_ENTITY = "Your figures";

/** Names an id must not take even though a `Map` would store them safely: members of every plain object. */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  "constructor",
  "prototype",
  "hasownproperty",
  "isprototypeof",
  "propertyisenumerable",
  "tolocalestring",
  "tostring",
  "valueof",
]);

const DATASET_IDS: ReadonlySet<string> = new Set([...FIGURES, ...EVENTS].map((row) => row.id));

function limitedText(field: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} is too long (at most ${max.toLocaleString("en-US")} characters)`);
}

const httpsUrl = z
  .string()
  .trim()
  .max(USER_FIGURE_LIMITS.url, `URL is too long (at most ${USER_FIGURE_LIMITS.url} characters)`)
  .refine((url) => /^https:\/\/[^\s/?#]+\.[^\s]*$/i.test(url) && z.url().safeParse(url).success, {
    message: "URL must be a web address starting with https://",
  });

const userId = z
  .string()
  .trim()
  .max(USER_FIGURE_LIMITS.id, `id is too long (at most ${USER_FIGURE_LIMITS.id} characters)`)
  .regex(/^[a-z][a-z0-9_]*$/, "id must start with a letter and use only a–z, 0–9 and _ (snake_case)")
  .refine((id) => !RESERVED_IDS.has(id), { message: "this id is reserved; choose another" });

/** Where a filing, company or regulator figure originates (its URL is the figure's URL). */
export const UserPrimarySchema = z
  .object({
    issuer: limitedText("issuer", USER_FIGURE_LIMITS.primaryField),
    form: limitedText("form", USER_FIGURE_LIMITS.primaryField),
    period: limitedText("period", USER_FIGURE_LIMITS.primaryField),
    section: limitedText("section", USER_FIGURE_LIMITS.primaryField),
  })
  .strict();

/**
 * One figure as the workbook document stores it. A stored id may since have been taken by a newer dataset:
 * the document still opens, and the dataset figure wins the look-up (the registry skips the shadowing one).
 */
export const StoredUserFigureSchema = z
  .object({
    id: userId,
    label: limitedText("label", USER_FIGURE_LIMITS.label),
    value: z.number({ message: "value must be a number" }).finite("value must be a finite number"),
    unit: z.enum(FIGURE_UNITS, { message: "unit must be one of the dataset's units" }),
    asOf: limitedText("as of", USER_FIGURE_LIMITS.asOf),
    title: limitedText("source title", USER_FIGURE_LIMITS.title),
    publisher: limitedText("publisher", USER_FIGURE_LIMITS.publisher),
    url: httpsUrl,
    quote: limitedText("quote", USER_FIGURE_LIMITS.quote),
    evidence: z.enum(EVIDENCE_CLASSES, { message: "evidence class must be one of the six classes" }),
    note: limitedText("note", USER_FIGURE_LIMITS.note).optional(),
    primary: UserPrimarySchema.optional(),
  })
  .strict()
  .superRefine((fig, ctx) => {
    if (PRIMARY_EVIDENCE.includes(fig.evidence) && fig.primary === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["primary"],
        message: `evidence "${fig.evidence}" originates in a filing or official statement: give its issuer, form, period and section`,
      });
    }
  });

/** One figure as the analyst enters it: a stored figure whose id is not a dataset figure's or event's. */
export const UserFigureSchema = StoredUserFigureSchema.refine((fig) => !DATASET_IDS.has(fig.id), {
  path: ["id"],
  message: "this id belongs to a figure or event of the ChipShift dataset; choose another",
});

export type UserFigure = z.infer<typeof StoredUserFigureSchema>;
export type UserPrimary = z.infer<typeof UserPrimarySchema>;

/** The list a document holds: at most `MAX_USER_FIGURES`, ids unique. */
export const UserFigureListSchema = z
  .array(StoredUserFigureSchema)
  .max(MAX_USER_FIGURES, `at most ${MAX_USER_FIGURES} of your own figures`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((fig, index) => {
      if (seen.has(fig.id))
        ctx.addIssue({ code: "custom", path: [index, "id"], message: `id "${fig.id}" is used twice` });
      seen.add(fig.id);
    });
  });

/**
 * A user figure as a dataset `Figure`: category "user_figure", entity "Your figures", confidence "estimate"
 * for an analyst or secondary source and "reported" otherwise, and for a primary class a primary reference
 * whose URL is the figure's (not verified against a stored copy). Parsed by the dataset's `FigureSchema`.
 */
export function userFigureAsFigure(fig: UserFigure): Figure {
  return FigureSchema.parse({
    id: fig.id,
    label: fig.label,
    value: fig.value,
    unit: fig.unit,
    asOf: fig.asOf,
    entity: USER_FIGURE_ENTITY,
    category: USER_FIGURE_CATEGORY,
    source: { title: fig.title, publisher: fig.publisher, url: fig.url, date: null },
    quote: fig.quote,
    confidence: fig.evidence === "analyst" || fig.evidence === "secondary" ? "estimate" : "reported",
    ...(fig.note === undefined ? {} : { note: fig.note }),
    evidence: fig.evidence,
    ...(fig.primary === undefined || !PRIMARY_EVIDENCE.includes(fig.evidence)
      ? {}
      : { primary: { ...fig.primary, url: fig.url, verified: false } }),
  });
}

/**
 * Checks one figure from the form or a file: the schema, then that its id is not taken by another of the
 * list (`replacing` is the id being edited, which it may keep).
 * @returns the figure, or ModelError invalidInput naming the field ("label: label is too long …")
 */
export function validateUserFigure(
  input: unknown,
  existing: readonly UserFigure[] = [],
  replacing?: string,
): UserFigure | ModelError {
  const parsed = UserFigureSchema.safeParse(input);
  if (!parsed.success) return modelError("invalidInput", issueMessage(parsed.error));
  const fig = parsed.data;
  if (fig.id !== replacing && existing.some((other) => other.id === fig.id)) {
    return modelError("invalidInput", `id: you already have a figure "${fig.id}"; choose another id`);
  }
  if (replacing === undefined && existing.length >= MAX_USER_FIGURES) {
    return modelError("invalidInput", `you can keep at most ${MAX_USER_FIGURES} of your own figures`);
  }
  return fig;
}

function issueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "the figure is malformed";
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

// ---- the registry -----------------------------------------------------------------------------------------

let registry: ReadonlyMap<string, Figure> = new Map();
let registered: readonly UserFigure[] = [];

/**
 * Replaces the registered user figures (the pane calls this whenever its list changes). Entries that fail
 * validation are skipped, so a bad entry can never shadow a dataset figure.
 * @returns how many figures were registered
 */
export function setUserFigures(figures: readonly UserFigure[]): number {
  if (figures === registered) return registry.size;
  const next = new Map<string, Figure>();
  for (const fig of figures.slice(0, MAX_USER_FIGURES)) {
    const checked = UserFigureSchema.safeParse(fig);
    if (!checked.success || next.has(checked.data.id)) continue;
    next.set(checked.data.id, Object.freeze(userFigureAsFigure(checked.data)));
  }
  registered = figures;
  registry = next;
  return next.size;
}

/** The registered user figure with this (normalised) id, else undefined. */
export function findUserFigure(id: string): Figure | undefined {
  return registry.get(id);
}

/** Every registered user figure, in the order given. */
export function userFigureList(): readonly Figure[] {
  return [...registry.values()];
}

/** True when `id` names one of the analyst's own figures (registered now). */
export function isUserFigureId(id: string): boolean {
  return registry.has(id);
}
