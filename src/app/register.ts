/**
 * Registration submit (SPEC §5): normalise → no usable email: report, write nothing → already
 * registered (email, or name + phone): resend the ID → else allocate BN-… under the lock, append
 * to 登録者, and email the ID with the next steps in the supporter's language.
 */
import { formatId, parseId } from '../domain/ids';
import { catalog, languageOf } from '../domain/messages';
import { normalizeEmail, normalizePhone, normalizeText, parseYesNo, splitList } from '../domain/text';
import { Ledger, reportUnmapped } from './ledger';
import type { Ctx, ResponseData, TablePort } from './ports';
import { dammCheckDigit } from '../domain/damm';
import { SUPPORTERS } from './schema';
import type { RegistrationField } from './settings';

export type RegistrationOutcome =
  | { kind: 'registered'; id: string }
  | { kind: 'existing'; id: string }
  | { kind: 'updated'; id: string }
  | { kind: 'unchanged' }
  | { kind: 'unmapped'; titles: string[] }
  | { kind: 'no-email' };

export const SEQ_BN = 'seq.BN';

/** `formTitles` lists the form's question titles (asked only when a required answer is absent). */
export function handleRegistration(ctx: Ctx, r: ResponseData, formTitles: () => string[]): RegistrationOutcome {
  const ledger = new Ledger(ctx);
  const status = ledger.status(r);
  if (status.kind === 'done') return { kind: 'unchanged' };
  const restoreId = status.kind === 'restore' ? status.target : null;
  const titles = ctx.settings.registrationTitles;
  const answer = (f: RegistrationField) => r.answers.get(titles[f]);

  // A required question that is not in the form at all is a mapping problem: keep and report.
  const required: RegistrationField[] = ['name', 'email', 'contactLanguage'];
  const absent = required.filter((f) => answer(f) === undefined && (f !== 'email' || !r.respondentEmail));
  const unmapped = reportUnmapped(ctx, ledger, '登録', r, absent.map((f) => titles[f]), formTitles);
  if (unmapped.length > 0) return { kind: 'unmapped', titles: unmapped };

  const name = normalizeText(answer('name'));
  const phone = normalizePhone(answer('phone'));
  const email = normalizeEmail(answer('email')) || normalizeEmail(r.respondentEmail);
  if (!email) {
    ledger.record('登録', r, 'メールなし', '', 'メールアドレスがないため ID を発行していません');
    ctx.log(`登録回答 ${r.id}`, `メールアドレスがないため ID を発行していません（氏名: ${name || '不明'}、電話: ${phone || '不明'}）`);
    ctx.mail.notifyOffice(
      '登録フォームにメールアドレスのない回答があります',
      `メールアドレスが読み取れないため、伴走ネットIDを発行していません。\n氏名: ${name || '（未記入）'}\n電話番号: ${phone || '（未記入）'}\n入力されたメール: ${normalizeText(answer('email')) || '（未記入）'}\n回答ID: ${r.id}\n\nご本人に連絡し、フォームから登録しなおしてもらってください。`,
    );
    return { kind: 'no-email' };
  }

  const language = languageOf(answer('contactLanguage'));
  const t = ctx.lookup(SUPPORTERS);
  const row = {
    氏名: name,
    メール: email,
    電話番号: phone,
    住所: normalizeText(answer('address')),
    連絡言語: catalog(language).label,
    支援経験: yesNo(answer('experience')),
    フリガナ: normalizeText(answer('kana')),
    都道府県: normalizeText(answer('prefecture')),
    所属団体: normalizeText(answer('organization')),
    対応できる言語: splitList(answer('languages')).join(', '),
    外国ルーツ: yesNo(answer('roots')),
    希望: splitList(answer('wishes')).join(', '),
  };

  // The same response edited: update the contact details, keep the ID.
  const own = t.find('回答ID', r.id);
  if (own >= 0) {
    const id = t.text(own, '伴走ネットID');
    t.set(own, row);
    ledger.record('登録', r, '更新', id);
    ctx.log(id, '登録内容が編集されたため更新しました');
    return { kind: 'updated', id };
  }

  const mail = catalog(language);
  if (restoreId) {
    t.append({ 伴走ネットID: restoreId, 登録日時: r.timestamp, ...row, 状態: '登録', 回答ID: r.id });
    ledger.record('登録', r, '登録', restoreId, '削除された行をフォームの回答から復元');
    ctx.log(restoreId, '登録者の行がなかったため、フォームの回答から復元しました（メールは送っていません）');
    return { kind: 'registered', id: restoreId };
  }
  const existing = findExisting(ctx, email, name, phone);
  if (existing) {
    // The ID goes to the address on record, never to a new one: anyone who knows a name and a
    // phone number could otherwise have someone's ID sent anywhere. A new address is for staff.
    ctx.mail.send(existing.email, mail.registration({ name: existing.name || name, id: existing.id, existing: true, contact: ctx.settings.contactIn(language) }));
    ledger.record('登録', r, '既存', existing.id, '登録済みのため ID を登録済みのアドレスに再送');
    ctx.log(existing.id, `登録済みの方からの再登録（回答 ${r.id}）。既存の ID を登録済みのアドレスに再送しました`);
    if (existing.email !== email) {
      ctx.mail.notifyOffice(
        '登録済みの方が別のメールアドレスで登録しました',
        `${existing.id}（${existing.name}）と氏名・電話番号が同じ登録が、別のメールアドレス（${email}）で届きました。\nID は登録済みのアドレスに再送しました。ご本人に確認のうえ、必要なら登録者シートのメールを更新してください。`,
      );
    }
    return { kind: 'existing', id: existing.id };
  }

  const id = formatId('BN', nextSequence(ctx, SEQ_BN, maxSeqInColumn(ctx, 'BN')));
  t.append({ 伴走ネットID: id, 登録日時: r.timestamp, ...row, 状態: '登録', 回答ID: r.id });
  ctx.mail.send(email, mail.registration({ name, id, existing: false, contact: ctx.settings.contactIn(language) }));
  ledger.record('登録', r, '登録', id);
  ctx.log(id, `新規登録（${mail.label}）`);
  return { kind: 'registered', id };
}

