import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { FormEvent } from "react";
import {
  EVIDENCE_CLASSES,
  EVIDENCE_LABELS,
  FIGURE_UNITS,
  PRIMARY_EVIDENCE,
  validateUserFigure,
} from "../../figures";
import type { EvidenceClass, UserFigure } from "../../figures";
import { isModelError } from "../../model/errors";
import { scrollIntoView } from "../feedback";
import { evidenceDescription, unitLabel } from "./figureFormat";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    // Fields of a pair start level: one with a hint below its box must not push its neighbour's box down.
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  field: { minWidth: 0 },
  control: { minWidth: 0, width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The form's text boxes, as typed (validated only on save). */
interface Draft {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly asOf: string;
  readonly title: string;
  readonly publisher: string;
  readonly url: string;
  readonly quote: string;
  readonly evidence: EvidenceClass;
  readonly note: string;
  readonly issuer: string;
  readonly form: string;
  readonly period: string;
  readonly section: string;
}

type DraftField = Exclude<keyof Draft, "evidence">;

function draftOf(fig: UserFigure | undefined): Draft {
  return {
    id: fig?.id ?? "",
    label: fig?.label ?? "",
    value: fig === undefined ? "" : String(fig.value),
    unit: fig?.unit ?? "USD_billion",
    asOf: fig?.asOf ?? "",
    title: fig?.title ?? "",
    publisher: fig?.publisher ?? "",
    url: fig?.url ?? "",
    quote: fig?.quote ?? "",
    evidence: fig?.evidence ?? "analyst",
    note: fig?.note ?? "",
    issuer: fig?.primary?.issuer ?? "",
    form: fig?.primary?.form ?? "",
    period: fig?.primary?.period ?? "",
    section: fig?.primary?.section ?? "",
  };
}

/** The draft as the figure the schema checks: the value parsed ("1,234.5" → 1234.5), blank note dropped. */
function inputOf(draft: Draft): Record<string, unknown> {
  const number = draft.value.trim() === "" ? Number.NaN : Number(draft.value.trim().replace(/,/g, ""));
  return {
    id: draft.id,
    label: draft.label,
    value: number,
    unit: draft.unit,
    asOf: draft.asOf,
    title: draft.title,
    publisher: draft.publisher,
    url: draft.url,
    quote: draft.quote,
    evidence: draft.evidence,
    ...(draft.note.trim() === "" ? {} : { note: draft.note }),
    ...(PRIMARY_EVIDENCE.includes(draft.evidence)
      ? { primary: { issuer: draft.issuer, form: draft.form, period: draft.period, section: draft.section } }
      : {}),
  };
}

/** The draft field an error message ("primary.issuer: …", "value: …") is about. */
function fieldOfMessage(message: string): string | undefined {
  const path = /^([\w.]+): /.exec(message)?.[1];
  return path?.replace(/^primary\./, "");
}

/** The form opens where the user is looking: its top scrolls into view (Edit is clicked far below it). */
function showFormTop(element: HTMLElement | null): void {
  if (element !== null && typeof element.scrollIntoView === "function")
    element.scrollIntoView({ block: "start", behavior: "smooth" });
}

export interface UserFigureFormProps {
  /** The figure being edited; undefined to add a new one. */
  readonly editing?: UserFigure;
  /** The analyst's figures now (ids must stay unique). */
  readonly existing: readonly UserFigure[];
  readonly onSave: (figure: UserFigure, replacing?: string) => void;
  readonly onCancel: () => void;
}

/**
 * "Add figure" / "Edit figure": the analyst's own cited figure, checked on save by the dataset's rules
 * (`validateUserFigure`: https URL, snake_case id that is not a dataset id, length limits, a primary reference
 * for a filing, company or regulator source). The first problem shows under its field and in a message bar.
 */
export function UserFigureForm({ editing, existing, onSave, onCancel }: UserFigureFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const [problem, setProblem] = useState<string | null>(null);
  const problemField = problem === null ? undefined : fieldOfMessage(problem);
  const set = (field: DraftField) => (_: unknown, data: { value: string }) =>
    setDraft((d) => ({ ...d, [field]: data.value }));
  const fieldProps = (field: DraftField) =>
    problemField === field && problem !== null
      ? { validationState: "error" as const, validationMessage: problem.slice(problem.indexOf(": ") + 2) }
      : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateUserFigure(inputOf(draft), existing, editing?.id);
    if (isModelError(checked)) {
      setProblem(checked.message);
      return;
    }
    setProblem(null);
    onSave(checked, editing?.id);
  };

  const text = (field: DraftField, label: string, hint?: string, required = true) => (
    <Field label={label} required={required} hint={hint} className={styles.field} {...fieldProps(field)}>
      <Input className={styles.control} value={draft[field]} onChange={set(field)} />
    </Field>
  );
  const needsPrimary = PRIMARY_EVIDENCE.includes(draft.evidence);

  return (
    <form
      ref={showFormTop}
      className={styles.form}
      onSubmit={submit}
      aria-label={editing === undefined ? "Add figure" : "Edit figure"}
      data-testid="user-figure-form"
      noValidate
    >
      <Text as="h3" weight="semibold" size={400} style={{ margin: 0 }}>
        {editing === undefined ? "Add your own cited figure" : `Edit ${editing.id}`}
      </Text>
      {text("id", "Id", "Lower-case snake_case, e.g. house_china_dc_2027; not a dataset id")}
      {text("label", "Label")}
      <div className={styles.pair}>
        {text("value", "Value")}
        <Field label="Unit" required className={styles.field}>
          <Select className={styles.control} value={draft.unit} onChange={set("unit")}>
            {FIGURE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unitLabel(unit)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {text("asOf", "As of", "The period the figure describes, e.g. Q3 FY2027")}
      {text("title", "Source title")}
      {text("publisher", "Publisher")}
      {text("url", "URL", "https:// address of the source")}
      <Field
        label="Quote"
        required
        hint="Verbatim from the source"
        className={styles.field}
        {...fieldProps("quote")}
      >
        <Textarea className={styles.control} value={draft.quote} onChange={set("quote")} resize="vertical" />
      </Field>
      <Field
        label="Evidence class"
        required
        hint={evidenceDescription(draft.evidence)}
        className={styles.field}
      >
        <Select
          className={styles.control}
          value={draft.evidence}
          onChange={(_, data) =>
            setDraft((d) => ({
              ...d,
              evidence: EVIDENCE_CLASSES.find((c) => c === data.value) ?? d.evidence,
            }))
          }
        >
          {EVIDENCE_CLASSES.map((evidence) => (
            <option key={evidence} value={evidence}>
              {EVIDENCE_LABELS[evidence]}
            </option>
          ))}
        </Select>
      </Field>
      {needsPrimary ? (
        <>
          <Text size={200} className={styles.hint}>
            Primary reference: the filing or statement the figure originates in (its URL is the one above).
          </Text>
          <div className={styles.pair}>
            {text("issuer", "Issuer")}
            {text("form", "Form", "e.g. 10-Q")}
          </div>
          <div className={styles.pair}>
            {text("period", "Period")}
            {text("section", "Section")}
          </div>
        </>
      ) : null}
      <Field label="Note" className={styles.field} {...fieldProps("note")}>
        <Textarea className={styles.control} value={draft.note} onChange={set("note")} resize="vertical" />
      </Field>
      {problem === null ? null : (
        <MessageBar intent="error" data-testid="user-figure-problem" layout="multiline" ref={scrollIntoView}>
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          Save figure
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
