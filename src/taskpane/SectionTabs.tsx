import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import type { SectionId } from "./paneState";
import { isSectionId } from "./paneState";

export interface SectionTabsProps {
  readonly sections: readonly { readonly id: SectionId; readonly label: string }[];
  readonly selected: SectionId;
  onSelect(this: void, section: SectionId): void;
  tabId(this: void, section: SectionId): string;
  panelId(this: void, section: SectionId): string;
}

const useStyles = makeStyles({
  // One row always: tabs that do not fit move into the "More" menu (Fluent's Overflow), the selected one stays.
  list: { flexWrap: "nowrap", minWidth: 0, overflow: "hidden" },
  more: { minWidth: "auto", flexShrink: 0 },
});

/** The section tabs on one row at any pane width, with an overflow menu for the tabs that do not fit. */
export function SectionTabs({ sections, selected, onSelect, tabId, panelId }: SectionTabsProps) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={2}>
      <TabList
        className={styles.list}
        size="small"
        aria-label="ChipShift sections"
        selectedValue={selected}
        onTabSelect={(_, data) => {
          if (isSectionId(data.value)) onSelect(data.value);
        }}
      >
        {sections.map((section) => (
          <OverflowItem
            key={section.id}
            id={section.id}
            {...(section.id === selected ? { priority: 1000 } : {})}
          >
            <Tab id={tabId(section.id)} value={section.id} aria-controls={panelId(section.id)}>
              {section.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreSections sections={sections} selected={selected} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}

function MoreSections({
  sections,
  selected,
  onSelect,
}: Pick<SectionTabsProps, "sections" | "selected" | "onSelect">) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu
      checkedValues={{ section: [selected] }}
      onCheckedValueChange={(_, data) => {
        const id = data.checkedItems[0];
        if (isSectionId(id)) onSelect(id);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          className={styles.more}
          aria-label={`${overflowCount} more sections`}
        >
          More ▾
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {sections.map((section) => (
            <HiddenSectionItem key={section.id} id={section.id} label={section.label} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A menu entry for a section whose tab is hidden by the overflow (nothing for visible tabs). */
function HiddenSectionItem({ id, label }: { readonly id: SectionId; readonly label: string }) {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return (
    <MenuItemRadio name="section" value={id}>
      {label}
    </MenuItemRadio>
  );
}
