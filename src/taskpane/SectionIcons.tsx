/**
 * 16 px line icons for the section tabs (drawn here, in the text colour, so the tab bar needs no icon package).
 * A section without an icon of its own gets its initial in a rounded square.
 */
import type { ReactNode } from "react";

const ICON_PATHS: Readonly<Record<string, ReactNode>> = {
  // Sliders: the scenario's inputs.
  scenario: (
    <>
      <path d="M2 4h12M2 8h12M2 12h12" />
      <circle cx="5" cy="4" r="1.6" fill="currentColor" />
      <circle cx="10.5" cy="8" r="1.6" fill="currentColor" />
      <circle cx="7" cy="12" r="1.6" fill="currentColor" />
    </>
  ),
  // A bell curve: a distribution of trials.
  simulate: <path d="M1.5 13.5h13M2 13c2.5 0 3-9 6-9s3.5 9 6 9" />,
  // Tornado bars around a base line.
  sensitivity: <path d="M8 2v12M3 4h10M4.5 7h7M6 10h4M7 13h2" />,
  // A cited page: lines of text with a quote mark.
  figures: (
    <>
      <path d="M3.5 1.5h6l3 3v10h-9z" />
      <path d="M5.5 8h5M5.5 10.5h5M5.5 5.5h2.5" />
    </>
  ),
  // A worksheet grid: the workbook model.
  build: (
    <>
      <rect x="2" y="2.5" width="12" height="11" rx="1" />
      <path d="M2 6h12M2 9.5h12M6.5 2.5v11" />
    </>
  ),
  // A magnifier: evidence behind the numbers.
  evidence: (
    <>
      <circle cx="6.5" cy="6.5" r="4" />
      <path d="M9.5 9.5l4.5 4.5" />
    </>
  ),
};

/** The icon of a section tab (by section id), or the label's initial when the section has none. */
export function SectionIcon({ id, label }: { readonly id: string; readonly label: string }) {
  const drawn = ICON_PATHS[id];
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {drawn ?? (
        <>
          <rect x="1.5" y="1.5" width="13" height="13" rx="3" />
          <text
            x="8"
            y="11.5"
            textAnchor="middle"
            fontSize="9"
            fontWeight="600"
            fill="currentColor"
            stroke="none"
          >
            {label.slice(0, 1).toUpperCase()}
          </text>
        </>
      )}
    </svg>
  );
}
