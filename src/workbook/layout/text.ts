/**
 * Formula-injection guard. A string that a spreadsheet could read as a formula or a number (leading "=",
 * "+", "-", "@", tab, CR, LF, or a leading apostrophe that would be swallowed) must be written with a quote
 * prefix. Writers that go through a parser (Office.js, HyperFormula) prefix EVERY string with an apostrophe,
 * which both hosts store as the text that follows it.
 */
const RISKY_START = /^[=+\-@\t\r\n']/;

/** True when a spreadsheet could interpret `text` as something other than literal text. */
export function looksLikeFormula(text: string): boolean {
  return RISKY_START.test(text);
}

/** The string to hand a parsing host (Excel `range.values`, HyperFormula) so that it stores `text` verbatim. */
export function quotedText(text: string): string {
  return `'${text}`;
}
