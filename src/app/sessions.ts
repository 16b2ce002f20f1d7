/**
 * Consultation sessions (オンライン相談会, SPEC §9): the sign-up submit, staff's changes of 判定
 * (a キャンセル frees a place and the waiting list moves up in order), and the open sessions the
 * sign-up form offers. The rules are in domain/sessions; this is reading, writing and mail.
 */
import { isDateObject, tokyoDateTime } from '../domain/calendar';
import { parseId } from '../domain/ids';
import type { Language } from '../domain/messages';
import { catalog, languageOf, LANGUAGES } from '../domain/messages';
import type { SessionOutcome } from '../domain/messages/sessions';
import { sessionCatalog } from '../domain/messages/sessions';
import type { Session, SessionPurpose, SignupDecision, SignupInput, SignupReason, SignupSupporter } from '../domain/sessions';
import { capacityOf, judgeSignup, promotions, purposeOf, sessionIdOfAnswer } from '../domain/sessions';
import { normalizeEmail, normalizeText, parseYesNo } from '../domain/text';
import { Ledger, reportUnmapped } from './ledger';
import type { Ctx, ResponseData, TablePort } from './ports';
import { formatSeqId, nextSeqOf } from './register';
import { CLAIMS, SESSIONS, SIGNUP_DECISIONS, SIGNUPS, SUPPORTERS } from './schema';
import { SESSION_QUESTIONS } from './settings';

export const SEQ_S = 'seq.S';

/** 申込ID: `S-` + sequence + Damm digit, like the other IDs. */
export const formatSignupId = (seq: number) => formatSeqId('S', seq);

export type SessionField = keyof typeof SESSION_QUESTIONS;

/** The sign-up form's question titles, as mapped in 設定 (相談会設問:…). */
export function sessionTitles(ctx: Ctx): Record<SessionField, string> {
  const out = {} as Record<SessionField, string>;
  for (const [field, title] of Object.entries(SESSION_QUESTIONS) as [SessionField, string][]) {
    out[field] = normalizeText(ctx.settings.value(`相談会設問:${title}`)) || title;
  }
  return out;
}

/** 相談会, read once (the daily job and 集計; a submit or an edit looks sessions up instead). */
export function readSessions(ctx: Ctx): Map<string, Session> {
  const t = ctx.table(SESSIONS);
  const out = new Map<string, Session>();
  for (let i = 0; i < t.length; i++) {
    const id = normalizeText(t.get(i, '相談会ID'));
    if (!id || out.has(id)) continue;
    out.set(id, sessionAt(t, i, id));
  }
  return out;
}

function sessionAt(t: TablePort, i: number, id: string): Session {
  const when = t.get(i, '日時');
  return {
    id,
    // As staff typed it (not NFKC): it is shown in the form and mails.
    title: String(t.get(i, '名称') ?? '').replace(/\s+/g, ' ').trim(),
    when: isDateObject(when) && !Number.isNaN(when.getTime()) ? tokyoDateTime(when) : normalizeText(when),
    capacity: capacityOf(t.get(i, '定員')),
    method: normalizeText(t.get(i, '参加方法')),
    state: normalizeText(t.get(i, '状態')),
  };
}

/**
 * The sessions named (a submit or an edit): each looked up by 相談会ID (a TextFinder), not the whole
 * sheet. An ID the lookup does not find (none, or typed in another width in 相談会) is looked for in
 * the whole sheet, read once, as before.
 */
export function sessionsByIds(ctx: Ctx, ids: Iterable<string>): Map<string, Session> {
  const t = ctx.lookup(SESSIONS);
  const out = new Map<string, Session>();
  for (const id of ids) {
    if (!id || out.has(id)) continue;
    const i = t.find('相談会ID', id);
    if (i < 0) {
      const all = readSessions(ctx);
      for (const [k, v] of out) if (!all.has(k)) all.set(k, v);
      return all;
    }
    out.set(id, sessionAt(t, i, normalizeText(t.get(i, '相談会ID'))));
  }
  return out;
}

