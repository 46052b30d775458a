// @vitest-environment jsdom
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Elements by local name, whatever their namespace. */
const all = (localName: string): Element[] => Array.from(doc.getElementsByTagNameNS("*", localName));
const one = (localName: string): Element => {
  const found = all(localName);
  expect(found.length, `exactly one <${localName}>`).toBe(1);
  return found[0]!;
};
const child = (parent: Element, localName: string): Element | undefined =>
  Array.from(parent.children).find((c) => c.localName === localName);

const extensionPoint = (type: string): Element => {
  const found = all("ExtensionPoint").filter((e) => e.getAttributeNS(XSI, "type") === type);
  expect(found.length, `one ${type} extension point`).toBe(1);
  return found[0]!;
};
const paneSourceLocation = (): string =>
  child(one("DefaultSettings"), "SourceLocation")!.getAttribute("DefaultValue")!;

/** Resource id → value, per resource kind (bt:Image, bt:Url, bt:String). */
function resources(): Map<string, { kind: string; value: string }> {
  const map = new Map<string, { kind: string; value: string }>();
  const resourcesEl = one("Resources");
  for (const el of Array.from(resourcesEl.getElementsByTagNameNS(BT, "*"))) {
    const id = el.getAttribute("id");
    if (id === null) continue;
    expect(map.has(id), `duplicate resource id ${id}`).toBe(false);
    map.set(id, { kind: el.localName, value: el.getAttribute("DefaultValue") ?? "" });
  }
  return map;
}

/** Every absolute URL in the manifest: DefaultValue/text that starts with a scheme. */
function urls(): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const value = el.getAttribute("DefaultValue");
    if (value !== null && /^[a-z]+:\/\//i.test(value)) found.push(value);
    if (el.children.length === 0 && /^[a-z]+:\/\//i.test(el.textContent?.trim() ?? "")) {
      found.push(el.textContent.trim());
    }
  }
  return found;
}

/** Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1"), `${file} is a PNG`).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The asset file behind a manifest URL on the add-in's origin. */
const assetFile = (url: string): string => path.join(root, new URL(url).pathname);

describe("manifest.xml", () => {
  it("parses as XML: a TaskPaneApp for the Excel Workbook host", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttributeNS(XSI, "type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
  });

  it("has a fixed GUID id and the ChipShift names", () => {
    expect(one("Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(one("ProviderName").textContent).toBe("ChipShift");
    expect(one("DisplayName").getAttribute("DefaultValue")).toBe("ChipShift");
    expect(child(doc.documentElement, "Description")!.getAttribute("DefaultValue")?.length).toBeGreaterThan(
      20,
    );
  });

  it("every resid resolves to a resource of the right kind", () => {
    const res = resources();
    const refs = Array.from(doc.querySelectorAll("[resid]"));
    expect(refs.length).toBeGreaterThan(10);
    for (const el of refs) {
      const id = el.getAttribute("resid")!;
      const resource = res.get(id);
      expect(resource, `resid ${id} on <${el.localName}>`).toBeDefined();
      const expectedKind =
        el.localName === "Image"
          ? "Image"
          : ["Label", "Title", "Namespace"].includes(el.localName)
            ? "String"
            : el.localName === "Description"
              ? "String"
              : "Url";
      expect(resource!.kind, `kind of ${id} on <${el.localName}>`).toBe(expectedKind);
    }
  });

  it("every URL is https on one origin", () => {
    const found = urls();
    expect(found.length).toBeGreaterThan(8);
    const origins = new Set(found.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    for (const u of found) expect(new URL(u).protocol, u).toBe("https:");
  });

  it("registers the custom functions under the CHIPS namespace", () => {
    const res = resources();
    const namespaceId = one("Namespace").getAttribute("resid")!;
    expect(res.get(namespaceId)?.value).toBe("CHIPS");
    const script = child(child(extensionPoint("CustomFunctions"), "Script")!, "SourceLocation")!;
    const metadata = child(child(extensionPoint("CustomFunctions"), "Metadata")!, "SourceLocation")!;
    expect(new URL(res.get(script.getAttribute("resid")!)!.value).pathname).toBe("/functions.js");
    expect(new URL(res.get(metadata.getAttribute("resid")!)!.value).pathname).toBe("/functions.json");
  });

  it("shares one long-lived runtime between the pane and the functions", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const paneId = runtime.getAttribute("resid")!;
    const page = child(child(extensionPoint("CustomFunctions"), "Page")!, "SourceLocation")!;
    expect(page.getAttribute("resid")).toBe(paneId);
    expect(one("FunctionFile").getAttribute("resid")).toBe(paneId);
    const action = all("Action").find((a) => a.getAttributeNS(XSI, "type") === "ShowTaskpane")!;
    expect(child(action, "SourceLocation")!.getAttribute("resid")).toBe(paneId);
    expect(resources().get(paneId)?.value).toBe(paneSourceLocation());
  });

  it("requires SharedRuntime 1.1 and asks for ReadWriteDocument", () => {
    const sets = all("Sets");
    expect(sets[0]!.getAttribute("DefaultMinVersion")).toBe("1.1");
    const shared = all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(shared?.getAttribute("MinVersion")).toBe("1.1");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("puts a ChipShift group with a ShowTaskpane button on the Home tab", () => {
    const tab = child(child(extensionPoint("PrimaryCommandSurface"), "OfficeTab")!, "Group")!.parentElement!;
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = child(tab, "Group")!;
    const label = child(group, "Label")!.getAttribute("resid")!;
    expect(resources().get(label)?.value).toBe("ChipShift");
    const control = child(group, "Control")!;
    expect(control.getAttributeNS(XSI, "type")).toBe("Button");
    expect(child(control, "Supertip")).toBeDefined();
    expect(one("GetStarted")).toBeDefined();
  });

  it("references icons that exist in assets/ with the declared pixel size", () => {
    const res = resources();
    const images = Array.from(doc.getElementsByTagNameNS(BT, "Image")).filter((el) =>
      el.hasAttribute("size"),
    );
    expect(images.length).toBe(6); // 16, 32, 80 for the group and again for the button
    for (const el of images) {
      const size = Number(el.getAttribute("size"));
      const file = assetFile(res.get(el.getAttribute("resid") ?? "")?.value ?? "");
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // IconUrl is 32×32 and HighResolutionIconUrl 64×64 (the manifest reference's sizes)
    expect(pngSize(assetFile(one("IconUrl").getAttribute("DefaultValue")!))).toEqual({
      width: 32,
      height: 32,
    });
    const hiRes = assetFile(one("HighResolutionIconUrl").getAttribute("DefaultValue")!);
    expect(pngSize(hiRes)).toEqual({ width: 64, height: 64 });
  });

  it("ships the 128 px logo and the support page it links to", () => {
    expect(pngSize(path.join(root, "assets/logo-128.png"))).toEqual({ width: 128, height: 128 });
    expect(existsSync(assetFile(one("SupportUrl").getAttribute("DefaultValue")!))).toBe(true);
  });
});
