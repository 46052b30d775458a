/**
 * jsdom lacks ResizeObserver, which Fluent's MessageBar uses for its layout; a no-op stands in (layout is not
 * what these tests check). Import this module before rendering.
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as { ResizeObserver?: unknown };
scope.ResizeObserver ??= NoopResizeObserver;
