import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";

export interface SectionErrorBoundaryProps {
  /** The section's name, e.g. "Simulate" (said in the message). */
  readonly sectionLabel: string;
  readonly children: ReactNode;
}

interface SectionErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Keeps one section's failure inside that section: instead of a blank pane (e.g. a hostile saved document
 * whose data a view cannot draw), the section shows what went wrong and a way to try again, while the title,
 * the tabs, the other sections and the workbook document panel (Overwrite, Export) stay usable.
 */
export class SectionErrorBoundary extends Component<SectionErrorBoundaryProps, SectionErrorBoundaryState> {
  override state: SectionErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): SectionErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Visible in the browser's console (F12) for a bug report; the user sees the message below.
    console.error(`ChipShift: the ${this.props.sectionLabel} section failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{`The ${this.props.sectionLabel} section could not be shown`}</MessageBarTitle>
          {`${error.message.slice(0, 300)}. The other tabs and the workbook document panel still work: use them to overwrite or export the saved state, or try this section again.`}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
