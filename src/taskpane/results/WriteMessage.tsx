import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { scrollIntoView } from "../feedback";
import type { WriteStatus } from "./sheetWrite";

export interface WriteMessageProps {
  readonly write: WriteStatus;
  /** What was written, first word of the success text ("Results", "Tornado"). */
  readonly what: string;
  readonly testId: string;
}

/** The outcome of "Write results": success with the sheet written, or the failure text; nothing otherwise. */
export function WriteMessage({ write, what, testId }: WriteMessageProps): React.JSX.Element | null {
  if (write.status === "written")
    return (
      <MessageBar key={`written:${write.sheet}`} intent="success" data-testid={testId} ref={scrollIntoView}>
        <MessageBarBody>
          {what} written to the sheet “{write.sheet}”
        </MessageBarBody>
      </MessageBar>
    );
  if (write.status === "failed")
    return (
      <MessageBar
        key={`failed:${write.message}`}
        intent="error"
        data-testid={testId}
        ref={scrollIntoView}
        layout="multiline"
      >
        <MessageBarBody>{write.message}</MessageBarBody>
      </MessageBar>
    );
  return null;
}
