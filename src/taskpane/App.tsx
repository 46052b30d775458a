import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../workbook/port";
import type { SectionId } from "./paneState";
import { SectionErrorBoundary } from "./SectionErrorBoundary";
import { SectionTabs } from "./SectionTabs";
import { SECTIONS } from "./sections";
import type { PaneSection } from "./sections";
import type { ThemeMode } from "./theme";
import { WorkbookDocumentPanel } from "./persistence/WorkbookDocumentPanel";
import type { PaneStore } from "./store/PaneStoreProvider";
import { PaneStoreProvider, usePaneDispatch, usePaneSelector } from "./store/PaneStoreProvider";
import { VISUALLY_HIDDEN } from "./visuallyHidden";

const useStyles = makeStyles({
  provider: { height: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column" },
  subtitle: { color: tokens.colorNeutralForeground3 },
  panel: { paddingTop: tokens.spacingVerticalS },
  visuallyHidden: VISUALLY_HIDDEN,
});

export interface AppProps {
  /** The workbook to write to; null when there is none (outside Excel and outside the preview page). */
  readonly port: WorkbookPort | null;
  readonly sections?: readonly PaneSection[];
  /** Shown above the tabs, e.g. "running outside Excel"; dismissible. */
  readonly notice?: string | null;
  readonly theme?: ThemeMode;
  readonly initialSection?: SectionId;
  /** Test seam: a pane store made by the caller (default: a new one). */
  readonly store?: PaneStore;
}

/** The task pane shell: the pane store, then the title, host notice, tabs and the selected section. */
export function App({
  port,
  sections = SECTIONS,
  notice = null,
  theme = "light",
  initialSection,
  store,
}: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      className={styles.provider}
      applyStylesToPortals={false}
    >
      <PaneStoreProvider
        {...(store === undefined ? {} : { store })}
        options={{ section: initialSection ?? sections[0]?.id ?? "scenario" }}
      >
        <Shell port={port} sections={sections} notice={notice} />
      </PaneStoreProvider>
    </FluentProvider>
  );
}

function Shell({
  port,
  sections,
  notice,
}: {
  readonly port: WorkbookPort | null;
  readonly sections: readonly PaneSection[];
  readonly notice: string | null;
}) {
  const styles = useStyles();
  const state = usePaneSelector((s) => s.shell);
  const dispatch = usePaneDispatch();
  const current = sections.find((section) => section.id === state.section) ?? sections[0];

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" style={{ margin: 0 }}>
          ChipShift
        </Text>
        <Text size={200} className={styles.subtitle}>
          NVIDIA China revenue under export controls and China&apos;s shift to domestic AI chips
        </Text>
      </header>
      {notice === null || state.noticeDismissed ? null : (
        <MessageBar intent="info" data-testid="host-notice">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                onClick={() => dispatch({ type: "noticeDismissed" })}
              >
                Dismiss
              </Button>
            }
          />
        </MessageBar>
      )}
      <SectionTabs
        sections={sections}
        selected={state.section}
        onSelect={(section) => dispatch({ type: "sectionSelected", section })}
        tabId={tabId}
        panelId={panelId}
      />
      <WorkbookDocumentPanel port={port} />
      {/* A visited section stays mounted (hidden) so a running simulation keeps its worker across tab switches. */}
      {sections
        .filter((section) => section.id === current?.id || state.visited.includes(section.id))
        .map((section) => (
          <div
            key={section.id}
            role="tabpanel"
            id={panelId(section.id)}
            aria-labelledby={tabId(section.id)}
            className={styles.panel}
            hidden={section.id !== current?.id}
          >
            {/* The section's heading for screen readers (the selected tab shows its name): sections use h3. */}
            <h2 className={styles.visuallyHidden}>{section.label}</h2>
            <SectionErrorBoundary sectionLabel={section.label}>
              {section.render({ port })}
            </SectionErrorBoundary>
          </div>
        ))}
    </main>
  );
}

function tabId(section: SectionId): string {
  return `chipshift-tab-${section}`;
}

function panelId(section: SectionId): string {
  return `chipshift-panel-${section}`;
}
