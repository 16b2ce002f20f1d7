/**
 * The spreadsheet contract with staff (SPEC §4): sheet names and headers. Columns are found by
 * header text, so staff may reorder them and add their own; the headers marked `required` must exist.
 * Headers after the SPEC's key headers are the system's own bookkeeping (also found by header).
 */
export interface SheetSchema<H extends string = string> {
  name: string;
  /** Every header the code may read or write: anything else fails to compile (and, at run time, throws). */
  headers: readonly H[];
  /** Headers a sheet must have for the code to work (the rest are added by setup when absent). */
  required: readonly H[];
  /** Columns staff type into; everything else is written by the system. */
  staff: readonly H[];
  /** Date or date-time columns (number format). */
  dates?: Partial<Record<H, 'date' | 'datetime'>>;
  /**
   * Plain-text columns (format '@') that staff type into: codes whose leading zeros must survive.
   * Columns the system writes are not formatted: it writes a leading apostrophe instead where
   * Sheets would otherwise parse the text (gas/table.ts toCell), and in a plain-text cell that
   * apostrophe would be kept as part of the value.
   */
  text?: readonly H[];
  hidden?: readonly H[];
}

/** The headers of a schema as a union of literals. */
export type HeaderOf<S> = S extends SheetSchema<infer H> ? H : never;

/**
 * Declares a sheet: the header literals become its type, so `t.get(i, '氏名')` compiles only for
 * a declared header (`required`, `staff` … must be among `headers`).
 */
export function sheetSchema<const H extends string>(s: {
  name: string;
  headers: readonly H[];
  required: readonly NoInfer<H>[];
  staff: readonly NoInfer<H>[];
  dates?: Partial<Record<NoInfer<H>, 'date' | 'datetime'>>;
  text?: readonly NoInfer<H>[];
  hidden?: readonly NoInfer<H>[];
}): SheetSchema<H> {
  return s;
}

export const SETTINGS = sheetSchema({
  name: '設定',
  headers: ['キー', '値', '説明'],
  required: ['キー', '値'],
  staff: ['値'],
});

export const SUPPORTERS = sheetSchema({
  name: '登録者',
  headers: [
    '伴走ネットID', '登録日時', '氏名', 'メール', '電話番号', '住所', '連絡言語', '支援経験',
    '覚書受領日', '口座届受領日', '講座アンケート', '状態',
    'フリガナ', '都道府県', '所属団体', '対応できる言語', '外国ルーツ', '希望', '回答ID',
    // issue 10: documents by post (書類送付日 and 郵便番号 staff-typed; 書類催促日 written by the daily job)
    '書類送付日', '書類催促日', '郵便番号',
  ],
  required: ['伴走ネットID', '氏名', 'メール', '電話番号', '連絡言語', '支援経験', '覚書受領日', '口座届受領日', '講座アンケート', '回答ID'],
  staff: ['覚書受領日', '口座届受領日', '講座アンケート', '状態', '書類送付日', '郵便番号'],
  dates: { 登録日時: 'datetime', 覚書受領日: 'date', 口座届受領日: 'date', 書類送付日: 'date', 書類催促日: 'date' },
});

export const CLAIMS = sheetSchema({
  name: '申請',
  headers: [
    '申請ID', '受付日時', '伴走ネットID', '氏名', '支援日', '支援時間', '相談者ID', '同行者ID', '金額', '自動チェック',
    '判定', '審査メモ', '審査者', '審査日時', '支払ID', '支払予定ID',
    'プログラム', '支払予定月', 'メール', '言語', '都道府県', '相談者の国籍', '相談者の在留資格', '相談者の年代',
    '課題の分野', '支援の内容', '緊急', '支援の概要', '差戻し期限', '催促日', '回答ID', '回答日時', '記録済み判定',
    // issue 9: where a 差戻し / 却下 mail stands (メモ待ち until the note is written), and the reasons' parameters
    '通知状況', '自動チェック詳細',
  ],
  required: ['申請ID', '受付日時', '伴走ネットID', '支援日', '支援時間', '相談者ID', '金額', '自動チェック', '判定', '審査メモ', '支払ID', '支払予定ID', '回答ID', '回答日時', '記録済み判定'],
  staff: ['判定', '審査メモ'],
  dates: { 受付日時: 'datetime', 支援日: 'date', 審査日時: 'datetime', 差戻し期限: 'date', 催促日: 'date', 回答日時: 'datetime' },
  hidden: ['回答ID', '回答日時', '記録済み判定', '自動チェック詳細'],
});

/**
 * 口座. 記号 / 番号 (ゆうちょ銀行) and 状態 (要確認 after a returned transfer) came later: they are not
 * required, so a sheet without them still works; setup adds them.
 */
export const ACCOUNTS = sheetSchema({
  name: '口座',
  headers: ['伴走ネットID', '金融機関コード', '支店コード', '預金種目', '口座番号', '口座名義（カナ）', '記号', '番号', '状態'],
  required: ['伴走ネットID', '金融機関コード', '支店コード', '預金種目', '口座番号', '口座名義（カナ）'],
  staff: ['伴走ネットID', '金融機関コード', '支店コード', '預金種目', '口座番号', '口座名義（カナ）', '記号', '番号', '状態'],
  text: ['金融機関コード', '支店コード', '口座番号', '記号', '番号'],
});

export const LOG = sheetSchema({
  name: 'ログ',
  headers: ['日時', '操作者', '対象', '内容'],
  required: ['日時', '操作者', '対象', '内容'],
  staff: [],
  dates: { 日時: 'datetime' },
});

