import { describe, expect, it } from "vitest";
import { classifySource } from "../../src/figures/evidence";

const at = (url: string | null) => classifySource({ url });

describe("classifySource(source)", () => {
  it("classifySource(source) reads EDGAR as filing, bis.gov as regulator, a research house as analyst", () => {
    expect(at("https://www.sec.gov/Archives/edgar/data/1045810/000104581022000036/R41.htm")).toBe("filing");
    expect(at("https://sec.gov/x")).toBe("filing");
    expect(at("https://bis.gov/press-release/x")).toBe("regulator");
    expect(at("https://www.trendforce.com/news/?p=44151")).toBe("analyst");
    expect(at("https://www.tomshardware.com/pc-components/x")).toBe("press");
  });

  it("classifySource(source) counts a subdomain as its host but not a look-alike host", () => {
    expect(at("https://investor.nvidia.com/x")).toBe("company");
    expect(at("https://efts.sec.gov/LATEST/x")).toBe("filing");
    expect(at("https://sec.gov.example.com/x")).toBe("secondary");
    expect(at("https://notsec.gov/x")).toBe("secondary");
  });

  it("classifySource(source) calls digests, reposts, GitHub files, no URL and a malformed URL secondary", () => {
    expect(at("https://github.com/o/r/blob/abc/notes.md")).toBe("secondary");
    expect(at("https://gokawiil.com/article/243201")).toBe("secondary");
    expect(at(null)).toBe("secondary");
    expect(at("not a url")).toBe("secondary");
  });
});