/** The sessions the sign-up form offers: 受付中, in sheet order (found by 状態, not read whole). */
export function openSessions(ctx: Ctx): Session[] {
  const t = ctx.lookup(SESSIONS);
  const out = new Map<string, Session>();
  for (const i of t.findGroup('状態', '受付中', SESSIONS.headers)) {
    const id = normalizeText(t.get(i, '相談会ID'));
    if (!id || out.has(id)) continue;
    const s = sessionAt(t, i, id);
    if (s.state === '受付中') out.set(id, s);
  }
  return [...out.values()];
}

export type SignupOutcome =
  | { kind: 'created' | 'updated' | 'restored'; signupId: string; decision: string }
  | { kind: 'unchanged' }
  | { kind: 'unmapped'; titles: string[] };

interface Person {
  facts: SignupSupporter;
  name: string;
  email: string;
  language: Language;
}

/** The person behind an ID (null: nobody holds it). Experience: 支援経験 はい, or one approved claim. */
function findPerson(ctx: Ctx, id: string): Person | null {
  // Lookups (a submit reads only the rows it needs): the person's row, then their claims.
  const s = ctx.lookup(SUPPORTERS);
  const i = s.find('伴走ネットID', id);
  if (i < 0) return null;
  const yes = (v: unknown) => parseYesNo(v) === true;
  let experienced = yes(s.get(i, '支援経験'));
  if (!experienced) {
    const c = ctx.lookup(CLAIMS);
    experienced = c.findAll('伴走ネットID', id).some((j) => ['承認', '支払済'].includes(c.text(j, '判定')));
  }
  return {
    facts: { id, experienced, foreignRoots: yes(s.get(i, '外国ルーツ')) },
    name: s.text(i, '氏名'),
    email: normalizeEmail(s.get(i, 'メール')),
    language: languageOf(s.get(i, '連絡言語')),
  };
}

const REQUIRED: SessionField[] = ['supporterId', 'session', 'purpose'];

/**
 * 回答記録 詳細 of a sign-up: what happened, then the row's current 判定 (kept up to date when staff or
 * the waiting list change it), so that a row deleted by staff comes back from reconcile with it.
 */
export function signupDetail(note: string, decision: string): string {
  return note ? `${note} / 判定: ${decision}` : `判定: ${decision}`;
}

const DECISION_IN_DETAIL = /(?:^| \/ )判定: (\S+)$/;

/** The 判定 a sign-up's 詳細 holds (null: none, e.g. recorded before the 判定 was kept there). */
export function decisionInDetail(detail: string): SignupDecision | null {
  const m = DECISION_IN_DETAIL.exec(detail);
  return m && (SIGNUP_DECISIONS as readonly string[]).includes(m[1]) ? (m[1] as SignupDecision) : null;
}

/** After a change of 判定: the sign-up's 回答記録 row says the new one (one cell, only when it differs). */
function noteDecision(ledger: Ledger, responseId: string, decision: string): void {
  if (!responseId) return;
  const detail = ledger.detail(responseId);
  ledger.setDetail(responseId, signupDetail(detail.replace(DECISION_IN_DETAIL, ''), decision));
}

