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
} from "@fluentui/react-components";
import type { ScalarInputId } from "../../model/types";
import { formatDraftNumber } from "./distributionDraft";
import type { SimulateView, SpecDraftAction } from "./state";
import { correlationText } from "./state";

export interface CorrelationEditorProps {
  readonly state: Pick<SimulateView, "correlationInputs" | "correlationCells">;
  /** Inputs that currently carry a non-fixed distribution (the only ones that can be correlated). */
  readonly candidates: readonly ScalarInputId[];
  /** The matrix's problem and nearest valid matrix, when it is invalid. */
  readonly invalid?: { readonly message: string; readonly nearest: readonly (readonly number[])[] };
  readonly dispatch: (action: SpecDraftAction) => void;
}

/**
 * Target Spearman correlations between chosen inputs (Iman–Conover). Editing a cell sets its mirror too, the
 * diagonal is 1; an invalid matrix shows the problem and Higham's nearest valid matrix, applied only on click.
 */
export function CorrelationEditor({ state, candidates, invalid, dispatch }: CorrelationEditorProps) {
  const styles = useStyles();
  const ids = state.correlationInputs;
  return (
    <div className={styles.root}>
      <Text size={200}>Choose two or more uncertain inputs to correlate (rank correlation, −1 to 1).</Text>
      <div className={styles.choices}>
        {candidates.map((id) => (
          <Checkbox
            key={id}
            label={id}
            checked={ids.includes(id)}
            onChange={(_, data) =>
              dispatch({ type: "correlationToggled", id, included: data.checked === true })
            }
          />
        ))}
      </div>
      {ids.length >= 2 ? (
        <table className={styles.table} aria-label="Correlation matrix">
          <thead>
            <tr>
              <th scope="col" />
              {ids.map((id) => (
                <th key={id} scope="col" className={styles.head}>
                  {id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((a) => (
              <tr key={a}>
                <th scope="row" className={styles.head}>
                  {a}
                </th>
                {ids.map((b) => (
                  <td key={b}>
                    <Input
                      size="small"
                      className={styles.cell}
                      aria-label={`Correlation ${a} / ${b}`}
                      disabled={a === b}
                      value={correlationText(state, a, b)}
                      onChange={(_, data) => dispatch({ type: "correlationChanged", a, b, raw: data.value })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {invalid === undefined ? null : (
        <MessageBar intent="error" layout="multiline" data-testid="correlation-invalid">
          <MessageBarBody>
            <MessageBarTitle>Invalid correlation matrix</MessageBarTitle>
            {invalid.message}. The nearest valid matrix is:
            <table className={styles.table} aria-label="Nearest valid correlation matrix">
              <tbody>
                {invalid.nearest.map((row, i) => (
                  <tr key={i}>
                    {row.map((x, j) => (
                      <td key={j} className={styles.number}>
                        {formatDraftNumber(Number(x.toFixed(3)))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
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
  choices: { display: "flex", flexWrap: "wrap" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  head: {
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase100,
    maxWidth: "64px",
    overflowWrap: "anywhere",
  },
  cell: { width: "56px" },
  number: { paddingRight: tokens.spacingHorizontalS, textAlign: "right" },
});
