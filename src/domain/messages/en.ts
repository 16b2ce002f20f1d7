import type { ReasonCode, ReasonParams } from '../reasons';
import type { Catalog } from './types';

const s = (v: string | number | undefined) => (v === undefined ? '' : String(v));
const FIELD_EN: Record<string, string> = {
  伴走ネットID: 'Bansou Net ID',
  メールアドレス: 'email address',
  支援実施日: 'date of support',
  ['支援時間（時間）'.normalize('NFKC')]: 'hours of support',
  お名前: 'name',
};
// Titles reach here NFKC-normalised as in 設定 (支援時間(時間)); the keys are looked up the same way.
const field = (f: string | number | undefined) => `"${FIELD_EN[s(f).normalize('NFKC')] ?? FIELD_EN[s(f)] ?? s(f)}"`;

const reasons: Record<ReasonCode, (p: ReasonParams) => { text: string; fix: string }> = {
  FIELD_MISSING: (p) =>
    p.value !== undefined
      ? { text: `The answer to ${field(p.field)} ("${s(p.value)}") cannot be read.`, fix: 'Please edit your response and enter it again (a date as 2025-04-01, an email as name@example.org).' }
      : { text: `The question ${field(p.field)} was not answered.`, fix: 'Please edit your response and answer it.' },
  ID_FORMAT: (p) => ({
    text: `The Bansou Net ID "${s(p.id)}" is not in the right form, or its check digit is wrong.`,
    fix: 'Please check the ID in your registration email (e.g. BN-00042-7) and edit your response.',
  }),
  ID_UNKNOWN: (p) => ({ text: `The Bansou Net ID ${s(p.id)} is not registered.`, fix: 'Please check the ID in your registration email, or register first with the registration form.' }),
  NOT_ELIGIBLE: (p) => ({
    text: `We could not confirm that you may claim (support experience, or the basic course questionnaires). Not yet answered: ${s(p.missing)}.`,
    fix: 'If you have answered the course questionnaires, please tell the office.',
  }),
  EMAIL_MISMATCH: (p) =>
    p.invalid
      ? {
          text: `The email address you typed ("${s(p.typed)}") is not a usable email address, so it does not match your registered one. This email goes to your registered address.`,
          fix: 'Please edit your response and type your registered email address (in the form name@example.org).',
        }
      : {
          text: `The email address you typed (${s(p.typed)}) differs from your registered one. This email goes to your registered address.`,
          fix: 'If your address has changed, please tell the office.',
        },
  OUT_OF_PERIOD: (p) => ({ text: `The date of support ${s(p.date)} is outside the program period (${s(p.start)} to ${s(p.end)}).`, fix: 'If the date is wrong, please edit your response.' }),
  FUTURE_DATE: (p) => ({ text: `The date of support ${s(p.date)} is after the day you submitted the claim.`, fix: 'Please enter the day the support took place.' }),
  LATE: (p) => ({ text: `The claim deadline (${s(p.deadline)}) has passed (received ${s(p.received)}).`, fix: 'If there was a reason, please contact the office.' }),
  HOURS_INVALID: (p) => ({ text: `The hours of support "${s(p.value)}" cannot be read, or are more than 24 hours.`, fix: 'Please enter the hours as a number (e.g. 1.5, 1:30).' }),
  TOO_SHORT: (p) => ({ text: `The support time (${s(p.hours)}) is shorter than the minimum (${s(p.min)}).`, fix: 'If you entered the time by mistake, please edit your response.' }),
  CASE_ID_MISSING: () => ({ text: 'This is not your first claim for this person, but no recipient case ID was given.', fix: 'Please enter the case ID from your earlier receipt (e.g. R-00012-3).' }),
  CASE_ID_UNKNOWN: (p) => ({ text: `The recipient case ID "${s(p.id)}" was never issued or is not in the right form.`, fix: 'Please check the case ID in your earlier receipt.' }),
  RECIPIENT_LIMIT: (p) => ({ text: `This person has already reached the limit of ${s(p.max)} supported occasions.`, fix: 'The office will review it.' }),
  EVENT_LIMIT: (p) => ({ text: `Support for this person on ${s(p.date)} has already been claimed by ${s(p.max)} supporters.`, fix: 'The office will review it.' }),
  DUPLICATE: (p) => ({ text: `You have already claimed support for this person on ${s(p.date)} (${s(p.claimId)}).`, fix: 'If you sent it twice by mistake, nothing needs to be done.' }),
  CO_SUPPORTER_UNKNOWN: (p) => ({ text: `The co-supporter's Bansou Net ID "${s(p.id)}" could not be confirmed.`, fix: 'Please check the ID and edit your response.' }),
  CO_SUPPORTER_SELF: () => ({ text: 'Your own Bansou Net ID was entered as the co-supporter.', fix: "Please enter your co-supporter's ID, or leave it empty." }),
  BUDGET_EXCEEDED: (p) => ({ text: `The program has reached its budget (${Number(p.cap).toLocaleString('en-US')} yen).`, fix: 'The office will contact you.' }),
};

