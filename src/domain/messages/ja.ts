import type { ReasonCode, ReasonParams } from '../reasons';
import type { Catalog } from './types';

const s = (v: string | number | undefined) => (v === undefined ? '' : String(v));

const reasons: Record<ReasonCode, (p: ReasonParams) => { text: string; fix: string }> = {
  FIELD_MISSING: (p) =>
    p.value !== undefined
      ? { text: `「${s(p.field)}」の回答「${s(p.value)}」が読み取れません。`, fix: '回答を編集して、正しい形で入力してください（日付は 2025-04-01、メールは name@example.jp の形）。' }
      : { text: `「${s(p.field)}」の回答がありません。`, fix: '回答を編集して入力してください。' },
  ID_FORMAT: (p) => ({
    text: `伴走ネットID「${s(p.id)}」の形式または確認用の数字が正しくありません。`,
    fix: '登録時のメールに記載された ID（例: BN-00042-7）を確認して、回答を編集してください。',
  }),
  ID_UNKNOWN: (p) => ({ text: `伴走ネットID ${s(p.id)} は登録されていません。`, fix: '登録時のメールの ID を確認するか、まだの方は伴走ネット登録フォームから登録してください。' }),
  NOT_ELIGIBLE: (p) => ({
    text: `申請の条件（支援経験、または伴走支援講座基礎編のアンケート回答）を確認できません。未回答: ${s(p.missing)}。`,
    fix: '講座のアンケートに回答済みの場合は、事務局にお知らせください。',
  }),
  EMAIL_MISMATCH: (p) =>
    p.invalid
      ? {
          text: `入力されたメールアドレス「${s(p.typed)}」はメールアドレスとして使えません（登録のアドレスと一致しません）。このメールは登録のアドレスに送っています。`,
          fix: '回答を編集して、登録したメールアドレス（name@example.jp の形）を入力してください。',
        }
      : {
          text: `入力されたメールアドレス（${s(p.typed)}）が登録のアドレスと異なります。このメールは登録のアドレスに送っています。`,
          fix: 'アドレスが変わった場合は事務局にお知らせください。',
        },
  OUT_OF_PERIOD: (p) => ({ text: `支援実施日 ${s(p.date)} は事業の対象期間（${s(p.start)}〜${s(p.end)}）外です。`, fix: '日付が誤っている場合は回答を編集してください。' }),
  FUTURE_DATE: (p) => ({ text: `支援実施日 ${s(p.date)} が申請日より後になっています。`, fix: '支援を実施した日を入力し直してください。' }),
  LATE: (p) => ({ text: `申請期限（${s(p.deadline)}）を過ぎています（受付 ${s(p.received)}）。`, fix: '事情がある場合は事務局にご相談ください。' }),
  HOURS_INVALID: (p) => ({ text: `支援時間「${s(p.value)}」が読み取れないか、24時間を超えています。`, fix: '時間数を数字で入力してください（例: 1.5、1:30、1時間30分）。' }),
  TOO_SHORT: (p) => ({ text: `支援時間（${s(p.hours)}）が最低時間（${s(p.min)}）に足りません。`, fix: '時間を誤って入力した場合は回答を編集してください。' }),
  CASE_ID_MISSING: () => ({ text: '2回目以降の申請ですが、相談者IDが入力されていません。', fix: '前回の受付メールに記載された相談者ID（例: R-00012-3）を入力してください。' }),
  CASE_ID_UNKNOWN: (p) => ({ text: `相談者ID「${s(p.id)}」は発行されていないか、形式が正しくありません。`, fix: '前回の受付メールに記載された相談者IDを確認してください。' }),
  RECIPIENT_LIMIT: (p) => ({ text: `この相談者への支援は、すでに上限（${s(p.max)}回）まで申請されています。`, fix: '事務局が確認します。' }),
  EVENT_LIMIT: (p) => ({ text: `${s(p.date)} のこの相談者への支援は、すでに伴走者${s(p.max)}名分が申請されています。`, fix: '事務局が確認します。' }),
  DUPLICATE: (p) => ({ text: `同じ相談者・同じ日（${s(p.date)}）の支援を、すでに申請しています（${s(p.claimId)}）。`, fix: '二重に送信した場合は対応不要です。' }),
  CO_SUPPORTER_UNKNOWN: (p) => ({ text: `一緒に伴走した方の伴走ネットID「${s(p.id)}」が確認できません。`, fix: 'ID を確認して回答を編集してください。' }),
  CO_SUPPORTER_SELF: () => ({ text: '一緒に伴走した方の欄に、ご自身の伴走ネットIDが入力されています。', fix: '一緒に伴走した方の ID を入力するか、空欄にしてください。' }),
  BUDGET_EXCEEDED: (p) => ({ text: `事業の予算上限（${Number(p.cap).toLocaleString('ja-JP')}円）に達しています。`, fix: '事務局から追ってご連絡します。' }),
};

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
/** '2024-06' → '2024年6月' */
const jaMonth = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`;
/** '2024-05-27' → '2024年5月27日' */
const jaDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const restate = (m: { claimId: string; supportDate: string; hours: string }) => [`申請ID: ${m.claimId}`, `支援実施日: ${m.supportDate}`, `支援時間: ${m.hours}`];
const problems = (list: { text: string; fix: string }[]) =>
  list.length === 0 ? [] : ['', '自動確認で見つかった点:', ...list.map((p) => (p.fix ? `・${p.text}\n  → ${p.fix}` : `・${p.text}`))];
export const footer = (contact: string) => `\n--\n移住連（移住者と連帯する全国ネットワーク）伴走ネット事務局\n${contact}\n`;

export const ja: Catalog = {
  language: 'ja',
  label: '日本語',
  yen,
  reason: (code, p) => reasons[code](p),
  registration: (m) => ({
    subject: m.existing ? '【伴走ネット】登録済みの伴走ネットIDのお知らせ' : '【伴走ネット】ご登録ありがとうございます（伴走ネットID）',
    body: [
      `${m.name} 様`,
      '',
      m.existing
        ? 'すでにご登録いただいています。登録済みの伴走ネットIDをお送りします。'
        : '伴走ネットへのご登録ありがとうございます。',
      '',
      `伴走ネットID: ${m.id}`,
      '',
      'この ID は伴走支援の申請に必要です。大切に保管してください。',
      '',
      '今後の流れ:',
      '1. 事務局から「覚書」2通と「謝金受取口座届出書」を郵送します（伴走支援を希望する方は、講座アンケートの回答確認後）。',
      '2. 「覚書」に署名・押印し、1通と「謝金受取口座届出書」を移住連事務局へ返送してください。もう1通は控えです。',
      '3. 伴走支援講座（基礎編）は録画で受講できます。受講後は各回のアンケートにご回答ください。',
      '※前年度の事業で登録済みの方も、今年度の「覚書」と「謝金受取口座届出書」の提出が必要です。',
      footer(m.contact),
    ].join('\n'),
  }),
  receipt: (m) => ({
    subject: `【伴走ネット】申請を受け付けました（${m.claimId}）${m.edited ? '［修正］' : ''}`,
    body: [
      `${m.name} 様`,
      '',
      m.edited ? '申請の修正を受け付けました。内容を確認しなおしました。' : '伴走支援の申請を受け付けました。',
      '',
      `申請ID: ${m.claimId}`,
      `伴走ネットID: ${m.supporterId}`,
      `支援実施日: ${m.supportDate}`,
      `支援時間: ${m.hours}`,
      m.caseId ? `相談者ID: ${m.caseId}${m.caseIdIssued ? '（新しく発行しました。この相談者について次に申請するときに入力してください）' : ''}` : '',
      `予定金額: ${yen(m.amount)}`,
      m.payoutMonth ? `お支払い予定: ${jaMonth(m.payoutMonth)}（審査で承認された場合）` : '',
      m.documentsMissing ? '※この事業の「覚書」と「謝金受取口座届出書」の受領が確認できるまで、お支払いは保留になります。' : '',
      '',
      m.problems.length === 0
        ? '自動確認では問題は見つかりませんでした。事務局の審査をお待ちください。'
        : ['自動確認で次の点が見つかりました:', ...m.problems.map((p) => `・${p.text}\n  → ${p.fix}`)].join('\n'),
      '',
      m.editUrl ? `内容を修正するときは、次のリンクから回答を編集してください:\n${m.editUrl}` : '内容を修正するときは、このメールに返信して、正しい内容をお知らせください。',
      footer(m.contact),
    ]
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n'),
  }),
  needsInfo: (m) => ({
    subject: `【伴走ネット】${m.reminder ? '［再送］' : ''}申請（${m.claimId}）について確認のお願い`,
    body: [
      `${m.name} 様`,
      '',
      `次の申請について、事務局から確認したいことがあります。`,
      ...restate(m),
      '',
      `事務局より: ${m.note}`,
      ...problems(m.problems),
      '',
      // No edit link where the form does not allow editing (Ctx.claimEditUrl gives ''): say how instead.
      ...(m.editUrl
        ? [`${jaDate(m.deadline)}までに、次のリンクから回答を編集して送信してください。`, m.editUrl]
        : [`${jaDate(m.deadline)}までに、このメールに返信して、訂正・追加の内容をお知らせください（申請 ${m.claimId} の内容は事務局が直します。フォームから新しく申請し直す必要はありません）。`]),
      '',
      '期限までにご回答がない場合、この申請はお支払いできないことがあります。',
      footer(m.contact),
    ].join('\n'),
  }),
  rejected: (m) => ({
    subject: `【伴走ネット】申請（${m.claimId}）の審査結果のお知らせ`,
    body: [
      `${m.name} 様`,
      '',
      '審査の結果、次の申請はお支払いの対象にならないと判断しました。',
      ...restate(m),
      '',
      `事務局より: ${m.note}`,
      '',
      'ご不明な点は、このメールに返信してお問い合わせください。',
      footer(m.contact),
    ].join('\n'),
  }),
  paid: (m) => ({
    subject: `【伴走ネット】謝金のお振込みのお知らせ（${jaMonth(m.month)}）`,
    body: [
      `${m.name} 様`,
      '',
      `登録の口座へ謝金をお振込みしました（振込日: ${jaDate(m.payday)}）。`,
      '',
      `金額: ${yen((m.net ?? m.amount) + (m.grants ?? 0))}`,
      m.tax ? `（謝金 ${yen(m.amount)}、源泉徴収税 ${yen(m.tax)}）` : '',
      m.claimIds.length > 0 ? `対象の申請: ${m.claimIds.join(', ')}` : '',
      m.grants ? `緊急支援費: ${yen(m.grants)}（${(m.grantIds ?? []).join(', ')}。相談者への支援にお使いください）` : '',
      '',
      'ご協力ありがとうございました。',
      footer(m.contact),
    ]
      .filter((l) => l !== null)
      .join('\n'),
  }),
  held: (m) => ({
    subject: `【伴走ネット】謝金のお支払いを保留しています（${jaMonth(m.month)}）`,
    body: [
      `${m.name} 様`,
      '',
      `承認済みの申請（${m.claimIds.join(', ')}）の謝金は、次の理由で今月はお支払いできませんでした。`,
      ...(m.kinds.includes('documents') ? ['・この事業の「覚書」または「謝金受取口座届出書」が事務局に届いていません。署名・押印のうえ郵送してください。'] : []),
      ...(m.kinds.includes('account') ? ['・振込先の口座が登録されていないか、内容を確認できません（口座名義はカタカナでご記入ください）。事務局にご連絡ください。'] : []),
      '',
      '確認でき次第、翌月以降のお支払いに含めます。申請をやり直す必要はありません。',
      footer(m.contact),
    ].join('\n'),
  }),
  // ---- issue 10 part A ----
  courseThanks: (m) => ({
    subject: `【伴走ネット】講座アンケートのご回答ありがとうございます（${m.course}）`,
    body: [
      `${m.name} 様`,
      '',
      m.already
        ? `${m.course} のアンケートは、すでに記録されています。ご回答ありがとうございます。`
        : `${m.course} のアンケートへのご回答ありがとうございます。記録しました（伴走ネットID: ${m.id}）。`,
      '',
      m.experience
        ? '支援経験がおありのため、講座アンケートの回答がなくても伴走支援の申請ができます。'
        : m.remaining.length === 0
          ? '申請に必要な基礎編のアンケートはすべて回答済みです。伴走支援の申請ができます。'
          : `伴走支援の申請には、あと次のアンケートの回答が必要です: ${m.remaining.join('、')}`,
      ...m.waived.map((w) => `※${w.course} は ${w.until} までに実施した支援については不要です。`),
      m.documentsNext ? '事務局から「覚書」2通と「謝金受取口座届出書」を郵送します。届いたら署名・押印のうえ返送してください。' : '',
      footer(m.contact),
    ]
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n'),
  }),
  courseIdProblem: (m) => ({
    subject: '【伴走ネット】講座アンケートの伴走ネットIDを確認できません',
    body: [
      '講座アンケートへのご回答ありがとうございます。',
      '',
      m.kind === 'format'
        ? `入力された伴走ネットID「${m.typedId || '（未記入）'}」は、形式または確認用の数字が正しくありません。`
        : `入力された伴走ネットID「${m.typedId}」は登録されていません。`,
      `講座: ${m.course || '（未記入）'}`,
      '',
      '回答は保存しています。登録時のメールに記載された ID（例: BN-00042-7）を確認し、正しい ID で回答しなおすか、事務局にお知らせください。まだ登録していない方は、伴走ネット登録フォームから登録してください。',
      footer(m.contact),
    ].join('\n'),
  }),
  documentsReminder: (m) => ({
    subject: '【伴走ネット】「覚書」「謝金受取口座届出書」のご返送のお願い',
    body: [
      `${m.name} 様（伴走ネットID: ${m.id}）`,
      '',
      `${m.sentOn} に事務局から郵送した書類のうち、次のものがまだ届いていません。`,
      ...(m.missing.includes('memorandum') ? ['・覚書（署名・押印のうえ1通を返送、もう1通は控え）'] : []),
      ...(m.missing.includes('accountForm') ? ['・謝金受取口座届出書'] : []),
      '',
      '書類が届くまで、謝金はお支払いできません。すでに返送された場合は、行き違いですのでご容赦ください。書類が届いていない場合は事務局にご連絡ください。',
      footer(m.contact),
    ].join('\n'),
  }),
  // ---- issue 11: a returned transfer (振込不能)
  returned: (m) => ({
    subject: `【伴走ネット】謝金をお振込みできませんでした（${jaMonth(m.month)}）`,
    body: [
      `${m.name} 様`,
      '',
      `${jaDate(m.payday)} にお振込みした謝金 ${yen(m.amount)} が、銀行から返却されました（銀行からの理由: ${m.reason}）。`,
      `対象の申請: ${m.claimIds.join(', ')}`,
      '',
      'お手数ですが、このメールに返信して、正しい振込先をお知らせください。',
      '・金融機関名と支店名（ゆうちょ銀行は通帳の記号・番号）',
      '・預金種目（普通・当座）と口座番号',
      '・口座名義（通帳のとおりにカタカナで）',
      '',
      '口座を確認でき次第、次のお支払いでお振込みします。申請をやり直す必要はありません。',
      footer(m.contact),
    ].join('\n'),
  }),
};
