/** What staff do by hand in the e2e worlds: record documents, approve what is pending. */
import type { World } from './world';

/** 覚書受領日 and 口座届受領日 of a supporter (null: cleared). */
export function setDocs(w: World, id: string, date: string | null): void {
  const s = w.sheet('登録者');
  const values = s.getDataRange().getValues();
  const r = values.findIndex((x) => x[0] === id) + 1;
  const h = values[0];
  const v = date ? new Date(`${date}T00:00:00+09:00`) : '';
  s.getRange(r, h.indexOf('覚書受領日') + 1).setValue(v);
  s.getRange(r, h.indexOf('口座届受領日') + 1).setValue(v);
}

/** A reviewer sets every 審査待ち claim to 承認 through the edit trigger. */
export function approveAll(w: World): void {
  const s = w.sheet('申請');
  const values = s.getDataRange().getValues();
  const col = values[0].indexOf('判定') + 1;
  values.slice(1).forEach((r, i) => {
    if (r[col - 1] === '審査待ち') w.rt.editCell(s, s.getRange(i + 2, col).getA1Notation(), '承認', { user: 'reviewer@smj.example' });
  });
}
