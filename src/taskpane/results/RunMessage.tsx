import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { scrollIntoView } from "../feedback";
import type { RunStatus } from "../simulate/runState";

export interface RunMessageProps {
  readonly run: RunStatus;
  /** First word of the cancel text ("Simulation", "Run"). */
  readonly what: string;
  /** Whether results of an earlier run are still shown below. */
  readonly hasPrevious: boolean;
  readonly testId: string;
}

/** The outcome of a simulation run that gave no new result: its failure, or how far it got before Cancel. */
export function RunMessage({ run, what, hasPrevious, testId }: RunMessageProps): React.JSX.Element | null {
  if (run.status === "failed")
    return (
      <MessageBar
        key={run.message}
        intent="error"
        data-testid={testId}
        layout="multiline"
        ref={scrollIntoView}
      >
        <MessageBarBody>{run.message}</MessageBarBody>
      </MessageBar>
    );
  if (run.status === "cancelled")
    return (
      <MessageBar intent="warning" data-testid={testId} layout="multiline">
        <MessageBarBody>
          {what} cancelled after {run.done.toLocaleString("en-US")} of {run.total.toLocaleString("en-US")}{" "}
          trials.
          {hasPrevious ? " The results below are from the previous run." : " Run again to get results."}
        </MessageBarBody>
      </MessageBar>
    );
  return null;
}
