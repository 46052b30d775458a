/**
 * NVIDIA's geography basis break. Through Q2 FY2026 NVIDIA reported China (incl. Hong Kong) revenue by customer
 * BILLING location; from Q3 FY2026 by customer HEADQUARTERS, recasting prior years (FY2025: $17B as reported vs
 * $25.0B recast). Every China revenue/share figure carries the basis it was reported on, so no view splices
 * the two series by accident.
 */
import type { GeographyBasis } from "./schema";

/** Categories whose rows are NVIDIA China revenue or share numbers and so have a geography basis. */
export const BASIS_CATEGORIES: readonly string[] = ["nvidia_china_revenue", "nvidia_china_share"];

/** Last fiscal quarter reported on the billing-location basis: Q2 FY2026, as an ordinal fy·4 + q. */
const LAST_BILLING_QUARTER = 2026 * 4 + 2;

/**
 * The basis a row was reported on, or undefined when the category has none. Decided by the id suffix
 * (`_hq`, `_billing`), else by the period in `asOf`: periods ending by Q2 FY2026 as first reported are billing
 * basis, later ones customer-HQ. Throws on a row it cannot place or whose label contradicts the rule (a
 * research-file bug to fix at import).
 * @example basisOf("nvda_china_rev_q3fy26", "nvidia_china_revenue", "Q3 FY2026 (ended 2025-10-26)", "…") → "customerHq"
 */
export function basisOf(
  id: string,
  category: string,
  asOf: string,
  label: string,
  statedByRow?: GeographyBasis,
): GeographyBasis | undefined {
  if (!BASIS_CATEGORIES.includes(category)) return undefined;
  const basis = statedByRow ?? basisFromId(id) ?? basisFromPeriod(asOf);
  if (basis === undefined)
    throw new Error(`Cannot decide the geography basis of figure "${id}" (as of "${asOf}")`);
  const stated = basisFromLabel(label);
  if (stated !== undefined && stated !== basis) {
    throw new Error(`Figure "${id}": label says ${stated} but the rule gives ${basis}`);
  }
  return basis;
}

/**
 * The geography basis a researcher's basis text names, if it names one.
 * @example statedBasis("customer headquarters location (recast)") → "customerHq"
 * @example statedBasis("product shipments to China (destination), not customer HQ") → undefined
 */
export function statedBasis(text: string | undefined): GeographyBasis | undefined {
  if (text === undefined || /\bnot\b/i.test(text)) return undefined;
  if (/headquarters|\bHQ\b/i.test(text)) return "customerHq";
  if (/billing/i.test(text)) return "billingLocation";
  return undefined;
}

/**
 * One sentence any view can show next to the figure. `measure` is the researcher's basis text for a row that
 * is not a geographic revenue split (shipments to China, an outlook excluding China).
 */
export function basisNoteOf(basis: GeographyBasis, label: string, measure?: string): string {
  const product =
    measure !== undefined
      ? `Basis stated by the source: ${measure}; not a geographic revenue split, the basis marks which side of the Q3 FY2026 break its period is on. `
      : /\bH200?\b/.test(label)
        ? "H20/H200 product revenue, not a geographic split; the basis marks which side of the Q3 FY2026 break its period is on. "
        : "";
  switch (basis) {
    case "billingLocation":
      return `${product}Customer billing location basis, as NVIDIA first reported it (used through Q2 FY2026); not comparable with customer-headquarters figures without adjustment (FY2025: $17B billing vs $25.0B recast).`;
    case "customerHq":
      return `${product}Customer headquarters basis, used by NVIDIA from Q3 FY2026 with prior years recast; not comparable with billing-location figures without adjustment (FY2025: $25.0B recast vs $17B billing).`;
  }
}

function basisFromId(id: string): GeographyBasis | undefined {
  if (id.endsWith("_hq") || id.endsWith("_hq_recast")) return "customerHq";
  if (id.endsWith("_billing")) return "billingLocation";
  return undefined;
}

function basisFromLabel(label: string): GeographyBasis | undefined {
  if (/billing/i.test(label)) return "billingLocation";
  if (/\bHQ\b|headquarters/i.test(label)) return "customerHq";
  return undefined;
}

/**
 * "Q3 FY2024 …" → quarter 3; "9M FY2025" → its last quarter, 3; "H1 FY2027" → its last quarter, 2; "FY2025 …" → 4;
 * "2026-05-03" (after 2025-10) → customer HQ; "pre-Oct-2023 …" → year ≤ FY2025.
 */
function basisFromPeriod(asOf: string): GeographyBasis | undefined {
  const fiscal = /(?:\bQ([1-4])\s*|\b(9M|H1)\s*)?FY\s*(\d{4})\b/i.exec(asOf);
  if (fiscal !== null) {
    const part = fiscal[2]?.toUpperCase();
    const quarter = fiscal[1] !== undefined ? Number(fiscal[1]) : part === "9M" ? 3 : part === "H1" ? 2 : 4;
    const ordinal = Number(fiscal[3]) * 4 + quarter;
    return ordinal <= LAST_BILLING_QUARTER ? "billingLocation" : "customerHq";
  }
  // A date after Q3 FY2026 ended (2025-10-26) falls in the customer-HQ era.
  const iso = /^(\d{4}-\d{2})(?:-\d{2})?\b/.exec(asOf);
  if (iso !== null && iso[1]! > "2025-10") return "customerHq";
  // A calendar year before 2025 can only fall in a period first reported on the billing basis.
  const calendar = /\b(20\d{2})\b/.exec(asOf);
  if (calendar !== null && Number(calendar[1]) <= 2024) return "billingLocation";
  return undefined;
}
