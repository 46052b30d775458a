import { tokens } from "@fluentui/react-components";

/**
 * Series colours from the Fluent theme (light, dark and high-contrast follow the Office theme). Index i
 * takes colour i modulo the palette length.
 */
const SERIES_COLOURS: readonly string[] = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorPaletteGreenForeground1,
  tokens.colorPaletteBerryForeground1,
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteMarigoldForeground1,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteRedForeground1,
];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? tokens.colorNeutralForeground1;
}
