/**
 * Every result the pane shows or writes carries the scenario it came from: its name as shown, and the
 * fingerprint of the inputs and spec it was computed from. A result is stale when the fingerprint of what
 * is on screen now differs (a comparison, not a flag someone must remember to reset).
 */
export interface ResultTag {
  /** The scenario's name as the pane showed it when the result was computed (user text). */
  readonly scenarioName: string;
  /** `fingerprintOf` the scenario, spec and settings the result came from. */
  readonly fingerprint: string;
}

/** True when `current` (the fingerprint of what is on screen, undefined while invalid) differs from the tag's. */
export function isStale(tag: ResultTag, current: string | undefined): boolean {
  return tag.fingerprint !== current;
}
