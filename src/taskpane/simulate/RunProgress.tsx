import { Field, makeStyles, ProgressBar, Text } from "@fluentui/react-components";
import { useEffect, useState, useSyncExternalStore } from "react";

/** Progress of the running job, kept outside the section's reducer so a progress tick re-renders only the bar. */
export interface ProgressStore {
  set(this: void, done: number, total: number): void;
  get(this: void): { readonly done: number; readonly total: number };
  subscribe(this: void, listener: () => void): () => void;
}

export function createProgressStore(): ProgressStore {
  let value = { done: 0, total: 0 };
  const listeners = new Set<() => void>();
  return {
    set: (done, total) => {
      value = { done, total };
      for (const listener of [...listeners]) listener();
    },
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const useStyles = makeStyles({
  // A tick changes only this box: containment keeps its relayout and repaint from spreading to the whole page
  // (measured: without it a tick cost 20–40 ms of layout + paint on the preview page, over the long-task budget).
  contained: { contain: "content" },
});

/** "n of N trials" with a progress bar. */
export function RunProgress({ store }: { readonly store: ProgressStore }) {
  const styles = useStyles();
  const { done, total } = useSyncExternalStore(store.subscribe, store.get);
  return (
    <Field
      className={styles.contained}
      validationMessage={`${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} trials`}
      validationState="none"
    >
      <ProgressBar
        value={total > 0 ? done / total : 0}
        aria-label="Simulation progress"
        data-testid="simulation-progress"
      />
    </Field>
  );
}

/**
 * The background half of a split run (the other series and the rank correlations, which the sheet and the
 * Sensitivity tab read): its progress, or why it failed.
 */
export function RestOfRun({ store, error }: { readonly store: ProgressStore; readonly error?: string }) {
  const styles = useStyles();
  // Subscribed in an effect, not with useSyncExternalStore: this bar mounts inside the results' deferred
  // render, and a tick of an external store read during a concurrent render makes React redo the whole render
  // synchronously (one long task). A tick re-renders only this bar.
  const [{ done, total }, setProgress] = useState(store.get);
  useEffect(() => store.subscribe(() => setProgress(store.get())), [store]);
  if (error !== undefined) {
    return (
      <Text size={200} role="alert" data-testid="simulation-rest">
        The other series and rank correlations could not be computed ({error}). Run the simulation again to
        write results.
      </Text>
    );
  }
  const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
  return (
    <Field
      className={styles.contained}
      label="Other series and rank correlations (for Write results and Sensitivity)"
      size="small"
      validationMessage={`${percent}%: the same trials, summarized for the other outputs`}
      validationState="none"
      data-testid="simulation-rest"
    >
      <ProgressBar
        value={total > 0 ? done / total : 0}
        aria-label="Other series progress"
        thickness="medium"
      />
    </Field>
  );
}
