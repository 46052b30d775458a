/**
 * node:worker_threads entry running the same protocol host (CLI and benchmarks; tests). Start with
 * `new Worker(url, { execArgv: ["--import", "tsx"] })` when running from TypeScript sources.
 */
import { parentPort } from "node:worker_threads";
import { createSimulationHost } from "./simulationHost";
import type { WorkerRequest } from "./protocol";

if (parentPort === null) throw new Error("nodeWorker.ts must run inside a worker thread");
const port = parentPort;
const host = createSimulationHost((message, transfer) => port.postMessage(message, transfer));
port.on("message", (message: WorkerRequest) => {
  void host.handle(message);
});
