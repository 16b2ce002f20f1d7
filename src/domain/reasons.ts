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
