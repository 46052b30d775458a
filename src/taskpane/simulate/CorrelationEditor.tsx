import {
  Button,
  Checkbox,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { ScalarInputId } from "../../model/types";
import { useNarrowStyles } from "../narrowStyles";
import { formatDraftNumber } from "./distributionDraft";
import type { SimulateView, SpecDraftAction } from "./state";
import { correlationText } from "./state";
import { inputName } from "./stochasticInputs";

export interface CorrelationEditorProps {
  readonly state: Pick<SimulateView, "correlationInputs" | "correlationCells">;
  /** Inputs that currently carry a non-fixed distribution (the only ones that can be correlated). */
  readonly candidates: readonly ScalarInputId[];
  /** The matrix's problem and nearest valid matrix, when it is invalid. */
  readonly invalid?: { readonly message: string; readonly nearest: readonly (readonly number[])[] };
  readonly dispatch: (action: SpecDraftAction) => void;
}

/**
 * Target Spearman correlations between chosen inputs (Iman–Conover), one box per pair of inputs (the upper
 * triangle of the matrix as a list, so it fits a 320 px pane for any number of inputs); the diagonal is 1. An
 * invalid matrix shows the problem and Higham's nearest valid matrix, applied only on click.
 */
export function CorrelationEditor({ state, candidates, invalid, dispatch }: CorrelationEditorProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const ids = state.correlationInputs;
  const idPrefix = useId("correlation");
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b, k) => ({ a, b, i, j: i + 1 + k })));
  return (
    <div className={styles.root}>
      <Text size={200}>Choose two or more uncertain inputs to correlate (rank correlation, −1 to 1).</Text>
      <div className={styles.choices}>
        {candidates.map((id) => (
          <Checkbox
            key={id}
            label={inputName(id)}
            checked={ids.includes(id)}
            onChange={(_, data) =>
              dispatch({ type: "correlationToggled", id, included: data.checked === true })
            }
          />
        ))}
      </div>
      {pairs.length > 0 ? (
        <ul className={styles.pairs} aria-label="Correlations between the chosen inputs">
          {pairs.map(({ a, b }) => (
            <li key={`${a}|${b}`} className={styles.pair}>
              <label className={styles.pairName} htmlFor={`${idPrefix}-${a}-${b}`}>
                {inputName(a)} ↔ {inputName(b)}
              </label>
              <Input
                size="small"
                id={`${idPrefix}-${a}-${b}`}
                aria-label={`Correlation ${inputName(a)} ↔ ${inputName(b)}`}
                className={`${narrow.root} ${styles.cell}`}
                input={{ className: narrow.control }}
                inputMode="decimal"
                value={correlationText(state, a, b)}
                onChange={(_, data) => dispatch({ type: "correlationChanged", a, b, raw: data.value })}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {invalid === undefined ? null : (
        <MessageBar intent="error" layout="multiline" data-testid="correlation-invalid">
          <MessageBarBody>
            <MessageBarTitle>Invalid correlation matrix</MessageBarTitle>
            {invalid.message}. The nearest valid matrix is:
            <ul className={styles.nearest} aria-label="Nearest valid correlations">
              {pairs.map(({ a, b, i, j }) => (
                <li key={`${a}|${b}`}>
                  {inputName(a)} ↔ {inputName(b)}:{" "}
                  <strong>{formatDraftNumber(Number((invalid.nearest[i]?.[j] ?? 0).toFixed(3)))}</strong>
                </li>
              ))}
            </ul>
            <Button
              size="small"
              onClick={() => dispatch({ type: "nearestApplied", matrix: invalid.nearest })}
            >
              Use nearest valid matrix
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  choices: { display: "flex", flexDirection: "column" },
  pairs: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  pair: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  pairName: { minWidth: 0, overflowWrap: "anywhere" },
  cell: { width: "64px", flexShrink: 0 },
  nearest: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});
