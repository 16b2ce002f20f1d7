/**
 * Catalog of the consultation-session mails (オンライン相談会, SPEC §9) in ja / en / vi: the result of
 * a sign-up, a place freed by a cancellation, a sign-up cancelled by staff, and the reasons a
 * sign-up needs checking.
 */
import type { SessionPurpose, SignupReason, SignupReasonCode } from '../sessions';
import { footer as enFooter } from './en';
import { footer as jaFooter } from './ja';
import type { Language, Mail } from './types';
import { footer as viFooter } from './vi';

/** キャンセル: staff set the sign-up's 判定 to キャンセル (the person is told once, in their language). */
export type SessionOutcome = '参加可' | 'キャンセル待ち' | '要確認' | '繰り上げ' | 'キャンセル';

export interface SessionResultMail {
  name: string;
  signupId: string;
  sessionId: string;
  sessionTitle: string;
  /** 日時 of the session, '' when not set. */
  when: string;
  purpose: SessionPurpose | null;
  outcome: SessionOutcome;
  reasons: SignupReason[];
  contact: string;
}

export interface SessionCatalog {
  reason(r: SignupReason): string;
  result(m: SessionResultMail): Mail;
}

const P = (r: SignupReason, k: string) => r.params[k] ?? '';

const jaReasons: Record<SignupReasonCode, (r: SignupReason) => string> = {
  ID_FORMAT: (r) => `伴走ネットID「${P(r, 'id')}」の形式または確認用の数字が正しくありません。`,
  ID_UNKNOWN: (r) => `伴走ネットID ${P(r, 'id')} は登録されていません。`,
  SESSION_UNKNOWN: (r) => `相談会「${P(r, 'session')}」が見つかりません。`,
  SESSION_CLOSED: (r) => `相談会 ${P(r, 'session')} は申込を受け付けていません（${P(r, 'state')}）。`,
  SESSION_CAPACITY: (r) => `相談会 ${P(r, 'session')} の定員が設定されていません。`,
  PURPOSE_UNKNOWN: (r) => `参加目的「${P(r, 'purpose')}」が読み取れません。`,
  NOT_EXPERIENCED: () => '伴走者としての参加は、伴走支援の経験がある方（登録時の回答、または承認された申請）が対象です。',
  NO_FOREIGN_ROOTS: () => '研修としての参加は、外国にルーツのある支援者（登録時の回答）が対象です。',
  ALREADY_SIGNED_UP: (r) => `この相談会にはすでに申し込まれています（${P(r, 'signupId')}）。`,
};

const enReasons: Record<SignupReasonCode, (r: SignupReason) => string> = {
  ID_FORMAT: (r) => `The Bansou Net ID "${P(r, 'id')}" is not in the right form or its check digit is wrong.`,
  ID_UNKNOWN: (r) => `The Bansou Net ID ${P(r, 'id')} is not registered.`,
  SESSION_UNKNOWN: (r) => `We cannot find the session "${P(r, 'session')}".`,
  SESSION_CLOSED: (r) => `Session ${P(r, 'session')} is not taking sign-ups.`,
  SESSION_CAPACITY: (r) => `The number of places of session ${P(r, 'session')} has not been set yet.`,
  PURPOSE_UNKNOWN: (r) => `We could not read the purpose "${P(r, 'purpose')}".`,
  NOT_EXPERIENCED: () => 'Taking part as a supporter is for registered supporters with support experience (your registration answer, or an approved claim).',
  NO_FOREIGN_ROOTS: () => 'Taking part as training is for supporters with roots abroad (your registration answer).',
  ALREADY_SIGNED_UP: (r) => `You have already signed up for this session (${P(r, 'signupId')}).`,
};

