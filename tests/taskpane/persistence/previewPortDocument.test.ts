import { describe, expect, it } from "vitest";
import { createPreviewWorkbook, inMemoryDocumentStore } from "../../../src/preview/previewPort";

describe("preview port saveDocument / loadDocument", () => {
  it("loadDocument() is null before anything was saved", async () => {
    expect(await createPreviewWorkbook().port.loadDocument?.()).toBeNull();
  });

  it("saveDocument(text) then loadDocument() returns the same text, and a second save replaces it", async () => {
    const { port } = createPreviewWorkbook();
    await port.saveDocument?.('{"v":1}');
    expect(await port.loadDocument?.()).toBe('{"v":1}');
    await port.saveDocument?.('{"v":2}');
    expect(await port.loadDocument?.()).toBe('{"v":2}');
  });

  it("inMemoryDocumentStore(initial) starts with the given text (a reopened workbook)", async () => {
    expect(await inMemoryDocumentStore("saved").loadDocument()).toBe("saved");
  });
});
