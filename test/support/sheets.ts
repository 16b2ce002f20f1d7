/** Reading and writing the spreadsheet as staff and tests see it (shared by the e2e world, demo and bench). */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function sheetOf(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** A sheet's rows as objects keyed by header (values as getValues gives them), blank rows left out. */
export function rowsOf(ss: Spreadsheet, name: string): Record<string, unknown>[] {
  const [header, ...rest] = sheetOf(ss, name).getDataRange().getValues();
  return rest.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** Staff fill in a 設定 value (the 値 cell of the key's row; a new row for an unknown key). */
export function setSetting(ss: Spreadsheet, key: string, value: string): void {
  const s = sheetOf(ss, '設定');
  const values = s.getDataRange().getValues();
  const i = values.findIndex((r) => r[0] === key);
  if (i < 0) s.appendRow([key, value, '']);
  else s.getRange(i + 1, 2).setValue(value);
}
