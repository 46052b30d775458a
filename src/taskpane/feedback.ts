/**
 * Feedback appears where the user is looking: a message that mounts below the fold scrolls itself into view.
 * Use as a ref callback on the MessageBar: `<MessageBar ref={scrollIntoView}>`.
 */
export function scrollIntoView(element: HTMLElement | null): void {
  // jsdom has no scrollIntoView; a missing method is not an error worth surfacing.
  if (element !== null && typeof element.scrollIntoView === "function")
    element.scrollIntoView({ block: "nearest", behavior: "smooth" });
}
