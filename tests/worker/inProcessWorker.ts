import type { WorkerLike } from "../../src/worker/client";
import type { WorkerRequest, WorkerResponse } from "../../src/worker/protocol";
import { createSimulationHost } from "../../src/worker/simulationHost";

export interface InProcessWorker extends WorkerLike {
  /** Fires the worker's `error` event, as a browser does when the worker script fails to load or throws. */
  fail(message?: string): void;
}

/**
 * The real protocol host in-process, talking to the client exactly as a Web Worker does. `async` crosses every
 * message with setTimeout and structuredClone, as across a real thread boundary; otherwise delivery is direct.
 */
export function inProcessWorker(options: { readonly async?: boolean } = {}): InProcessWorker {
  const onMessage: ((event: { data: WorkerResponse }) => void)[] = [];
  const onError: ((event: { message?: string }) => void)[] = [];
  const send = (data: WorkerResponse): void => onMessage.forEach((l) => l({ data }));
  const host = createSimulationHost((m) =>
    options.async === true ? setTimeout(() => send(structuredClone(m)), 0) : send(m),
  );
  return {
    postMessage: (m: WorkerRequest) =>
      options.async === true
        ? setTimeout(() => void host.handle(structuredClone(m)), 0)
        : void host.handle(m),
    addEventListener: (type: string, listener: never) => {
      if (type === "message") onMessage.push(listener);
      else if (type === "error") onError.push(listener);
    },
    fail: (message) => onError.forEach((l) => l({ message })),
  };
}
