import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  caption: { color: tokens.colorNeutralForeground3 },
});

export interface SaveToWorkbookProps {
  readonly onSave: () => void;
  readonly saving: boolean;
  /** Explicit saving is off while the saved document is loading or cannot be read (see the MessageBar). */
  readonly disabled: boolean;
  readonly autosave: boolean;
  /** ISO time of the last save in this session. */
  readonly lastSavedAt?: string;
}

/** The "Save to workbook" button with a one-line status (last save, autosave on/off). */
export function SaveToWorkbook({ onSave, saving, disabled, autosave, lastSavedAt }: SaveToWorkbookProps) {
  const styles = useStyles();
  const saved = lastSavedAt === undefined ? "" : `Saved ${timeOf(lastSavedAt)}. `;
  return (
    <div className={styles.bar} role="group" aria-label="Saved scenario">
      <Button size="small" onClick={onSave} disabled={disabled || saving}>
        {saving ? "Saving…" : "Save to workbook"}
      </Button>
      <Text size={200} className={styles.caption} data-testid="save-status">
        {saved}
        {autosave ? "Changes are saved with the workbook automatically." : "Automatic saving is off."}
      </Text>
    </div>
  );
}

function timeOf(iso: string): string {
  const match = /T(\d{2}:\d{2})/.exec(iso);
  return match?.[1] ?? iso;
}