/** Every form response the system has handled: the key of idempotency and of reconcile. */
export const RESPONSES = sheetSchema({
  name: '回答記録',
  headers: ['回答ID', 'フォーム', '回答日時', '処理日時', '結果', '対象', '相談者ID', '詳細'],
  required: ['回答ID', 'フォーム', '回答日時', '結果'],
  staff: [],
  dates: { 回答日時: 'datetime', 処理日時: 'datetime' },
});

/** Mail that could not be sent yet (quota): kept here and sent by dailyMaintenance. */
export const OUTBOX = sheetSchema({
  name: 'メール送信待ち',
  headers: ['登録日時', '宛先', '件名', '本文', '状態', '送信日時', '試行'],
  required: ['登録日時', '宛先', '件名', '本文', '状態'],
  staff: [],
  dates: { 登録日時: 'datetime', 送信日時: 'datetime' },
});

// ---- issue 10 part A: course questionnaires and documents by post ----

/**
 * 講座アンケート回答: one row per supporter and course (a repeated answer adds nothing). An answer
 * whose ID is mistyped or unknown is kept too, with the reason in 確認. キー (hidden) is
 * `<伴走ネットID> <講座>` for the rows that count, so a repeat is found with one lookup.
 */
export const COURSE_ANSWERS = sheetSchema({
  name: '講座アンケート回答',
  headers: ['回答ID', '受付日時', '伴走ネットID', '講座', '確認', 'メール', '感想', 'キー', '回答日時'],
  required: ['回答ID', '受付日時', '伴走ネットID', '講座', '確認', 'キー'],
  staff: [],
  dates: { 受付日時: 'datetime', 回答日時: 'datetime' },
  hidden: ['キー', '回答日時'],
});

/** 書類送付 YYYY-MM-DD: the supporters to whom 覚書 and 口座届 are posted (built by createMailingList). */
export const MAILING_HEADERS = ['伴走ネットID', '氏名', '郵便番号', '住所', '送付物', '理由'] as const;
export const mailingSheetName = (date: string) => `書類送付 ${date}`;

export const CORE_SHEETS: readonly SheetSchema[] = [SETTINGS, SUPPORTERS, CLAIMS, ACCOUNTS, LOG, RESPONSES, OUTBOX, COURSE_ANSWERS];

/** Payout sheet columns (支払 YYYY-MM). */
export const PAYOUT_HEADERS = ['伴走ネットID', '氏名', '件数', '申請ID', '金額', '振込先', '状態', '理由'] as const;
export const payoutSheetName = (month: string) => `支払 ${month}`;

// ---- issue 10 part B: consultation sessions and emergency support (SPEC §9) ----

/** 相談会: staff list the online consultation sessions here (one row per session). */
export const SESSIONS: SheetSchema = {
  name: '相談会',
  headers: ['相談会ID', '日時', '名称', '定員', '参加方法', '状態'],
  required: ['相談会ID', '日時', '名称', '定員', '状態'],
  staff: ['相談会ID', '日時', '名称', '定員', '参加方法', '状態'],
  dates: { 日時: 'datetime' },
};

/** 状態 of a session: only 受付中 sessions are offered in the sign-up form. */
export const SESSION_STATES = ['受付中', '締切', '終了', '中止'] as const;

/** 相談会申込: one row per sign-up. Staff set 判定 (キャンセル, or 参加可 after checking 要確認) and 出欠. */
export const SIGNUPS: SheetSchema = {
  name: '相談会申込',
  headers: ['申込ID', '受付日時', '伴走ネットID', '氏名', '相談会ID', '参加目的', '判定', '理由', '出欠', 'メール', '言語', '回答ID', '回答日時', '記録済み判定'],
  required: ['申込ID', '受付日時', '伴走ネットID', '相談会ID', '参加目的', '判定', '理由', '出欠', '回答ID', '回答日時', '記録済み判定'],
  staff: ['判定', '出欠'],
  dates: { 受付日時: 'datetime', 回答日時: 'datetime' },
  hidden: ['回答ID', '回答日時', '記録済み判定'],
};

/** 判定 of a sign-up. */
export const SIGNUP_DECISIONS = ['参加可', 'キャンセル待ち', '要確認', 'キャンセル'] as const;
export const ATTENDANCE = ['出席', '欠席'] as const;

/** 緊急支援: one row per emergency-support grant, created by recordEmergencySupport from a 申請 row. */
export const GRANTS: SheetSchema = {
  name: '緊急支援',
  // 予算計上額 (hidden, the system's): the yen the grant counts in its program's 緊急支援予算上限 total as
  // last recorded, so an edit changes the running total by the difference (issue 7).
  headers: ['緊急支援ID', '記録日時', '伴走ネットID', '相談者ID', '用途', '金額', '判定', '審査メモ', '支払ID', '申請ID', 'プログラム', '支払予定ID', '記録者', '予算計上額'],
  required: ['緊急支援ID', '記録日時', '伴走ネットID', '相談者ID', '用途', '金額', '判定', '支払ID', '申請ID', 'プログラム', '支払予定ID'],
  staff: ['用途', '金額', '判定', '審査メモ'],
  dates: { 記録日時: 'datetime' },
  hidden: ['予算計上額'],
};

/** 用途 of a grant (staff choose; the list is what 集計 groups by). */
export const GRANT_USES = ['家賃', '食費', '医療費', '交通費', '通信費', '公的手続き費用', 'その他'] as const;
/** 判定 of a grant: 支払済 is set by markPayoutPaid only (typed by hand it is put back). */
export const GRANT_DECISIONS = ['審査待ち', '承認', '却下', '支払済'] as const;

export const PROGRAM_SHEETS_10B: readonly SheetSchema[] = [SESSIONS, SIGNUPS, GRANTS];
