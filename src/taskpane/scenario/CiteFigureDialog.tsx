import {
  Button,
  Field,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Radio,
  RadioGroup,
  SearchBox,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { memo, useState } from "react";
import type { Figure } from "../../figures";
import { searchFigures } from "../../figures";
import { EvidenceBadge } from "../figures/EvidenceBadge";
import { formattedFigureValue, isOwnFigure } from "../figures/figureFormat";

/** Most figures the list shows at once: a search narrows the rest. */
export const CITE_LIST_LIMIT = 30;

export interface CiteFigureDialogProps {
  /** The input's dotted path ("marketBase"), handed back to the callbacks. */
  readonly path: string;
  /** The input's label, for the button's accessible name and the dialog's title. */
  readonly inputLabel: string;
  /** The figure the analyst cited for this input in the pane, if any. */
  readonly citedFigureId: string | undefined;
  /** Your figures first, then the dataset's (stable across renders). */
  readonly figures: readonly Figure[];
  readonly onCite: (path: string, figureId: string) => void;
  readonly onRemove: (path: string) => void;
}

/**
 * "Cite…" beside an input: a popover dialog under the button (it stays inside a 320–350 px pane) with a search
 * box over your figures and the dataset's and a radio list of the matches, that sets the figure the input
 * cites in the pane. Keyboard-only use: Tab to the button, Enter, type, Tab to the list, arrows or Space, Tab
 * to "Cite", Enter. Focus is trapped while it is open; Escape or Cancel closes it without a change.
 */
export const CiteFigureDialog = memo(function CiteFigureDialog(
  props: CiteFigureDialogProps,
): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<string | undefined>(props.citedFigureId);
  const matches = searchFigures({ query }, props.figures);
  const shown = matches.slice(0, CITE_LIST_LIMIT);
  // A choice the search has hidden is kept (and still cited) but listed first, so the radio group shows it.
  const chosenFigure =
    chosen === undefined || shown.some((fig) => fig.id === chosen)
      ? undefined
      : props.figures.find((fig) => fig.id === chosen);
  const listed = chosenFigure === undefined ? shown : [chosenFigure, ...shown];
  const onOpenChange = (next: boolean): void => {
    setOpen(next);
    if (next) {
      setQuery("");
      setChosen(props.citedFigureId);
    }
  };
  const cite = (): void => {
    if (chosen === undefined) return;
    props.onCite(props.path, chosen);
    setOpen(false);
  };
  const titleId = useId("cite-title");
  return (
    <Popover
      open={open}
      onOpenChange={(_, data) => onOpenChange(data.open)}
      trapFocus
      positioning={{ position: "below", align: "end" }}
    >
      <PopoverTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          className={styles.trigger}
          aria-label={`Cite a figure for ${props.inputLabel}`}
          data-testid="cite-button"
          data-path={props.path}
        >
          Cite…
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-labelledby={titleId} data-testid="cite-dialog">
        <Text as="h4" weight="semibold" id={titleId} className={styles.title}>
          Cite a figure for {props.inputLabel}
        </Text>
        <Field label="Search your figures and the dataset">
          <SearchBox
            value={query}
            onChange={(_, data) => setQuery(data.value)}
            placeholder="id, label, entity or quote"
            data-testid="cite-search"
          />
        </Field>
        <Text size={200} className={styles.count} aria-live="polite" data-testid="cite-count">
          {matches.length === 0
            ? "No figure matches"
            : matches.length > shown.length
              ? `First ${shown.length} of ${matches.length} matches: refine the search`
              : `${matches.length} ${matches.length === 1 ? "match" : "matches"}`}
        </Text>
        {listed.length === 0 ? null : (
          <RadioGroup
            aria-label="Figure to cite"
            value={chosen ?? ""}
            onChange={(_, data) => setChosen(data.value)}
            className={styles.list}
            data-testid="cite-list"
          >
            {listed.map((fig) => (
              <Radio
                key={fig.id}
                value={fig.id}
                data-figure-id={fig.id}
                label={
                  <span className={styles.option}>
                    <span className={styles.optionHead}>
                      {isOwnFigure(fig) ? <span className={styles.yours}>Yours</span> : null}
                      <EvidenceBadge evidence={fig.evidence} />
                      <span className={styles.value}>{formattedFigureValue(fig.value, fig.unit)}</span>
                    </span>
                    <span>{fig.label}</span>
                    <span className={styles.id}>{fig.id}</span>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabled={chosen === undefined} onClick={cite}>
            Cite
          </Button>
          {props.citedFigureId === undefined ? null : (
            <Button
              size="small"
              onClick={() => {
                props.onRemove(props.path);
                setOpen(false);
              }}
            >
              Remove citation
            </Button>
          )}
          <Button size="small" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
});

const useStyles = makeStyles({
  trigger: {
    minWidth: 0,
    flexShrink: 0,
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase100,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  // The pane is 320–350 px wide: the surface stays narrower than it (and than a narrower window).
  surface: {
    width: "296px",
    maxWidth: "calc(100vw - 24px)",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
  },
  title: { margin: 0, overflowWrap: "anywhere" },
  count: { color: tokens.colorNeutralForeground3 },
  list: { maxHeight: "40vh", overflowY: "auto", minWidth: 0 },
  option: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  optionHead: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  yours: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  value: { fontWeight: tokens.fontWeightSemibold },
  id: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
