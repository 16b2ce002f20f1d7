import type { World } from '../test/e2e/world';
import { programWorld } from '../test/support/scale';
const col = (w: World, sheet: string, h: string) => {
  const s = w.sheet(sheet);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String).indexOf(h) + 1;
};
const kind = process.argv[2] ?? 'signup';
const n = Number(process.argv[3] ?? 100);
const { w, signupRow, grantRow, sessionRow } = programWorld(n);
w.rt.calls.startTrace();
if (kind === 'signup') { const su = w.sheet('相談会申込'); w.rt.editCell(su, su.getRange(signupRow, col(w, '相談会申込', '判定')).getA1Notation(), 'キャンセル', { user: 'staff@smj.example' }); }
if (kind === 'session') { const se = w.sheet('相談会'); w.rt.editCell(se, se.getRange(sessionRow, col(w, '相談会', '定員')).getA1Notation(), 4, { user: 'staff@smj.example' }); }
if (kind === 'grant') { const g = w.sheet('緊急支援'); w.rt.editCell(g, g.getRange(grantRow, col(w, '緊急支援', '判定')).getA1Notation(), '承認', { user: 'staff@smj.example' }); }
console.log(w.rt.calls.stopTrace().join('\n'));
const r = w.rt.executions[w.rt.executions.length - 1];
console.log(r.calls, r.cellsRead, r.cellsWritten, r.ms, r.error);
