import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ResultTag } from "./resultTag";

const useStyles = makeStyles({
  caption: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface ResultBannerProps {
  readonly tag: ResultTag;
  readonly stale: boolean;
  /** What the result is ("Simulation", "Tornado"). */
  readonly what: string;
  /** Re-runs with the inputs on screen; absent when that is not possible now (the marker then says why). */
  readonly onRerun?: () => void;
  /** Why a re-run is not possible now (inputs with problems). */
  readonly rerunBlocked?: string;
  readonly testId: string;
}

/**
 * The line above every result: which scenario it is for (name + inputs fingerprint), and, when the inputs on
 * screen changed since, a stale marker with a one-click re-run.
 */
export function ResultBanner({ tag, stale, what, onRerun, rerunBlocked, testId }: ResultBannerProps) {
  const styles = useStyles();
  return (
    <>
      <Text size={200} className={styles.caption} data-testid={`${testId}-scenario`}>
        {what} for “{tag.scenarioName}” · inputs {tag.fingerprint}
      </Text>
      {stale ? (
        <MessageBar intent="warning" data-testid={`${testId}-stale`} layout="multiline">
          <MessageBarBody>
            Out of date: the inputs changed since this {what.toLowerCase()} was computed.
            {rerunBlocked === undefined ? "" : ` ${rerunBlocked}`}
          </MessageBarBody>
          {onRerun === undefined ? null : (
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={onRerun}>
                Re-run
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : null}
    </>
  );
}

export interface StaleWriteDialogProps {
  readonly open: boolean;
  readonly tag: ResultTag;
  readonly sheet: string;
  readonly onWrite: () => void;
  readonly onCancel: () => void;
}

/** Asked before writing a stale result: the sheet would hold numbers that no longer match the inputs. */
export function StaleWriteDialog({ open, tag, sheet, onWrite, onCancel }: StaleWriteDialogProps) {
  // Mounted on first open and kept: a closed Fluent dialog still sets up its focus management (Tabster's
  // modalizer) when it mounts, which made the render that shows a run's results a long task.
  const [used, setUsed] = useState(open);
  if (open && !used) setUsed(true);
  if (!used) return null;
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Write out-of-date results?</DialogTitle>
          <DialogContent>
            These results are for “{tag.scenarioName}” (inputs {tag.fingerprint}); the inputs have changed
            since. “{sheet}” will say which scenario and inputs they came from. Re-run first to write results
            for the inputs on screen.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onWrite}>
              Write anyway
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
