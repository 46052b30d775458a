import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useReducer } from "react";
import type { WorkbookPort } from "../workbook/port";
import { initialPaneState, isSectionId, paneReducer } from "./paneState";
import type { SectionId } from "./paneState";
import { SECTIONS } from "./sections";
import type { PaneSection } from "./sections";
import type { ThemeMode } from "./theme";
import { WorkspaceProvider } from "./workspace";
import { WorkbookDocumentPanel } from "./persistence/WorkbookDocumentPanel";

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
  tabs: { flexWrap: "wrap" },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export interface AppProps {
  /** The workbook to write to; null when there is none (outside Excel and outside the preview page). */
  readonly port: WorkbookPort | null;
  readonly sections?: readonly PaneSection[];
  /** Shown above the tabs, e.g. "running outside Excel"; dismissible. */
  readonly notice?: string | null;
  readonly theme?: ThemeMode;
  readonly initialSection?: SectionId;
}

/** The task pane shell: title, optional host notice, keyboard-navigable tabs and the selected section. */
export function App({ port, sections = SECTIONS, notice = null, theme = "light", initialSection }: AppProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(
    paneReducer,
    initialSection ?? sections[0]?.id ?? "scenario",
    initialPaneState,
  );
  const current = sections.find((section) => section.id === state.section) ?? sections[0];

  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      className={styles.provider}
      applyStylesToPortals={false}
    >
      <WorkspaceProvider>
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
          <TabList
            className={styles.tabs}
            aria-label="ChipShift sections"
            selectedValue={state.section}
            onTabSelect={(_, data) => {
              if (isSectionId(data.value)) dispatch({ type: "sectionSelected", section: data.value });
            }}
          >
            {sections.map((section) => (
              <Tab
                key={section.id}
                id={tabId(section.id)}
                value={section.id}
                aria-controls={panelId(section.id)}
              >
                {section.label}
              </Tab>
            ))}
          </TabList>
          <WorkbookDocumentPanel port={port} />
          {/* A visited section stays mounted (hidden) so its edits and a running simulation survive tab switches. */}
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
                {section.render({ port })}
              </div>
            ))}
        </main>
      </WorkspaceProvider>
    </FluentProvider>
  );
}

function tabId(section: SectionId): string {
  return `chipshift-tab-${section}`;
}

function panelId(section: SectionId): string {
  return `chipshift-panel-${section}`;
}
