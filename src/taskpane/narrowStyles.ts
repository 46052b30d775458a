import { makeStyles } from "@fluentui/react-components";

/**
 * Boxes that shrink with the pane. A native <input> or <select> is as wide as its size attribute or its
 * longest option (≈ 170 px) unless told otherwise, which pushes a row of three fields past a 320 px pane.
 * Use `root` on the Fluent Input/Select and `control` on its `input`/`select` slot.
 */
export const useNarrowStyles = makeStyles({
  root: { minWidth: 0, width: "100%", maxWidth: "100%" },
  control: { minWidth: 0, width: "100%" },
});