const viReasons: Record<SignupReasonCode, (r: SignupReason) => string> = {
  ID_FORMAT: (r) => `ID Bansou Net "${P(r, 'id')}" không đúng định dạng hoặc sai chữ số kiểm tra.`,
  ID_UNKNOWN: (r) => `ID Bansou Net ${P(r, 'id')} chưa được đăng ký.`,
  SESSION_UNKNOWN: (r) => `Không tìm thấy buổi tư vấn "${P(r, 'session')}".`,
  SESSION_CLOSED: (r) => `Buổi tư vấn ${P(r, 'session')} không còn nhận đăng ký.`,
  SESSION_CAPACITY: (r) => `Số chỗ của buổi tư vấn ${P(r, 'session')} chưa được thiết lập.`,
  PURPOSE_UNKNOWN: (r) => `Không đọc được mục đích tham gia "${P(r, 'purpose')}".`,
  NOT_EXPERIENCED: () => 'Tham gia với tư cách người hỗ trợ dành cho người đã đăng ký và có kinh nghiệm hỗ trợ (câu trả lời khi đăng ký, hoặc một yêu cầu đã được duyệt).',
  NO_FOREIGN_ROOTS: () => 'Tham gia với mục đích đào tạo dành cho người hỗ trợ có gốc nước ngoài (câu trả lời khi đăng ký).',
  ALREADY_SIGNED_UP: (r) => `Bạn đã đăng ký buổi tư vấn này rồi (${P(r, 'signupId')}).`,
};

const session = (m: SessionResultMail) => [m.sessionId, m.when, m.sessionTitle].filter((x) => x !== '').join(' ') || '—';

const ja: SessionCatalog = {
  reason: (r) => jaReasons[r.code](r),
  result: (m) => {
    const head: Record<SessionOutcome, string> = {
      参加可: '相談会へのお申込みを受け付けました。ご参加いただけます。',
      キャンセル待ち: '相談会は定員に達しているため、キャンセル待ちとして受け付けました。空きが出た場合は、申込順にご連絡します。',
      要確認: '相談会へのお申込みを受け付けましたが、次の点を事務局で確認します。確認後にご連絡します。',
      繰り上げ: 'キャンセルが出たため、キャンセル待ちから繰り上がり、ご参加いただけることになりました。',
      キャンセル: '相談会へのお申込みは、キャンセルとなりました。',
    };
    return {
      subject: `【伴走ネット】相談会のお申込み（${m.outcome === '繰り上げ' ? '参加可・繰り上げ' : m.outcome}）${m.signupId}`,
      body: [
        `${m.name} 様`,
        '',
        head[m.outcome],
        '',
        `申込ID: ${m.signupId}`,
        `相談会: ${session(m)}`,
        m.purpose ? `参加目的: ${m.purpose === 'participant' ? '伴走者として参加' : '研修として参加'}` : null,
        ...(m.reasons.length > 0 ? ['', ...m.reasons.map((r) => `・${ja.reason(r)}`)] : []),
        '',
        m.outcome === '参加可' || m.outcome === '繰り上げ' ? '相談会の詳細・参加方法は、追って事務局からご連絡します。' : null,
        m.outcome === 'キャンセル' ? 'お心当たりのない場合や、あらためて参加を希望される場合は、事務局までご連絡ください。' : '参加できなくなった場合は、事務局までご連絡ください。',
        jaFooter(m.contact),
      ]
        .filter((l) => l !== null)
        .join('\n'),
    };
  },
};