/** onSessionSubmit: one row in 相談会申込 with the decision, and the result mail. */
export function handleSignup(ctx: Ctx, r: ResponseData, formTitles: () => string[]): SignupOutcome {
  const ledger = new Ledger(ctx);
  const status = ledger.status(r);
  if (status.kind === 'done') return { kind: 'unchanged' };
  // Staff deleted the row this response made: it comes back with its 申込ID and the 判定 回答記録 holds.
  const restoreId = status.kind === 'restore' ? status.target : null;
  const titles = sessionTitles(ctx);
  const raw = (f: SessionField) => r.answers.get(titles[f]);
  const text = (f: SessionField) => normalizeText(raw(f));
  const absent = REQUIRED.filter((f) => raw(f) === undefined).map((f) => titles[f]);
  const unmapped = reportUnmapped(ctx, ledger, '相談会', r, absent, formTitles);
  if (unmapped.length > 0) return { kind: 'unmapped', titles: unmapped };

  const typedId = text('supporterId');
  const parsed = parseId('BN', typedId);
  const person = parsed.kind === 'ok' ? findPerson(ctx, parsed.id) : null;
  const sessionAnswer = text('session');
  const sessionId = sessionIdOfAnswer(sessionAnswer);
  const sessions = sessionsByIds(ctx, [sessionId]);
  const session = sessions.get(sessionId) ?? null;
  const purposeAnswer = text('purpose');
  const purpose = purposeOf(purposeAnswer);
  const supporterId = parsed.kind === 'ok' ? parsed.id : typedId;

  const t = ctx.lookup(SIGNUPS);
  const own = t.find('回答ID', r.id);
  if (own >= 0 && t.text(own, '伴走ネットID') === supporterId && t.text(own, '相談会ID') === (session?.id ?? sessionId) && t.text(own, '参加目的') === purposeAnswer) {
    // An edit that changed nothing the sign-up depends on (a typo in the address): the place stays.
    ledger.record('相談会', r, '申込', t.text(own, '申込ID'), signupDetail('編集（申込内容の変更なし）', t.text(own, '判定')));
    return { kind: 'unchanged' };
  }
  let taken = 0;
  let earlier: string | null = null;
  for (const i of session ? t.findGroup('相談会ID', session.id, ['申込ID', '伴走ネットID', '判定']) : []) {
    if (i === own) continue;
    const decision = t.text(i, '判定');
    if (decision === '参加可') taken++;
    if (parsed.kind === 'ok' && t.text(i, '伴走ネットID') === parsed.id && decision !== 'キャンセル' && !earlier) earlier = t.text(i, '申込ID');
  }
  const input: SignupInput = {
    id: parsed.kind === 'ok' ? { kind: 'ok', id: parsed.id } : { kind: parsed.kind, typed: typedId },
    supporter: person?.facts ?? null,
    sessionAnswer,
    session,
    purposeAnswer,
    purpose,
    taken,
    earlier,
  };
  const { decision, reasons } = judgeSignup(input);
  const reasonCell = reasons.map((x) => `${x.code}: ${sessionCatalog('ja').reason(x)}`).join('\n');
  const row = {
    受付日時: r.timestamp,
    伴走ネットID: supporterId,
    氏名: person?.name ?? '',
    相談会ID: session?.id ?? sessionAnswer,
    参加目的: purposeAnswer,
    判定: decision,
    記録済み判定: decision,
    理由: reasonCell,
    メール: person?.email || normalizeEmail(raw('email')) || normalizeEmail(r.respondentEmail),
    言語: person ? catalog(person.language).label : '',
    回答ID: r.id,
    回答日時: r.timestamp,
  };
  if (restoreId && own < 0) return restoreSignup(ctx, ledger, r, { signupId: restoreId, row, judged: decision, session, taken });
  let signupId: string;
  let freed: string | null = null;
  if (own >= 0) {
    // An edit that changes the session, the purpose or the ID is a new request: judged again, at
    // the end of the queue (受付日時 = the edit). A place it held is freed for the waiting list.
    signupId = t.text(own, '申込ID');
    if (t.text(own, '判定') === '参加可') freed = t.text(own, '相談会ID');
    t.set(own, row);
    ctx.log(signupId, `相談会の申込が編集されたため判定しなおしました: ${decision}${reasons.length ? `（${reasons.map((x) => x.code).join(', ')}）` : ''}`);
  } else {
    signupId = formatSignupId(nextSeqOf(ctx, SEQ_S, t, '申込ID', 'S'));
    t.append({ 申込ID: signupId, ...row, 出欠: '' });
    ctx.log(signupId, `相談会の申込を受付（${session?.id ?? sessionAnswer}）: ${decision}${reasons.length ? `（${reasons.map((x) => x.code).join(', ')}）` : ''}`);
  }
  ledger.record('相談会', r, '申込', signupId, signupDetail(own >= 0 ? '編集' : '', decision));
  sendResult(ctx, {
    to: row.メール,
    language: person?.language ?? null,
    name: person?.name || supporterId || '—',
    signupId,
    session,
    sessionAnswer,
    purpose,
    outcome: decision,
    reasons,
  });
  if (freed) moveUpWaitingList(ctx, [freed]);
  return { kind: own >= 0 ? 'updated' : 'created', signupId, decision };
}

