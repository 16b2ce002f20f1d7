/**
 * Online consultation sessions (オンライン相談会, SPEC §9), pure: who may sign up, the capacity and
 * the waiting list. A participant (伴走者として参加) must be registered and have support experience
 * (the registration answer, or at least one approved claim); a trainee (研修として参加) must be
 * registered and have foreign roots. Within 定員 the answer is 参加可, beyond it キャンセル待ち, and
 * anything the rules cannot settle is 要確認 with the reason, for staff.
 */

export type SessionPurpose = 'participant' | 'trainee';

/** The two choices of 参加目的, as the sign-up form offers them. */
export const PURPOSE_CHOICES: Record<SessionPurpose, string> = {
  participant: '伴走者として参加',
  trainee: '研修として参加（外国ルーツの支援者）',
};

export type SignupDecision = '参加可' | 'キャンセル待ち' | '要確認' | 'キャンセル';

export type SignupReasonCode =
  | 'ID_FORMAT'
  | 'ID_UNKNOWN'
  | 'SESSION_UNKNOWN'
  | 'SESSION_CLOSED'
  | 'SESSION_CAPACITY'
  | 'PURPOSE_UNKNOWN'
  | 'NOT_EXPERIENCED'
  | 'NO_FOREIGN_ROOTS'
  | 'ALREADY_SIGNED_UP';

export interface SignupReason {
  code: SignupReasonCode;
  params: Record<string, string>;
}

export interface Session {
  id: string;
  title: string;
  /** 日時 as written for people ('2024-06-15 19:00'), '' when not set. */
  when: string;
  /** 定員: a positive whole number, or null when unset or unreadable. */
  capacity: number | null;
  method: string;
  state: string;
}

/** What the sign-up rules know of the person (null: the ID is nobody's). */
export interface SignupSupporter {
  id: string;
  /** 支援経験 はい in the registration, or at least one 承認 / 支払済 claim. */
  experienced: boolean;
  /** 外国にルーツがありますか = はい. */
  foreignRoots: boolean;
}

/** 参加目的 answer → purpose (either choice text, or its start, in any width). */
export function purposeOf(answer: string): SessionPurpose | null {
  const s = answer.normalize('NFKC').trim();
  if (s.startsWith('伴走者')) return 'participant';
  if (s.startsWith('研修')) return 'trainee';
  return null;
}

/** 定員 as typed: a whole number ≥ 1 (全角 too), else null. */
export function capacityOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : Number(String(v ?? '').normalize('NFKC').replace(/[,人名\s]/g, ''));
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** The form's choice for a session: its ID first, so an answer is read back by its first word. */
export function sessionChoice(s: Session): string {
  return [s.id, s.when, s.title].filter((x) => x !== '').join(' ');
}

/** The 相談会ID an answer names (the first word of the choice, or the whole answer). */
export function sessionIdOfAnswer(answer: string): string {
  return answer.normalize('NFKC').trim().split(' ')[0] ?? '';
}

export interface SignupInput {
  /** The typed ID as parsed: 'ok' with the normalised ID, or why not. */
  id: { kind: 'ok'; id: string } | { kind: 'empty' | 'malformed' | 'checkDigit'; typed: string };
  supporter: SignupSupporter | null;
  sessionAnswer: string;
  session: Session | null;
  purposeAnswer: string;
  purpose: SessionPurpose | null;
  /** Places taken in the session (参加可 sign-ups other than this one). */
  taken: number;
  /** An earlier sign-up of the same person for the same session that is not キャンセル. */
  earlier: string | null;
}

/** The decision for one sign-up. The reasons are for staff (理由) and, in their language, the supporter. */
export function judgeSignup(x: SignupInput): { decision: Exclude<SignupDecision, 'キャンセル'>; reasons: SignupReason[] } {
  const reasons: SignupReason[] = [];
  if (x.id.kind !== 'ok') reasons.push({ code: 'ID_FORMAT', params: { id: x.id.typed } });
  else if (!x.supporter) reasons.push({ code: 'ID_UNKNOWN', params: { id: x.id.id } });
  if (!x.session) reasons.push({ code: 'SESSION_UNKNOWN', params: { session: x.sessionAnswer } });
  else if (x.session.state !== '受付中') reasons.push({ code: 'SESSION_CLOSED', params: { session: x.session.id, state: x.session.state || '（空欄）' } });
  else if (x.session.capacity === null) reasons.push({ code: 'SESSION_CAPACITY', params: { session: x.session.id } });
  if (!x.purpose) reasons.push({ code: 'PURPOSE_UNKNOWN', params: { purpose: x.purposeAnswer } });
  if (x.supporter && x.purpose === 'participant' && !x.supporter.experienced) reasons.push({ code: 'NOT_EXPERIENCED', params: {} });
  if (x.supporter && x.purpose === 'trainee' && !x.supporter.foreignRoots) reasons.push({ code: 'NO_FOREIGN_ROOTS', params: {} });
  if (x.earlier) reasons.push({ code: 'ALREADY_SIGNED_UP', params: { signupId: x.earlier } });
  if (reasons.length > 0) return { decision: '要確認', reasons };
  const capacity = x.session?.capacity ?? 0;
  return { decision: x.taken < capacity ? '参加可' : 'キャンセル待ち', reasons: [] };
}

export interface SignupRow {
  index: number;
  sessionId: string;
  decision: string;
  /** 受付日時 in ms (the waiting list's order; ties by 申込ID, then by row). */
  received: number;
  /** The sequence of its 申込ID (S-00042-x → 42), if it has one: issued in order of receipt, it survives a sort. */
  seq?: number;
}

/**
 * When places free up (a キャンセル, a higher 定員), the waiting list moves up in order of receipt:
 * returns the rows that become 参加可, per session, while places remain.
 */
export function promotions(sessions: ReadonlyMap<string, Session>, rows: readonly SignupRow[]): number[] {
  const out: number[] = [];
  const bySession = new Map<string, SignupRow[]>();
  for (const r of rows) {
    const list = bySession.get(r.sessionId) ?? [];
    list.push(r);
    bySession.set(r.sessionId, list);
  }
  for (const [id, list] of bySession) {
    const s = sessions.get(id);
    // A session that no longer takes sign-ups keeps its waiting list as it is (staff decide).
    if (!s || s.state !== '受付中' || s.capacity === null) continue;
    let free = s.capacity - list.filter((r) => r.decision === '参加可').length;
    const seq = (r: SignupRow) => r.seq ?? Number.POSITIVE_INFINITY;
    const byReceipt = (a: SignupRow, b: SignupRow) => a.received - b.received || (seq(a) === seq(b) ? 0 : seq(a) < seq(b) ? -1 : 1) || a.index - b.index;
    const waiting = list.filter((r) => r.decision === 'キャンセル待ち').sort(byReceipt);
    for (const r of waiting) {
      if (free <= 0) break;
      out.push(r.index);
      free--;
    }
  }
  return out;
}
