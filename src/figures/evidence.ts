/**
 * Evidence classes of the research sources, decided at import from the source's address: EDGAR is a filing,
 * bis.gov a regulator, a named outlet on its own (or a licensed partner's) site is press, a research house's own
 * site is analyst, and everything else — blogs, digests, reposts, aggregators, GitHub files — is secondary. A
 * reviewed row can override the rule in `data/research/provenance.json` (with its primary reference).
 */
import type { EvidenceClass, Source } from "./schema";

/** Hosts (without "www.") whose pages are the primary text itself, by class. */
const HOST_CLASSES: ReadonlyMap<string, EvidenceClass> = new Map<string, EvidenceClass>([
  ["sec.gov", "filing"],
  ["bis.gov", "regulator"],
  ["federalregister.gov", "regulator"],
  ["mofcom.gov.cn", "regulator"],
  ["nvidianews.nvidia.com", "company"],
  ["investor.nvidia.com", "company"],
  ["huawei.com", "company"],
  ["trendforce.com", "analyst"],
  // Named outlets on their own sites, or newspapers that license the wire they credit.
  ["tomshardware.com", "press"],
  ["theregister.com", "press"],
  ["techradar.com", "press"],
  ["tweaktown.com", "press"],
  ["tweakers.net", "press"],
  ["videocardz.com", "press"],
  ["the-decoder.com", "press"],
  ["gizmochina.com", "press"],
  ["evertiq.com", "press"],
  ["shacknews.com", "press"],
  ["businesstimes.com.sg", "press"],
  ["japantimes.co.jp", "press"],
  ["irishtimes.com", "press"],
  ["brecorder.com", "press"],
  ["bnnbloomberg.ca", "press"],
  ["nbcsandiego.com", "press"],
  ["anews.com.tr", "press"],
  ["report.az", "press"],
  ["mlex.com", "press"],
  ["wallstreetcn.com", "press"],
  ["eu.36kr.com", "press"],
  ["fx168news.com", "press"],
  ["republicworld.com", "press"],
  ["english.jschina.com.cn", "press"],
  ["profit.pakistantoday.com.pk", "press"],
  ["ng.investing.com", "press"],
  ["baystreet.ca", "press"],
  ["telecomlead.com", "press"],
  ["datastorageasia.com", "press"],
]);

/**
 * The evidence class of a source by its URL's host (subdomains of a listed host count as that host).
 * @example classifySource({ url: "https://www.sec.gov/Archives/…", … }) → "filing"
 * @example classifySource({ url: "https://github.com/x/y/blob/…", … }) → "secondary"
 */
export function classifySource(source: Pick<Source, "url">): EvidenceClass {
  const match = source.url === null ? null : /^https?:\/\/([^/?#:@]+)/i.exec(source.url);
  if (match === null) return "secondary";
  const host = match[1]!.toLowerCase().replace(/^www\./, "");
  for (
    let candidate = host;
    candidate.includes(".");
    candidate = candidate.slice(candidate.indexOf(".") + 1)
  ) {
    const known = HOST_CLASSES.get(candidate);
    if (known !== undefined) return known;
  }
  return "secondary";
}

/** Words for an evidence class, for badges and sheets. */
export const EVIDENCE_LABELS: Readonly<Record<EvidenceClass, string>> = {
  filing: "Filing",
  company: "Company",
  regulator: "Regulator",
  press: "Press",
  analyst: "Analyst",
  secondary: "Secondary",
};
