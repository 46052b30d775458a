import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { Figure } from "../../figures";
import type { Provenance } from "../../model/types";
import { CiteFigureDialog } from "./CiteFigureDialog";
import type { InputDisplay } from "./inputCatalog";
import { ProvenanceBadge } from "./ProvenanceBadge";
import { VISUALLY_HIDDEN } from "../visuallyHidden";

export interface NumberFieldProps {
  /** Dotted path of the input; also the `data-path` of the box for tests. */
  readonly path: string;
  readonly label: string;
  /** The table row the box belongs to ("Licensed"): read before the label by screen readers, shown above. */
  readonly context?: string;
  readonly unit: string;
  readonly display: InputDisplay;
  readonly raw: string;
  /** Inline validation text ("; "-joined issues), empty when valid. */
  readonly message: string;
  /** Omit for inputs without their own badge (table cells share the table's badge). */
  readonly provenance?: Provenance | "none";
  /** Stable across renders (NumberField is memoised): receives this field's path. */
  readonly onChange: (path: string, raw: string) => void;
  /** With `onCite`/`onUncite`: a "Cite…" button to choose the figure this input cites (your figures first). */
  readonly citable?: {
    readonly figures: readonly Figure[];
    readonly citedFigureId: string | undefined;
    readonly onCite: (path: string, figureId: string) => void;
    readonly onUncite: (path: string) => void;
  };
}

/**
 * One labelled text box holding the raw text of a number, its unit after the box (also in the accessible
 * name), its inline validation messages under it, and its provenance badge. Fits a 320 px pane: the box
 * shrinks, the unit and the badge do not wrap.
 */
export const NumberField = memo(function NumberField(props: NumberFieldProps): React.JSX.Element {
  const styles = useStyles();
  const percent = props.display === "percent";
  const label = (
    <>
      {props.context === undefined ? null : <span className={styles.visuallyHidden}>{props.context}: </span>}
      {props.label}
      <span className={styles.visuallyHidden}> ({props.unit})</span>
    </>
  );
  const message = props.message !== "" ? inUserWords(props.message, props.path, percent) : undefined;
  return (
    <Field
      label={label}
      size="small"
      validationState={message ? "error" : "none"}
      validationMessage={message}
      className={styles.field}
    >
      {(controlProps) => (
        <div className={styles.row}>
          <Input
            {...controlProps}
            className={styles.input}
            input={{ className: styles.inputText }}
            size="small"
            value={props.raw}
            inputMode="decimal"
            data-path={props.path}
            contentAfter={<span className={styles.unit}>{props.unit}</span>}
            onChange={(_, data) => props.onChange(props.path, data.value)}
          />
          {props.provenance !== undefined ? (
            <ProvenanceBadge
              inputLabel={props.context === undefined ? props.label : `${props.context}: ${props.label}`}
              provenance={props.provenance === "none" ? undefined : props.provenance}
            />
          ) : null}
          {props.citable === undefined ? null : (
            <CiteFigureDialog
              path={props.path}
              inputLabel={props.context === undefined ? props.label : `${props.context}: ${props.label}`}
              citedFigureId={props.citable.citedFigureId}
              figures={props.citable.figures}
              onCite={props.citable.onCite}
              onRemove={props.citable.onUncite}
            />
          )}
        </div>
      )}
    </Field>
  );
});

/**
 * An engine message in the box's own terms: the dotted id it starts with is dropped (the field shows its label
 * above), and in a percent box the bounds and the value are said in % ("Must be between 0% and 100%, got 140%").
 *
 * @example inUserWords("domesticShareCap must be between 0 and 1, got 1.4", "domesticShareCap", true)
 *   // → "Must be between 0% and 100%, got 140%"
 */
export function inUserWords(text: string, path: string, percent: boolean): string {
  let body = text.startsWith(`${path} `) ? text.slice(path.length + 1) : text;
  if (percent) {
    body = body.replace(
      /^(must be (?:between|greater than|at least) )(.*)$/,
      (_, head: string, rest: string) =>
        head +
        rest.replace(
          /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi,
          (m) => `${Number((Number(m) * 100).toPrecision(12))}%`,
        ),
    );
  }
  if (body.startsWith("must be a number")) body = `${body}: type a number such as 36.6`;
  return body.charAt(0).toUpperCase() + body.slice(1);
}

const useStyles = makeStyles({
  field: { minWidth: 0 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  input: { flexGrow: 1, flexShrink: 1, minWidth: "96px", width: "100%" },
  inputText: { minWidth: 0 },
  unit: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  visuallyHidden: VISUALLY_HIDDEN,
});
