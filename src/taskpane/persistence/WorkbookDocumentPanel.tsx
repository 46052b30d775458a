import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { SaveToWorkbook } from "./SaveToWorkbook";
import { useWorkbookDocument } from "./useWorkbookDocument";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface WorkbookDocumentPanelProps {
  readonly port: WorkbookPort | null;
  /** Clock for the saved time stamp (tests pass a fixed one). */
  readonly now?: () => string;
}

/**
 * The saved-document strip under the tabs: the restore prompt for a document found in the workbook, the
 * message for one that cannot be read (with an explicit overwrite), save errors, and the Save button. Renders
 * nothing when the workbook cannot hold a document. Must sit inside `PaneStoreProvider`.
 */
export function WorkbookDocumentPanel({ port, now }: WorkbookDocumentPanelProps) {
  const styles = useStyles();
  const doc = useWorkbookDocument(port, now);
  if (!doc.available) return null;
  const { status, saving, saveError, lastSavedAt } = doc.state;
  return (
    <div className={styles.root} data-testid="workbook-document">
      {status.kind === "found" ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Saved scenario</MessageBarTitle>
            This workbook has a saved ChipShift scenario &apos;{status.document.scenario.name}&apos;. Restore
            it, or ignore it and keep the current pane (later changes are then saved over it).
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={doc.restore}>
              Restore
            </Button>
            <Button size="small" onClick={doc.ignore}>
              Ignore
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {status.kind === "problem" ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{status.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={doc.save} disabled={saving}>
              Overwrite with current
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {saveError === undefined ? null : (
        <MessageBar intent="error">
          <MessageBarBody>{saveError}</MessageBarBody>
        </MessageBar>
      )}
      {doc.blocked === undefined ? null : (
        <MessageBar intent="warning">
          <MessageBarBody>{doc.blocked}</MessageBarBody>
        </MessageBar>
      )}
      <SaveToWorkbook
        onSave={doc.save}
        saving={saving}
        disabled={status.kind === "loading" || status.kind === "problem" || doc.blocked !== undefined}
        autosave={doc.autosave}
        {...(lastSavedAt === undefined ? {} : { lastSavedAt })}
      />
    </div>
  );
}
