/** The codes of 自動チェック (SPEC §4). Each becomes `CODE: sentence` in the sheet and a sentence in the receipt. */
export const REASON_CODES = [
  'FIELD_MISSING',
  'ID_FORMAT',
  'ID_UNKNOWN',
  'NOT_ELIGIBLE',
  'EMAIL_MISMATCH',
  'OUT_OF_PERIOD',
  'FUTURE_DATE',
  'LATE',
  'HOURS_INVALID',
  'TOO_SHORT',
  'CASE_ID_MISSING',
  'CASE_ID_UNKNOWN',
  'RECIPIENT_LIMIT',
  'EVENT_LIMIT',
  'DUPLICATE',
  'CO_SUPPORTER_UNKNOWN',
  'CO_SUPPORTER_SELF',
  'BUDGET_EXCEEDED',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** Parameters a sentence may quote (field names, dates, limits …). */
export type ReasonParams = Record<string, string | number>;

export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
}

/** Codes that mean "this claim does not take a place" in the per-recipient and per-event limits (SPEC §1). */
export const NON_COUNTING_CODES: readonly ReasonCode[] = ['RECIPIENT_LIMIT', 'EVENT_LIMIT', 'DUPLICATE'];

export function isReasonCode(s: string): s is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(s);
}

/**
 * The reasons with their parameters (hidden column 自動チェック詳細), so a later mail can state them
 * in the supporter's language; 自動チェック itself is Japanese for staff.
 */
export function reasonsJson(reasons: readonly Reason[]): string {
  return reasons.length === 0 ? '' : JSON.stringify(reasons.map((r) => ({ code: r.code, params: r.params })));
}

/** Reads reasonsJson back; [] for an empty, foreign or damaged cell (the mail then quotes 自動チェック). */
export function reasonsFromJson(cell: unknown): Reason[] | null {
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  try {
    const list = JSON.parse(cell) as unknown;
    if (!Array.isArray(list)) return null;
    const out: Reason[] = [];
    for (const x of list) {
      const r = x as { code?: unknown; params?: unknown };
      if (typeof r.code !== 'string' || !isReasonCode(r.code) || typeof r.params !== 'object' || r.params === null) return null;
      out.push({ code: r.code, params: r.params as ReasonParams });
    }
    return out;
  } catch {
    return null;
  }
}

/** Reads the codes back from a 自動チェック cell ("OK" or lines "CODE: sentence"). */
export function codesInCheckCell(cell: unknown): ReasonCode[] {
  if (typeof cell !== 'string') return [];
  const codes: ReasonCode[] = [];
  for (const line of cell.split(/\r?\n/)) {
    const code = line.split(':')[0].trim();
    if (isReasonCode(code)) codes.push(code);
  }
  return codes;
}
