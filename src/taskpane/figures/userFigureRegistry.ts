import { setUserFigures, type UserFigure } from "../../figures/userFigures";

/** What the mirror needs of the pane store (structural, so this file does not depend on the store's module). */
interface UserFigureSource {
  getState(): { readonly userFigures: readonly UserFigure[] };
  subscribe(listener: () => void): () => void;
}

/**
 * Keeps the functions' user-figure registry (src/figures/userFigures.ts) equal to the pane store's list: the
 * pane and the custom functions share one runtime, so `CHIPS.FIGURE("my_id")` sees a figure as soon as it is
 * added, edited, deleted or restored with the document. The store holds the list; the registry only mirrors it.
 * @returns the unsubscribe function (for an effect's cleanup)
 */
export function mirrorUserFigures(store: UserFigureSource): () => void {
  let last = store.getState().userFigures;
  setUserFigures(last);
  return store.subscribe(() => {
    const next = store.getState().userFigures;
    if (next === last) return;
    last = next;
    setUserFigures(next);
  });
}
