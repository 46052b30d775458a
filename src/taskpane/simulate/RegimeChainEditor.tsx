import { Input, makeStyles, MessageBar, MessageBarBody, Switch, tokens } from "@fluentui/react-components";
import type { SimulateView, SpecDraftAction } from "./state";
import { transitionRowProblem } from "./state";

/**
 * Regime uncertainty: a switch between the scenario's fixed regime path and a Markov chain, and the chain's
 * annual transition matrix (row = this year's regime, column = next year's) with row-sum validation.
 */
export function RegimeChainEditor({
  state,
  dispatch,
}: {
  readonly state: Pick<SimulateView, "regimeMode" | "transition">;
  readonly dispatch: (action: SpecDraftAction) => void;
}) {
  const styles = useStyles();
  const names = Object.keys(state.transition);
  const problems = names
    .map((from) => transitionRowProblem(state, from))
    .filter((p): p is string => p !== undefined);
  const chain = state.regimeMode === "chain";
  return (
    <div className={styles.root}>
      <Switch
        checked={chain}
        label={
          chain
            ? "Uncertain regimes: a Markov chain draws each trial's path"
            : "Fixed regime path (the scenario's)"
        }
        onChange={(_, data) =>
          dispatch({ type: "regimeModeChanged", mode: data.checked ? "chain" : "fixed" })
        }
      />
      {chain ? (
        <>
          <table className={styles.table} aria-label="Regime transition probabilities">
            <thead>
              <tr>
                <th scope="col">From \ to</th>
                {names.map((to) => (
                  <th key={to} scope="col">
                    {to}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {names.map((from) => (
                <tr key={from}>
                  <th scope="row">{from}</th>
                  {names.map((to) => (
                    <td key={to}>
                      <Input
                        size="small"
                        className={styles.cell}
                        aria-label={`P(${from} → ${to})`}
                        value={state.transition[from]?.[to] ?? ""}
                        onChange={(_, data) =>
                          dispatch({ type: "transitionChanged", from, to, raw: data.value })
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > 0 ? (
            <MessageBar intent="error">
              <MessageBarBody>{problems.join(". ")}</MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { width: "58px" },
});
