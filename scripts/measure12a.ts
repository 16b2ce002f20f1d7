import type { ExecutionRecord } from '../test/runtime';
import type { World } from '../test/e2e/world';
import { programWorld } from '../test/support/scale';

function one(w: World, fn: () => unknown) {
  const from = w.rt.executions.length;
  fn();
  const recs: ExecutionRecord[] = w.rt.executions.slice(from);
  return recs.map((r) => `${r.handler} calls=${r.calls} read=${r.cellsRead} written=${r.cellsWritten} ms=${r.ms} err=${r.error ? String(r.error).slice(0, 100) : ''}`).join(' ; ');
}
const col = (w: World, sheet: string, h: string) => {
  const s = w.sheet(sheet);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String).indexOf(h) + 1;
};
for (const n of [100, 5000]) {
  const { w, signupRow, grantRow, sessionRow } = programWorld(n);
  const su = w.sheet('相談会申込');
  console.log(n, 'signup cancel', one(w, () => w.rt.editCell(su, su.getRange(signupRow, col(w, '相談会申込', '判定')).getA1Notation(), 'キャンセル', { user: 'staff@smj.example' })));
  console.log(n, 'mail', w.rt.mail.sent.map((m) => `${m.to}:${m.subject}`).join(' | '));
  const se = w.sheet('相談会');
  console.log(n, 'capacity', one(w, () => w.rt.editCell(se, se.getRange(sessionRow, col(w, '相談会', '定員')).getA1Notation(), 4, { user: 'staff@smj.example' })));
  const g = w.sheet('緊急支援');
  console.log(n, 'grant', one(w, () => w.rt.editCell(g, g.getRange(grantRow, col(w, '緊急支援', '判定')).getA1Notation(), '承認', { user: 'staff@smj.example' })));
  console.log(n, 'mail', w.rt.mail.sent.length, w.rows('相談会申込').slice(-12).map((r) => `${r.相談会ID}:${r.判定}`).join(','));
}