/** はい / いいえ in 登録者 (what else was typed is kept as typed). */
function yesNo(v: unknown): string {
  const b = parseYesNo(v);
  return b === true ? 'はい' : b === false ? 'いいえ' : normalizeText(Array.isArray(v) ? v.join(' ') : v);
}

/** The first supporter (in sheet order) with this email, or with this name and phone: two lookups, not a scan. */
function findExisting(ctx: Ctx, email: string, name: string, phone: string): { id: string; name: string; email: string } | null {
  const t = ctx.lookup(SUPPORTERS);
  const byEmail = t.findAll('メール', email, (v) => normalizeEmail(v) === email);
  const byNamePhone = name !== '' && phone !== '' ? t.findAll('電話番号', phone, (v) => normalizePhone(v) === phone).filter((i) => normalizeText(t.get(i, '氏名')) === name) : [];
  const i = Math.min(byEmail[0] ?? Infinity, byNamePhone[0] ?? Infinity);
  if (!Number.isFinite(i)) return null;
  return { id: t.text(i, '伴走ネットID'), name: t.text(i, '氏名'), email: normalizeEmail(t.get(i, 'メール')) };
}

/** The highest BN number in 登録者: read (one column) only when the counter in script properties is gone. */
function maxSeqInColumn(ctx: Ctx, prefix: 'BN'): number {
  if (ctx.prop(SEQ_BN) !== null) return 0;
  let max = 0;
  for (const v of ctx.lookup(SUPPORTERS).column('伴走ネットID')) {
    const p = parseId(prefix, v);
    if (p.kind === 'ok') max = Math.max(max, p.seq);
  }
  return max;
}

/**
 * The next number of a sequence. Call under the script lock. The counter lives in script
 * properties and is also checked against the sheet, so neither a deleted row nor a lost property
 * can make an ID be issued twice.
 */
export function nextSequence(ctx: Ctx, key: string, maxInSheet: number): number {
  const stored = Number(ctx.prop(key) ?? '0') || 0;
  const next = Math.max(stored, maxInSheet) + 1;
  ctx.setProp(key, String(next));
  return next;
}

/** `S-00001-3`-style IDs of the system's own rows (申込ID, 緊急支援ID): prefix, sequence, Damm digit. */
export function formatSeqId(prefix: string, seq: number): string {
  const digits = String(seq).padStart(5, '0');
  return `${prefix}-${digits}-${dammCheckDigit(digits)}`;
}

/**
 * The next number of a sequence of the system's own IDs (申込ID, 緊急支援ID), under the script lock.
 * The column is read only when the counter is missing from script properties (as for 伴走ネットID):
 * a submit then costs the same whatever the size of the sheet. The counter only grows, so a deleted
 * row cannot make an ID be issued twice; a lost counter is rebuilt from the column.
 */
export function nextSeqOf(ctx: Ctx, key: string, t: TablePort, header: string, prefix: string): number {
  return nextSequence(ctx, key, ctx.prop(key) === null ? maxSeqIn(t, header, prefix) : 0);
}

/** The highest sequence among a column's `PREFIX-00012-3` IDs (0 when none). */
export function maxSeqIn(t: TablePort, header: string, prefix: string): number {
  const re = new RegExp(`^${prefix}-(\\d+)-\\d$`);
  let max = 0;
  // One column (a lean table reads just that column).
  for (const v of t.column(header)) {
    const m = re.exec(String(v ?? '').trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}
