import {
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_SPEC_RATIONALE } from "../../analysis/defaultSpec";
import type { RegimeMode, SimulateView, SpecDraftAction } from "./state";
import { transitionRowProblem } from "./state";

const MODES: readonly { readonly mode: RegimeMode; readonly label: string }[] = [
  { mode: "anchored", label: "Uncertain, anchored on the scenario's regime path" },
  { mode: "chain", label: "Uncertain, one transition matrix for every year" },
  { mode: "fixed", label: "Fixed: the scenario's regime path" },
];

/**
 * Regime uncertainty: the scenario's fixed path, the chain anchored on it (DESIGN §5.0: π and β with their
 * rationale), or a stationary Markov chain's annual transition matrix (row = this year's regime, column =
 * next year's) with row-sum validation.
 */
export function RegimeChainEditor({
  state,
  dispatch,
}: {
  readonly state: Pick<SimulateView, "regimeMode" | "transition" | "anchored">;
  readonly dispatch: (action: SpecDraftAction) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <RadioGroup
        aria-label="Regime uncertainty"
        value={state.regimeMode}
        onChange={(_, data) => {
          const mode = MODES.find((m) => m.mode === data.value)?.mode;
          if (mode !== undefined) dispatch({ type: "regimeModeChanged", mode });
        }}
      >
        {MODES.map((m) => (
          <Radio key={m.mode} value={m.mode} label={m.label} />
        ))}
      </RadioGroup>
      {state.regimeMode === "anchored" ? <AnchoredFields state={state} dispatch={dispatch} /> : null}
      {state.regimeMode === "chain" ? <TransitionMatrix state={state} dispatch={dispatch} /> : null}
    </div>
  );
}

function AnchoredFields({
  state,
  dispatch,
}: {
  readonly state: Pick<SimulateView, "regimeMode" | "transition" | "anchored">;
  readonly dispatch: (action: SpecDraftAction) => void;
}) {
  const styles = useStyles();
  const fields = [
    { field: "followPath", label: "Follow the path (π), % per year" },
    { field: "returnToPath", label: "Return to the path (β), % per year" },
  ] as const;
  return (
    <>
      {fields.map(({ field, label }) => {
        const raw = state.anchored[field];
        const v = Number(raw.trim().replace(/%$/, ""));
        const bad = raw.trim() === "" || !(v >= 0 && v <= 100);
        return (
          <Field
            key={field}
            label={label}
            validationState={bad ? "error" : "none"}
            validationMessage={bad ? "A percentage from 0 to 100" : undefined}
          >
            <Input
              size="small"
              className={styles.number}
              value={raw}
              onChange={(_, data) => dispatch({ type: "anchoredChanged", field, raw: data.value })}
            />
            <Caption1 className={styles.rationale}>{DEFAULT_SPEC_RATIONALE[`regimeChain.${field}`]}</Caption1>
          </Field>
        );
      })}
    </>
  );
}

function TransitionMatrix({
  state,
  dispatch,
}: {
  readonly state: Pick<SimulateView, "regimeMode" | "transition" | "anchored">;
  readonly dispatch: (action: SpecDraftAction) => void;
}) {
  const styles = useStyles();
  const names = Object.keys(state.transition);
  const problems = names
    .map((from) => transitionRowProblem(state, from))
    .filter((p): p is string => p !== undefined);
  return (
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
                    onChange={(_, data) => dispatch({ type: "transitionChanged", from, to, raw: data.value })}
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
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { width: "58px" },
  number: { width: "80px" },
  rationale: { color: tokens.colorNeutralForeground3 },
});
