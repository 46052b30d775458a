import type { Figure, UserFigure } from "../../figures";
import { FIGURES, userFigureAsFigure } from "../../figures";

/** The analyst's figures as dataset figures, one conversion per list (the store's list is immutable). */
const ownCache = new WeakMap<readonly UserFigure[], readonly Figure[]>();

/**
 * The analyst's own figures as dataset `Figure`s, in the order they were added. A stored id a newer dataset
 * has since taken is left out: the dataset figure wins (as in `CHIPS.FIGURE`).
 */
export function ownFiguresOf(list: readonly UserFigure[]): readonly Figure[] {
  let figures = ownCache.get(list);
  if (figures === undefined) {
    const taken = new Set(FIGURES.map((fig) => fig.id));
    figures = list.filter((fig) => !taken.has(fig.id)).map(userFigureAsFigure);
    ownCache.set(list, figures);
  }
  return figures;
}

const allCache = new WeakMap<readonly Figure[], readonly Figure[]>();

/** Your figures first, then the dataset's: the list the Figures tab and the Cite dialog search. */
export function citableFiguresOf(list: readonly UserFigure[]): readonly Figure[] {
  const own = ownFiguresOf(list);
  let all = allCache.get(own);
  if (all === undefined) {
    all = [...own, ...FIGURES];
    allCache.set(own, all);
  }
  return all;
}
