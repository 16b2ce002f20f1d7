/**
 * A1 notation of a block of cells ("K502", "A2:C10"), as Range.getA1Notation gives it, read as grid
 * coordinates (1-based). Anything else (a whole row "5:5", a whole column "K:K", a sheet name) is
 * null: the caller asks the range instead.
 */
export interface Grid {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** "A" → 1, "Z" → 26, "AA" → 27, "AMJ" → 1024. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function gridOfA1(a1: string): Grid | null {
  const m = /^([A-Z]{1,3})([1-9][0-9]*)(?::([A-Z]{1,3})([1-9][0-9]*))?$/.exec(a1);
  if (!m) return null;
  const c0 = columnNumber(m[1]);
  const r0 = Number(m[2]);
  const c1 = m[3] ? columnNumber(m[3]) : c0;
  const r1 = m[4] ? Number(m[4]) : r0;
  // (Google writes the top-left corner first; a reversed block is read the same way.)
  const row = Math.min(r0, r1);
  const col = Math.min(c0, c1);
  return { row, col, numRows: Math.abs(r1 - r0) + 1, numCols: Math.abs(c1 - c0) + 1 };
}
