/**
 * Web Worker entry: wires the protocol host to the worker's global scope. Bundled by webpack as a separate
 * chunk (`new Worker(new URL("./simulation.worker.ts", import.meta.url))`).
 */
import { createSimulationHost } from "./simulationHost";
import type { WorkerRequest, WorkerResponse } from "./protocol";

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: ArrayBuffer[]): void;
  addEventListener(type: "message", listener: (event: { data: WorkerRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
// Yield through a MessageChannel: a chain of setTimeout(0) is clamped to ≥ 4 ms per step after five levels,
// which would add ~10% to a run of 40 ms steps.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
const host = createSimulationHost(
  (message, transfer) => scope.postMessage(message, transfer ?? []),
  yieldToEventLoop,
);
scope.addEventListener("message", (event) => {
  void host.handle(event.data);
});
