import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/exportXlsx";
import { TINY } from "./fixtures";

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  return {
    out,
    err,
    written,
    io: {
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      readFile: (p: string) => {
        const text = files[p];
        if (text === undefined) throw new Error(`ENOENT: ${p}`);
        return text;
      },
      writeFile: (p: string, bytes: Uint8Array) => void written.set(p, bytes),
    },
  };
}

describe("chipshift export-xlsx", () => {
  it("run(argv) exits 2 without an output file or without scenarios", async () => {
    const a = io();
    expect(await run(["--all-presets"], a.io)).toBe(2);
    const b = io();
    expect(await run(["out.xlsx"], b.io)).toBe(2);
    const c = io();
    expect(await run(["--preset", "nope", "out.xlsx"], c.io)).toBe(2);
    expect(c.err.join("")).toContain("nope");
  });

  it("run(['--preset', 'licensed', '--scenario', file, out]) writes an .xlsx with both scenarios", async () => {
    const t = io({ "tiny.json": JSON.stringify(TINY) });
    expect(await run(["--preset", "licensed", "--scenario", "tiny.json", "out.xlsx"], t.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.written.get("out.xlsx")!) as never);
    const header = wb.getWorksheet("CS Inputs")!.getRow(5);
    expect([header.getCell(4).value, header.getCell(5).value]).toEqual(["Licensed trade", "tiny"]);
  });
});
