import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { KeyboardEvent } from "react";
import type { Figure } from "../../figures";
import { BadgeRow, EvidenceBadge, OwnFigureBadge } from "./EvidenceBadge";
import { formattedFigureValue, isOwnFigure } from "./figureFormat";

const useStyles = makeStyles({
  list: {
    maxHeight: "260px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  option: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  highlighted: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
  },
  selected: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  label: { overflowWrap: "anywhere" },
  empty: { padding: tokens.spacingVerticalM, color: tokens.colorNeutralForeground3 },
});

export interface FigureListProps {
  readonly figures: readonly Figure[];
  readonly highlighted: number;
  readonly selectedId: string | null;
  readonly onHighlight: (index: number) => void;
  readonly onSelect: (id: string) => void;
}

/**
 * The search results as a listbox: Tab focuses it, ↑/↓/Home/End/PageUp/PageDown move the highlight, Enter or Space
 * opens the highlighted figure, a click opens one directly.
 */
export function FigureList({ figures, highlighted, selectedId, onHighlight, onSelect }: FigureListProps) {
  const styles = useStyles();
  const listRef = useRef<HTMLDivElement>(null);
  const cursor = Math.min(highlighted, Math.max(0, figures.length - 1));
  const activeId = figures[cursor] === undefined ? undefined : optionId(figures[cursor].id);

  useEffect(() => {
    if (activeId === undefined) return;
    const element = listRef.current?.ownerDocument.getElementById(activeId);
    if (element instanceof HTMLElement && typeof element.scrollIntoView === "function") {
      element.scrollIntoView({ block: "nearest" });
    }
  }, [activeId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = figures.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, cursor + 1),
      ArrowUp: Math.max(0, cursor - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, cursor + 10),
      PageUp: Math.max(0, cursor - 10),
    };
    const target = moves[event.key];
    if (target !== undefined && last >= 0) {
      event.preventDefault();
      onHighlight(target);
    } else if ((event.key === "Enter" || event.key === " ") && figures[cursor] !== undefined) {
      event.preventDefault();
      onSelect(figures[cursor].id);
    }
  };

  if (figures.length === 0) {
    return <Text className={styles.empty}>No figure matches. Clear the search or a filter.</Text>;
  }
  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label="Matching figures"
      tabIndex={0}
      aria-activedescendant={activeId}
      className={styles.list}
      onKeyDown={onKeyDown}
    >
      {figures.map((figure, index) => (
        <div
          key={figure.id}
          id={optionId(figure.id)}
          role="option"
          aria-selected={figure.id === selectedId}
          data-figure-id={figure.id}
          className={mergeClasses(
            styles.option,
            index === cursor && styles.highlighted,
            figure.id === selectedId && styles.selected,
          )}
          onClick={() => {
            onHighlight(index);
            onSelect(figure.id);
          }}
        >
          <Text size={300} className={styles.label}>
            {figure.label}
          </Text>
          <Text size={200} className={styles.meta}>
            {formattedFigureValue(figure.value, figure.unit)} · {figure.asOf} · {figure.id}
          </Text>
          <BadgeRow>
            <EvidenceBadge evidence={figure.evidence} />
            {isOwnFigure(figure) ? <OwnFigureBadge /> : null}
          </BadgeRow>
        </div>
      ))}
    </div>
  );
}

function optionId(figureId: string): string {
  return `figure-option-${figureId}`;
}
