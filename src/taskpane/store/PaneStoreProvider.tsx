/**
 * The pane store in React: one `paneStoreReducer` behind a tiny external store (getState / dispatch /
 * subscribe) provided by context, read with `usePaneSelector` (React's `useSyncExternalStore`, the pattern
 * React-Redux uses). A component re-renders only when what its selector returns changes, so typing in a
 * Scenario box does not re-render the hidden Figures tab. No state library: the reducer is the store.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import { mirrorUserFigures } from "../figures/userFigureRegistry";
import type { PaneAction, PaneState, PaneStateOptions } from "./paneStore";
import { initialPaneState, paneStoreReducer } from "./paneStore";

export interface PaneStore {
  getState(this: void): PaneState;
  dispatch(this: void, action: PaneAction): void;
  subscribe(this: void, listener: () => void): () => void;
}

/** A store over `paneStoreReducer`, starting at `initial`. */
export function createPaneStore(initial: PaneState = initialPaneState()): PaneStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = paneStoreReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const PaneStoreContext = createContext<PaneStore | null>(null);

export interface PaneStoreProviderProps {
  readonly children: ReactNode;
  /** A store made by the caller (tests); default: a new store from `options`. */
  readonly store?: PaneStore;
  readonly options?: PaneStateOptions;
}

export function PaneStoreProvider({ children, store, options }: PaneStoreProviderProps): React.JSX.Element {
  const [own] = useState(() => store ?? createPaneStore(initialPaneState(options)));
  const active = store ?? own;
  // The custom functions read the analyst's figures from a registry in src/figures: mirror the store into it.
  useEffect(() => mirrorUserFigures(active), [active]);
  return <PaneStoreContext.Provider value={active}>{children}</PaneStoreContext.Provider>;
}

/** The store; throws when rendered outside `PaneStoreProvider` (a wiring bug). */
export function usePaneStore(): PaneStore {
  const store = useContext(PaneStoreContext);
  if (store === null) throw new Error("usePaneStore() needs a <PaneStoreProvider> above it");
  return store;
}

/** What `selector` returns for the current state; re-renders when that value changes (by identity). */
export function usePaneSelector<T>(selector: (state: PaneState) => T): T {
  const store = usePaneStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

/** The store's dispatch (stable). */
export function usePaneDispatch(): PaneStore["dispatch"] {
  return usePaneStore().dispatch;
}