const yen = (n: number) => `${n.toLocaleString('en-US')} yen`;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** '2024-05-27' → '27 May 2024' */
const enDate = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
const restate = (m: { claimId: string; supportDate: string; hours: string }) => [`Claim ID: ${m.claimId}`, `Date of support: ${m.supportDate}`, `Hours: ${m.hours}`];
const problems = (list: { text: string; fix: string }[]) =>
  list.length === 0 ? [] : ['', 'The automatic check found:', ...list.map((p) => (p.fix ? `- ${p.text}\n  -> ${p.fix}` : `- ${p.text}`))];
/** The note as staff wrote it, then the machine translation, marked as such. */
const note = (m: { note: string; translation: string | null }) => [
  `From the office (as written): ${m.note}`,
  ...(m.translation ? ['', `Machine translation (Google Translate, for reference only): ${m.translation}`] : []),
];
export const footer = (contact: string) => `\n--\nBansou Net office, Solidarity Network with Migrants Japan (SMJ)\n${contact}\n`;
const monthName = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${names[m - 1]} ${y}`;
};

export const en: Catalog = {
  language: 'en',
  label: 'English',
  yen,
  reason: (code, p) => reasons[code](p),
  registration: (m) => ({
    subject: m.existing ? '[Bansou Net] Your registered Bansou Net ID' : '[Bansou Net] Thank you for registering (your Bansou Net ID)',
    body: [
      `Dear ${m.name},`,
      '',
      m.existing ? 'You are already registered. Here is your Bansou Net ID again.' : 'Thank you for registering with Bansou Net.',
      '',
      `Bansou Net ID: ${m.id}`,
      '',
      'You need this ID to claim the honorarium for accompanying support. Please keep it.',
      '',
      'Next steps:',
      '1. The office will post you two copies of the Memorandum (覚書) and the Notification of Payment Receiving Account (謝金受取口座届出書) (if you wish to give support: after we confirm your course questionnaires).',
      '2. Sign and stamp the Memorandum and send one copy with the account form back to the SMJ office. Keep the other copy.',
      '3. The basic accompanying-support course is online (recorded). After each session, please answer its questionnaire.',
      'Note: if you registered in an earlier program, please submit the Memorandum and the account form again for this one.',
      footer(m.contact),
    ].join('\n'),
  }),
  receipt: (m) => ({
    subject: `[Bansou Net] Claim received (${m.claimId})${m.edited ? ' [updated]' : ''}`,
    body: [
      `Dear ${m.name},`,
      '',
      m.edited ? 'We received your corrected claim and checked it again.' : 'We received your claim for accompanying support.',
      '',
      `Claim ID: ${m.claimId}`,
      `Bansou Net ID: ${m.supporterId}`,
      `Date of support: ${m.supportDate}`,
      `Hours: ${m.hours}`,
      m.caseId ? `Recipient case ID: ${m.caseId}${m.caseIdIssued ? ' (newly issued: please enter it on your next claim for this person)' : ''}` : '',
      `Expected amount: ${yen(m.amount)}`,
      m.payoutMonth ? `Expected payment: ${monthName(m.payoutMonth)} (if approved)` : '',
      m.documentsMissing ? 'Note: payment waits until we have received your signed Memorandum and account form for this program.' : '',
      '',
      m.problems.length === 0
        ? 'The automatic check found no problem. The office will now review your claim.'
        : ['The automatic check found the following:', ...m.problems.map((p) => `- ${p.text}\n  -> ${p.fix}`)].join('\n'),
      '',
      m.editUrl ? `To correct your claim, edit your response with this link:\n${m.editUrl}` : 'To correct your claim, reply to this email with the correct details.',
      footer(m.contact),
    ]
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n'),
  }),
  needsInfo: (m) => ({
    subject: `[Bansou Net] ${m.reminder ? '[Reminder] ' : ''}Please check your claim (${m.claimId})`,
    body: [
      `Dear ${m.name},`,
      '',
      'The office needs more information about this claim:',
      ...restate(m),
      '',
      ...note(m),
      ...problems(m.problems),
      '',
      ...(m.editUrl
        ? [`Please edit and resubmit your response by ${enDate(m.deadline)} (that day included) using this link:`, m.editUrl]
        : [`Please reply to this email by ${enDate(m.deadline)} (that day included) with the corrections or missing details (the office will correct claim ${m.claimId}; there is no need to submit a new claim).`]),
      '',
      'If we do not hear from you by then, the claim may not be paid.',
      footer(m.contact),
    ].join('\n'),
  }),
  rejected: (m) => ({
    subject: `[Bansou Net] The result of the review of your claim (${m.claimId})`,
    body: [
      `Dear ${m.name},`,
      '',
      'After review, the office has decided that this claim cannot be paid:',
      ...restate(m),
      '',
      ...note(m),
      '',
      'If you have any questions, please reply to this email.',
      footer(m.contact),
    ].join('\n'),
  }),
  paid: (m) => ({
    subject: `[Bansou Net] Honorarium payment (${monthName(m.month)})`,
    body: [
      `Dear ${m.name},`,
      '',
      `We have transferred your honorarium to your registered bank account (transfer date: ${enDate(m.payday)}).`,
      '',
      `Amount: ${yen((m.net ?? m.amount) + (m.grants ?? 0))}`,
      m.tax ? `(honorarium ${yen(m.amount)}, income tax withheld ${yen(m.tax)})` : '',
      m.claimIds.length > 0 ? `Claims: ${m.claimIds.join(', ')}` : '',
      m.grants ? `Emergency support: ${yen(m.grants)} (${(m.grantIds ?? []).join(', ')}; for the person you support)` : '',
      '',
      'Thank you for your support.',
      footer(m.contact),
    ].join('\n'),
  }),
  held: (m) => ({
    subject: `[Bansou Net] Your honorarium is on hold (${monthName(m.month)})`,
    body: [
      `Dear ${m.name},`,
      '',
      `We could not pay the honorarium for your approved claims (${m.claimIds.join(', ')}) this month, because:`,
      ...(m.kinds.includes('documents') ? ['- We have not received your signed Memorandum (覚書) or account form (謝金受取口座届出書) for this program. Please post them to the office.'] : []),
      ...(m.kinds.includes('account') ? ['- Your bank account is missing or could not be confirmed (please write the account holder name in katakana). Please contact the office.'] : []),
      '',
      'Once this is sorted out, the payment will be included in a following month. You do not need to claim again.',
      footer(m.contact),
    ].join('\n'),
  }),
  // ---- issue 10 part A ----
  courseThanks: (m) => ({
    subject: `[Bansou Net] Thank you for your course questionnaire (${m.course})`,
    body: [
      `Dear ${m.name},`,
      '',
      m.already
        ? `Your questionnaire for ${m.course} had already been recorded. Thank you for answering.`
        : `Thank you for answering the questionnaire for ${m.course}. It has been recorded (Bansou Net ID: ${m.id}).`,
      '',
      m.experience
        ? 'As you have support experience, you may claim for accompanying support without the course questionnaires.'
        : m.remaining.length === 0
          ? 'You have answered every basic-course questionnaire needed. You may now claim for accompanying support.'
          : `Before you may claim for accompanying support, please also answer: ${m.remaining.join(', ')}`,
      ...m.waived.map((w) => `Note: ${w.course} is not needed for support given on or before ${w.until}.`),
      m.documentsNext ? 'The office will post you the memorandum (覚書, two copies) and the bank-account form (謝金受取口座届出書). Please sign them and send them back.' : '',
      footer(m.contact),
    ]
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n'),
  }),
  courseIdProblem: (m) => ({
    subject: '[Bansou Net] We could not confirm the Bansou Net ID in your course questionnaire',
    body: [
      'Thank you for answering the course questionnaire.',
      '',
      m.kind === 'format'
        ? `The Bansou Net ID you entered ("${m.typedId || '(empty)'}") is not in the right form, or its check digit is wrong.`
        : `The Bansou Net ID you entered (${m.typedId}) is not registered.`,
      `Course: ${m.course || '(empty)'}`,
      '',
      'Your answer has been kept. Please check the ID in your registration email (e.g. BN-00042-7) and answer again with it, or tell the office. If you have not registered yet, please use the registration form.',
      footer(m.contact),
    ].join('\n'),
  }),
  documentsReminder: (m) => ({
    subject: '[Bansou Net] Please send back the memorandum and the bank-account form',
    body: [
      `Dear ${m.name} (Bansou Net ID: ${m.id}),`,
      '',
      `The office posted you documents on ${m.sentOn}. We have not yet received:`,
      ...(m.missing.includes('memorandum') ? ['- the memorandum (覚書): sign and stamp it, send one copy back and keep the other'] : []),
      ...(m.missing.includes('accountForm') ? ['- the bank-account form (謝金受取口座届出書)'] : []),
      '',
      'Honoraria cannot be paid until they arrive. If you have already sent them, please ignore this message. If the documents never reached you, please contact the office.',
      footer(m.contact),
    ].join('\n'),
  }),
  // ---- issue 11: a returned transfer (振込不能)
  returned: (m) => ({
    subject: `[Bansou Net] We could not transfer your honorarium (${monthName(m.month)})`,
    body: [
      `Dear ${m.name},`,
      '',
      `The honorarium of ${yen(m.amount)} that we transferred on ${enDate(m.payday)} was returned to us by the bank (the bank's reason: ${m.reason}).`,
      `Claims: ${m.claimIds.join(', ')}`,
      '',
      'Please reply to this email with your correct bank account:',
      '- the bank and branch name (for Japan Post Bank / ゆうちょ銀行, the 記号 and 番号 in your passbook)',
      '- the account type (普通 ordinary or 当座 current) and the account number',
      '- the account holder name exactly as in your passbook, in katakana',
      '',
      'Once we have confirmed the account, we will transfer the payment with the next payout. You do not need to claim again.',
      footer(m.contact),
    ].join('\n'),
  }),
};