/**
 * A sign-up row deleted by staff, rebuilt from its response (reconcile): the same 申込ID, and the 判定
 * it last had as 回答記録 keeps it (so a キャンセル stays cancelled and a place given stays given).
 * Only a response recorded before 回答記録 kept the 判定 is judged again, against the rows as they
 * are. No mail in either case: the person already has their answer. 出欠 (staff's) is not known.
 * Restoring a 参加可 into a session whose places were meanwhile given to others is told to the office.
 */
function restoreSignup(
  ctx: Ctx,
  ledger: Ledger,
  r: ResponseData,
  x: { signupId: string; row: Record<string, unknown>; judged: SignupDecision; session: Session | null; taken: number },
): SignupOutcome {
  const recorded = decisionInDetail(ledger.detail(r.id));
  const decision = recorded ?? x.judged;
  const row = { ...x.row, 判定: decision, 記録済み判定: decision, 理由: decision === x.judged ? x.row.理由 : '' };
  ctx.lookup(SIGNUPS).append({ 申込ID: x.signupId, ...row, 出欠: '' });
  ledger.record('相談会', r, '申込', x.signupId, signupDetail('削除された行をフォームの回答から復元', decision));
  ctx.log(x.signupId, `相談会申込の行がなかったため、フォームの回答から復元しました: ${decision}（${recorded ? '回答記録の判定' : '判定しなおし'}、メールは送っていません）`);
  const capacity = x.session?.capacity;
  if (decision === '参加可' && x.session && capacity != null && x.taken >= capacity) {
    const line = `相談会 ${x.session.id} の参加可が定員（${capacity}名）を超えています（復元した申込 ${x.signupId} を含め ${x.taken + 1}名）。判定を確認してください`;
    ctx.log(x.signupId, line);
    ctx.mail.notifyOffice(`相談会 ${x.session.id} が定員を超えています`, line);
  }
  return { kind: 'restored', signupId: x.signupId, decision };
}

interface ResultArgs {
  to: string;
  /** null: the ID says nobody, so the mail goes to the typed address in all three languages. */
  language: Language | null;
  name: string;
  signupId: string;
  session: Session | null;
  sessionAnswer: string;
  purpose: SessionPurpose | null;
  outcome: SessionOutcome;
  reasons: SignupReason[];
}

/** Returns false when there was no address to send to (logged). */
function sendResult(ctx: Ctx, m: ResultArgs): boolean {
  if (!m.to) {
    ctx.log(m.signupId, '申込者のメールアドレスがないため、結果を送っていません');
    return false;
  }
  const mails = (m.language ? [m.language] : LANGUAGES).map((lang) =>
    sessionCatalog(lang).result({
      name: m.name,
      signupId: m.signupId,
      sessionId: m.session?.id ?? m.sessionAnswer,
      sessionTitle: m.session?.title ?? '',
      when: m.session?.when ?? '',
      purpose: m.purpose,
      outcome: m.outcome,
      reasons: m.reasons,
      contact: ctx.settings.contactIn(lang),
    }),
  );
  // (Reply-To 事務局メール is the outbox's rule for every supporter mail.)
  ctx.mail.send(m.to, { subject: mails.map((x) => x.subject).join(' / '), body: mails.map((x) => x.body).join('\n\n==========\n\n') });
  return true;
}

/**
 * Staff's changes of 判定 in 相談会申込 (edit trigger, and the daily job for edits whose trigger
 * could not run): a value outside the list is put back; 参加可 set by staff (after checking a
 * 要確認) is mailed; then the waiting list moves up wherever a place is free.
 * With `edited` (the rows of the edit that fired the trigger) only those rows are read and acted on,
 * and only their sessions' waiting lists are looked at: an edit costs the same whatever the size of
 * 相談会申込. Without, every row is (the daily job).
 */