const en: SessionCatalog = {
  reason: (r) => enReasons[r.code](r),
  result: (m) => {
    const head: Record<SessionOutcome, string> = {
      参加可: 'We have received your sign-up for the consultation session. You have a place.',
      キャンセル待ち: 'The session is full, so you are on the waiting list. If a place frees up, we will contact people in the order they signed up.',
      要確認: 'We have received your sign-up, but the office needs to check the points below. We will contact you afterwards.',
      繰り上げ: 'A place has become free: you have moved up from the waiting list and can take part.',
      キャンセル: 'Your sign-up for the consultation session has been cancelled.',
    };
    const status: Record<SessionOutcome, string> = {
      参加可: 'place confirmed',
      キャンセル待ち: 'waiting list',
      要確認: 'to be checked',
      繰り上げ: 'place confirmed from the waiting list',
      キャンセル: 'cancelled',
    };
    return {
      subject: `[Bansou Net] Consultation session sign-up (${status[m.outcome]}) ${m.signupId}`,
      body: [
        `Dear ${m.name},`,
        '',
        head[m.outcome],
        '',
        `Sign-up ID: ${m.signupId}`,
        `Session: ${session(m)}`,
        m.purpose ? `Purpose: ${m.purpose === 'participant' ? 'as a supporter' : 'training (supporters with roots abroad)'}` : null,
        ...(m.reasons.length > 0 ? ['', ...m.reasons.map((r) => `- ${en.reason(r)}`)] : []),
        '',
        m.outcome === '参加可' || m.outcome === '繰り上げ' ? 'The office will send the details of the session and how to join later.' : null,
        m.outcome === 'キャンセル' ? 'If you did not expect this, or would like to take part after all, please contact the office.' : 'If you cannot take part, please let the office know.',
        enFooter(m.contact),
      ]
        .filter((l) => l !== null)
        .join('\n'),
    };
  },
};

const vi: SessionCatalog = {
  reason: (r) => viReasons[r.code](r),
  result: (m) => {
    const head: Record<SessionOutcome, string> = {
      参加可: 'Chúng tôi đã nhận đăng ký buổi tư vấn của bạn. Bạn có thể tham gia.',
      キャンセル待ち: 'Buổi tư vấn đã đủ chỗ, bạn đang ở danh sách chờ. Nếu có chỗ trống, chúng tôi sẽ liên lạc theo thứ tự đăng ký.',
      要確認: 'Chúng tôi đã nhận đăng ký, nhưng văn phòng cần kiểm tra các điểm dưới đây. Chúng tôi sẽ liên lạc sau.',
      繰り上げ: 'Đã có chỗ trống: bạn được chuyển từ danh sách chờ và có thể tham gia.',
      キャンセル: 'Đăng ký buổi tư vấn của bạn đã bị hủy.',
    };
    const status: Record<SessionOutcome, string> = {
      参加可: 'được tham gia',
      キャンセル待ち: 'danh sách chờ',
      要確認: 'cần kiểm tra',
      繰り上げ: 'được tham gia từ danh sách chờ',
      キャンセル: 'đã hủy',
    };
    return {
      subject: `[Bansou Net] Đăng ký buổi tư vấn (${status[m.outcome]}) ${m.signupId}`,
      body: [
        `Kính gửi ${m.name},`,
        '',
        head[m.outcome],
        '',
        `Mã đăng ký: ${m.signupId}`,
        `Buổi tư vấn: ${session(m)}`,
        m.purpose ? `Mục đích: ${m.purpose === 'participant' ? 'tham gia với tư cách người hỗ trợ' : 'đào tạo (người hỗ trợ có gốc nước ngoài)'}` : null,
        ...(m.reasons.length > 0 ? ['', ...m.reasons.map((r) => `- ${vi.reason(r)}`)] : []),
        '',
        m.outcome === '参加可' || m.outcome === '繰り上げ' ? 'Văn phòng sẽ gửi chi tiết và cách tham gia sau.' : null,
        m.outcome === 'キャンセル' ? 'Nếu bạn không biết về việc này, hoặc vẫn muốn tham gia, vui lòng liên hệ văn phòng.' : 'Nếu không thể tham gia, vui lòng báo cho văn phòng.',
        viFooter(m.contact),
      ]
        .filter((l) => l !== null)
        .join('\n'),
    };
  },
};

const CATALOGS: Record<Language, SessionCatalog> = { ja, en, vi };

export function sessionCatalog(language: Language): SessionCatalog {
  return CATALOGS[language];
}
