import { describe, expect, it } from "vitest";
import { DOCUMENT_NAMESPACE, documentXml } from "../../../src/workbook/document";
import { createOfficePort } from "../../../src/workbook/officePort";
import type { ExcelHost } from "../../../src/workbook/officePort";
import { WorkbookPortError } from "../../../src/workbook/port";

interface FakePart {
  readonly id: string;
  readonly xml: string;
}

/**
 * A hand-written stand-in for `workbook.customXmlParts`: reads (items, count, isNullObject, getXml) resolve
 * only at the next `sync()`, and deletes/adds are queued and applied at the sync, as in Office.js.
 */
function createPartsFake(initial: FakePart[]) {
  let parts = [...initial];
  let nextId = initial.length + 1;
  let syncs = 0;
  let queue: (() => void)[] = [];
  const notYet = (what: string): never => {
    throw new Error(`PropertyNotLoaded: ${what}`);
  };
  const inNamespace = (ns: string) => parts.filter((p) => namespaceOf(p.xml) === ns);
  const partProxy = (part: FakePart) => ({
    id: part.id,
    delete: () => void queue.push(() => (parts = parts.filter((p) => p.id !== part.id))),
    getXml: () => {
      const result = {
        ready: false,
        get value(): string {
          return this.ready ? part.xml : notYet("getXml().value");
        },
      };
      queue.push(() => (result.ready = true));
      return result;
    },
    load: () => undefined,
  });
  const customXmlParts = {
    add: (xml: string) => void queue.push(() => parts.push({ id: `part${nextId++}`, xml })),
    getByNamespace: (ns: string) => {
      let loaded = false;
      let snapshot: FakePart[] = [];
      return {
        load: () => void queue.push(() => ((snapshot = inNamespace(ns)), (loaded = true))),
        get items() {
          return loaded ? snapshot.map(partProxy) : notYet("items");
        },
        getCount: () => {
          const result = {
            ready: false,
            n: 0,
            get value(): number {
              return this.ready ? this.n : notYet("getCount().value");
            },
          };
          queue.push(() => ((result.n = inNamespace(ns).length), (result.ready = true)));
          return result;
        },
        getOnlyItemOrNullObject: () => {
          let resolved: FakePart | null | undefined;
          queue.push(() => {
            const found = inNamespace(ns);
            resolved = found.length === 1 ? found[0]! : null;
          });
          return {
            load: () => undefined,
            get isNullObject() {
              return resolved === undefined ? notYet("isNullObject") : resolved === null;
            },
            getXml: () => {
              const result = {
                ready: false,
                get value(): string {
                  return this.ready && resolved ? resolved.xml : notYet("getXml().value");
                },
              };
              queue.push(() => (result.ready = true));
              return result;
            },
          };
        },
      };
    },
  };
  const context = {
    workbook: { customXmlParts },
    sync: () => {
      syncs += 1;
      const pending = queue;
      queue = [];
      for (const op of pending) op();
      return Promise.resolve();
    },
  };
  const host: ExcelHost = {
    run: (batch) => batch(context as unknown as Excel.RequestContext),
  };
  return { host, parts: () => parts, syncs: () => syncs };
}

function namespaceOf(xml: string): string | undefined {
  return /xmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1];
}

const OTHER = { id: "other", xml: '<x xmlns="urn:someone-else">keep me</x>' };

describe("createOfficePort().saveDocument(text)", () => {
  it("saveDocument(text) adds one part in ChipShift's namespace with ≤ 2 syncs", async () => {
    const fake = createPartsFake([OTHER]);
    await createOfficePort(fake.host).saveDocument?.('{"a":1}');
    expect(fake.syncs()).toBeLessThanOrEqual(2);
    expect(fake.parts()).toEqual([OTHER, { id: "part2", xml: documentXml('{"a":1}') }]);
  });

  it("saveDocument(text) replaces the previous ChipShift part and leaves other parts alone", async () => {
    const fake = createPartsFake([OTHER, { id: "old", xml: documentXml('{"old":true}') }]);
    await createOfficePort(fake.host).saveDocument?.('{"new":true}');
    expect(fake.syncs()).toBeLessThanOrEqual(2);
    const mine = fake.parts().filter((p) => namespaceOf(p.xml) === DOCUMENT_NAMESPACE);
    expect(mine.map((p) => p.xml)).toEqual([documentXml('{"new":true}')]);
    expect(fake.parts()).toContainEqual(OTHER);
  });

  it("saveDocument(text) rejects with hostUnavailable outside Excel", async () => {
    const error: unknown = await createOfficePort(undefined)
      .saveDocument?.("{}")
      .catch((e: unknown) => e);
    expect(error instanceof WorkbookPortError && error.code).toBe("hostUnavailable");
  });
});

describe("createOfficePort().loadDocument()", () => {
  it("loadDocument() is null with one sync when the workbook has no ChipShift part", async () => {
    const fake = createPartsFake([OTHER]);
    expect(await createOfficePort(fake.host).loadDocument?.()).toBeNull();
    expect(fake.syncs()).toBe(1);
  });

  it("loadDocument() returns the saved text with ≤ 2 syncs (save → load round trip)", async () => {
    const fake = createPartsFake([OTHER]);
    const port = createOfficePort(fake.host);
    const text = '{"name":"<Bull & Bear>"}';
    await port.saveDocument?.(text);
    const before = fake.syncs();
    expect(await port.loadDocument?.()).toBe(text);
    expect(fake.syncs() - before).toBeLessThanOrEqual(2);
  });

  it("loadDocument() rejects with readFailed when two ChipShift parts make the choice ambiguous", async () => {
    const fake = createPartsFake([
      { id: "a", xml: documentXml("{}") },
      { id: "b", xml: documentXml("{}") },
    ]);
    const error: unknown = await createOfficePort(fake.host)
      .loadDocument?.()
      .catch((e: unknown) => e);
    expect(error instanceof WorkbookPortError && error.code).toBe("readFailed");
  });

  it("loadDocument() rejects with readFailed when the part has no chipshift element", async () => {
    const fake = createPartsFake([{ id: "a", xml: `<other xmlns="${DOCUMENT_NAMESPACE}"/>` }]);
    const error: unknown = await createOfficePort(fake.host)
      .loadDocument?.()
      .catch((e: unknown) => e);
    expect(error instanceof WorkbookPortError && error.code).toBe("readFailed");
  });
});