export function handleSignupChanges(ctx: Ctx, edited?: readonly number[], allOpen = false): { changes: number; promoted: number } {
  const lean = edited !== undefined;
  const t = lean ? ctx.lookup(SIGNUPS) : ctx.table(SIGNUPS);
  // (Edited rows are sheet rows: read as they are, without asking the sheet its length.)
  const rows = lean ? [...new Set(edited)].filter((i) => i >= 0).sort((a, b) => a - b) : Array.from({ length: t.length }, (_, i) => i);
  t.load(rows, lean);
  let changes = 0;
  let sessions: Map<string, Session> | undefined;
  let ledger: Ledger | undefined;
  const touched: string[] = [];
  for (const i of rows) {
    const id = t.text(i, '申込ID');
    if (!id) continue;
    // The session as 相談会 names it (NFKC, trimmed): an ID staff typed in full width or with a space
    // is written back so, so that the lookups by 相談会ID (whole cells) find the row from now on. Not
    // an answer kept as given (a session 相談会 does not list: "S-9 2024-06-30 19:00 名称…").
    const typed = t.get(i, '相談会ID');
    const sessionId = normalizeText(typed);
    if (typeof typed === 'string' && sessionId !== typed && !/\s/.test(sessionId)) t.set(i, { 相談会ID: sessionId });
    touched.push(sessionId);
    const now = t.text(i, '判定');
    const recorded = t.text(i, '記録済み判定');
    if (now === recorded) continue;
    if (!(SIGNUP_DECISIONS as readonly string[]).includes(now)) {
      t.set(i, { 判定: recorded });
      ctx.log(id, `判定「${now}」は選択肢にないため「${recorded}」に戻しました`);
      continue;
    }
    t.set(i, { 記録済み判定: now });
    noteDecision((ledger ??= new Ledger(ctx)), t.text(i, '回答ID'), now);
    ctx.log(id, `相談会の申込の判定: ${recorded || '（なし）'} → ${now}`);
    changes++;
    // The row's session (looked up by 相談会ID on an edit; the whole of 相談会 read once by the daily job).
    const sessionOf = () => {
      if (lean) sessions = new Map([...(sessions ?? []), ...sessionsByIds(ctx, [t.text(i, '相談会ID')])]);
      else sessions ??= readSessions(ctx);
      return sessions;
    };
    if (now === '参加可' && recorded !== '参加可') resultTo(ctx, t, i, sessionOf(), recorded === 'キャンセル待ち' ? '繰り上げ' : '参加可');
    // ---- sign-up cancelled by staff (helper 12c): the person is told ----
    if (now === 'キャンセル' && cancelIsNews(recorded)) cancelledTo(ctx, t, i, sessionOf());
    // ---- end: sign-up cancelled by staff ----
  }
  // allOpen (a 相談会ID edited): the session a sign-up left is no longer named by its row; every open
  // session's waiting list is looked at (a few sessions, found by 状態).
  if (lean && allOpen) touched.push(...openSessions(ctx).map((s) => s.id));
  const promoted = moveUpWaitingList(ctx, lean ? touched : undefined);
  return { changes, promoted };
}

/**
 * Moves the waiting list up where places are free; mails each person moved up. Returns how many.
 * `only`: these sessions only (`known`: those already read), each read as its sign-ups (a TextFinder on 相談会ID and one block of the
 * columns the order needs), and only while it takes sign-ups: the cost of an edit does not grow
 * with 相談会申込. Without, every session (the daily job).
 */
