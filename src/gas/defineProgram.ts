/**
 * 新しい事業を設定 (menu, `defineProgram`): asks, one prompt at a time, for what differs from the
 * previous program (name, period, amounts, limits, payday, budget), each with the previous value
 * as the default; shows the result to confirm; writes the 設定 definition and makes it active; then
 * the lifecycle check reopens the claim form if the new program is open today. Nobody types JSON.
 */
import { checkProgramLifecycle, defineProgram } from '../app/lifecycle';
import { tokyoDateOf } from '../domain/calendar';
import type { Program, ProgramAnswers } from '../domain/programs';
import { draftProgram, latestProgram, programDefaults } from '../domain/programs';
import { withCtx } from './entry';
import { okAlert, ui } from './ui';

const TITLE = '新しい事業を設定';

/** A plain summary of a program, for the confirmation and the final message. */
export function programSummary(p: Program, previous: Program): string {
  const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
  const tiers = p.tiers.map((t) => `${Math.max(t.fromHours, p.minHours)}時間以上 ${yen(t.amount)}`).join(' / ');
  return [
    `事業: ${p.name}`,
    `支援期間: ${p.period.start} 〜 ${p.period.end}`,
    `金額: ${tiers}（${p.minHours}時間未満は対象外）`,
    `上限: 相談者1人あたり ${p.maxEventsPerRecipient}回、1回の支援あたり伴走者 ${p.maxSupportersPerEvent}人`,
    `支払日: 毎月${p.paydayDay}日（土日祝・年末年始は前の営業日）`,
    `予算上限: ${p.budgetYen === null ? 'なし' : yen(p.budgetYen)}`,
    `申請期限・締め日・申請資格: 「${previous.name}」と同じ`,
  ].join('\n');
}

/**
 * With `given` answers (the editor, tests) nothing is asked. Returns the new program's id, or
 * null when cancelled or invalid (the reason was shown).
 */
export function defineProgramFromMenu(actor: string, given?: Partial<ProgramAnswers>): { id: string; formReopened: boolean } | null {
  const { previous, programs, today } = withCtx(`${TITLE}（確認）`, actor, (ctx) => ({
    previous: latestProgram(ctx.settings.programs),
    programs: ctx.settings.programs,
    today: tokyoDateOf(ctx.now),
  }));
  const defaults = programDefaults(previous, today);
  const u = ui();
  let answers: ProgramAnswers;
  if (given) {
    answers = { name: '', ...defaults, ...given };
  } else {
    if (!u) throw new Error('新しい事業の設定は、スプレッドシートのメニュー「伴走ネット」→「新しい事業を設定」から実行してください');
    const ask = (message: string, fallback: string): string | null => {
      const r = u.prompt(TITLE, fallback === '' ? message : `${message}\n空欄なら「${fallback}」`, u.ButtonSet.OK_CANCEL);
      if (r.getSelectedButton() !== u.Button.OK) return null;
      return r.getResponseText().trim() || fallback;
    };
    const steps: [keyof ProgramAnswers, string, string][] = [
      ['name', `事業の名前（例: ${today.slice(0, 4)}年度伴走支援）。前の事業は「${previous.name}」（${previous.period.start}〜${previous.period.end}）です。`, ''],
      ['start', '支援期間の初日（例: 2026-04-01）', defaults.start],
      ['end', '支援期間の最終日（例: 2027-03-31）', defaults.end],
      ['amounts', '金額を「時間以上:円」でカンマ区切りに（最初の時間が最低時間。例: 1:4000, 2:8000 は 1時間以上2時間未満 4,000円、2時間以上 8,000円）', defaults.amounts],
      ['limits', '上限を「相談者1人あたりの支援回数, 1回の支援あたりの伴走者数」で（例: 3, 2）', defaults.limits],
      ['payday', '支払日（毎月の日にち。土日祝は前の営業日）', defaults.payday],
      ['budget', `予算上限（円）。上限なしは「なし」${defaults.budget ? '' : '（空欄も上限なし）'}`, defaults.budget],
    ];
    const got: Partial<ProgramAnswers> = {};
    for (const [key, message, fallback] of steps) {
      const v = ask(message, fallback);
      if (v === null) return null;
      got[key] = key === 'budget' && /^(なし|無し|none)$/i.test(v) ? '' : v;
    }
    answers = got as ProgramAnswers;
  }
  const draft = draftProgram(answers, previous, programs);
  if (!draft.ok) {
    okAlert(TITLE, `設定できませんでした。次の点を直して、もう一度実行してください。\n\n${draft.errors.map((e) => `・${e}`).join('\n')}`);
    return null;
  }
  if (u && !given) {
    const ok = u.alert(TITLE, `次の内容で新しい事業を設定し、有効にします。よろしいですか？\n\n${programSummary(draft.program, previous)}`, u.ButtonSet.YES_NO);
    if (ok !== u.Button.YES) return null;
  }
  const saved = withCtx(TITLE, actor, (ctx) => defineProgram(ctx, answers, previous));
  if (!saved.ok) {
    okAlert(TITLE, `設定できませんでした:\n${saved.errors.map((e) => `・${e}`).join('\n')}`);
    return null;
  }
  // A fresh run reads the new 設定: the form reopens if the new program is open today.
  const life = withCtx('事業の確認', actor, (ctx) => checkProgramLifecycle(ctx));
  okAlert(
    TITLE,
    `新しい事業を設定し、有効にしました（設定シートの「プログラム定義:${saved.program.id}」）。\n\n${programSummary(saved.program, previous)}\n\n${
      life.reopenedForm ? '申請フォームの受付を再開しました。' : life.message ? life.message : '申請フォームは受付中です。'
    }`,
  );
  return { id: saved.program.id, formReopened: life.reopenedForm };
}
