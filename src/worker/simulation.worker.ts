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
const host = createSimulationHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.addEventListener("message", (event) => {
  void host.handle(event.data);
});