export function moveUpWaitingList(ctx: Ctx, only?: readonly string[], known?: ReadonlyMap<string, Session>): number {
  const t = only ? ctx.lookup(SIGNUPS) : ctx.table(SIGNUPS);
  const ids = only ? [...new Set(only.filter((x) => x !== ''))] : null;
  const sessions = ids ? new Map([...sessionsByIds(ctx, ids.filter((id) => !known?.has(id))), ...(known ?? [])]) : readSessions(ctx);
  const open = (id: string) => {
    const s = sessions.get(id);
    return !!s && s.state === '受付中' && s.capacity !== null;
  };
  const candidates = ids
    ? ids.filter(open).flatMap((id) => t.findGroup('相談会ID', id, ['申込ID', '受付日時', '相談会ID', '判定']))
    : Array.from({ length: t.length }, (_, i) => i);
  const rows = [];
  for (const i of candidates) {
    if (!t.text(i, '申込ID')) continue;
    const at = t.get(i, '受付日時');
    const seq = /^S-(\d+)-\d$/.exec(t.text(i, '申込ID'));
    rows.push({
      index: i,
      sessionId: normalizeText(t.get(i, '相談会ID')),
      decision: t.text(i, '判定'),
      received: isDateObject(at) ? at.getTime() : Number.POSITIVE_INFINITY,
      ...(seq ? { seq: Number(seq[1]) } : {}),
    });
  }
  const up = promotions(sessions, rows);
  // The rows moved up are read whole (their mail needs the person): one read for the lot.
  t.load(up, true);
  const ledger = up.length > 0 ? new Ledger(ctx) : null;
  for (const i of up) {
    t.set(i, { 判定: '参加可', 記録済み判定: '参加可' });
    if (ledger) noteDecision(ledger, t.text(i, '回答ID'), '参加可');
    ctx.log(t.text(i, '申込ID'), `キャンセル待ちから繰り上げ（${t.text(i, '相談会ID')}）`);
    resultTo(ctx, t, i, sessions, '繰り上げ');
  }
  return up.length;
}

/**
 * Staff edited these rows of 相談会 (a 定員, a 状態, a new session): the waiting list of each session
 * named there moves up where places are free (its sign-ups only, not the whole of 相談会申込).
 */
export function sessionsEdited(ctx: Ctx, edited: readonly number[]): number {
  const t = ctx.lookup(SESSIONS);
  const rows = [...new Set(edited)].filter((i) => i >= 0).sort((a, b) => a - b);
  t.load(rows, true);
  // The edited rows are the sessions as staff just wrote them: no lookup of their own.
  const known = new Map<string, Session>();
  for (const i of rows) {
    const id = normalizeText(t.get(i, '相談会ID'));
    if (id && !known.has(id)) known.set(id, sessionAt(t, i, id));
  }
  return moveUpWaitingList(ctx, [...known.keys()], known);
}

/**
 * A キャンセル is news to the person when the sign-up last had a 判定 they were told
 * (参加可, キャンセル待ち or 要確認). The change is seen once: 記録済み判定 is written before the mail
 * goes (commit writes first), so the same edit typed again, the daily job, or a row restored by
 * reconcile (it comes back with 記録済み判定 = 判定) mail nobody.
 */
function cancelIsNews(recorded: string): boolean {
  return recorded !== 'キャンセル' && (SIGNUP_DECISIONS as readonly string[]).includes(recorded);
}

/** The キャンセル mail (the person's registered address and language), and its ログ line. */
function cancelledTo(ctx: Ctx, t: TablePort, i: number, sessions: Map<string, Session>): void {
  const hadAddress = resultTo(ctx, t, i, sessions, 'キャンセル');
  if (hadAddress) ctx.log(t.text(i, '申込ID'), '相談会の申込のキャンセルを申込者にメールで知らせました');
}

/** The result mail for a row already in 相談会申込 (the person's registered address and language). */
function resultTo(ctx: Ctx, t: TablePort, i: number, sessions: Map<string, Session>, outcome: SessionOutcome): boolean {
  const id = t.text(i, '伴走ネットID');
  const person = parseId('BN', id).kind === 'ok' ? findPerson(ctx, id) : null;
  return sendResult(ctx, {
    to: person?.email || t.text(i, 'メール'),
    language: person?.language ?? languageOf(t.get(i, '言語')),
    name: person?.name || t.text(i, '氏名') || id,
    signupId: t.text(i, '申込ID'),
    session: sessions.get(t.text(i, '相談会ID')) ?? null,
    sessionAnswer: t.text(i, '相談会ID'),
    purpose: purposeOf(t.text(i, '参加目的')),
    outcome,
    reasons: [],
  });
}
