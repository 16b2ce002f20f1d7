import type { ReasonCode, ReasonParams } from '../reasons';
import type { Catalog } from './types';

const s = (v: string | number | undefined) => (v === undefined ? '' : String(v));
const FIELD_VI: Record<string, string> = {
  伴走ネットID: 'ID Bansou Net',
  メールアドレス: 'địa chỉ email',
  支援実施日: 'ngày hỗ trợ',
  ['支援時間（時間）'.normalize('NFKC')]: 'số giờ hỗ trợ',
  お名前: 'họ tên',
};
// Titles reach here NFKC-normalised as in 設定 (支援時間(時間)); the keys are looked up the same way.
const field = (f: string | number | undefined) => `"${FIELD_VI[s(f).normalize('NFKC')] ?? FIELD_VI[s(f)] ?? s(f)}"`;

const reasons: Record<ReasonCode, (p: ReasonParams) => { text: string; fix: string }> = {
  FIELD_MISSING: (p) =>
    p.value !== undefined
      ? { text: `Không đọc được câu trả lời cho ${field(p.field)} ("${s(p.value)}").`, fix: 'Vui lòng sửa câu trả lời và nhập lại (ngày như 2025-04-01, email như name@example.org).' }
      : { text: `Câu hỏi ${field(p.field)} chưa được trả lời.`, fix: 'Vui lòng sửa câu trả lời và điền vào.' },
  ID_FORMAT: (p) => ({
    text: `ID Bansou Net "${s(p.id)}" không đúng định dạng hoặc sai chữ số kiểm tra.`,
    fix: 'Vui lòng kiểm tra ID trong email đăng ký (ví dụ: BN-00042-7) và sửa câu trả lời.',
  }),
  ID_UNKNOWN: (p) => ({ text: `ID Bansou Net ${s(p.id)} chưa được đăng ký.`, fix: 'Vui lòng kiểm tra ID trong email đăng ký, hoặc đăng ký trước bằng mẫu đăng ký.' }),
  NOT_ELIGIBLE: (p) => ({
    text: `Chưa xác nhận được điều kiện yêu cầu (kinh nghiệm hỗ trợ, hoặc đã trả lời phiếu khảo sát khóa học cơ bản). Chưa trả lời: ${s(p.missing)}.`,
    fix: 'Nếu bạn đã trả lời phiếu khảo sát, vui lòng báo cho văn phòng.',
  }),
  EMAIL_MISMATCH: (p) =>
    p.invalid
      ? {
          text: `Địa chỉ email bạn nhập ("${s(p.typed)}") không phải là địa chỉ email dùng được, nên không khớp với địa chỉ đã đăng ký. Email này được gửi đến địa chỉ đã đăng ký.`,
          fix: 'Vui lòng sửa câu trả lời và nhập địa chỉ email đã đăng ký (dạng name@example.org).',
        }
      : {
          text: `Địa chỉ email bạn nhập (${s(p.typed)}) khác với địa chỉ đã đăng ký. Email này được gửi đến địa chỉ đã đăng ký.`,
          fix: 'Nếu bạn đã đổi địa chỉ email, vui lòng báo cho văn phòng.',
        },
  OUT_OF_PERIOD: (p) => ({ text: `Ngày hỗ trợ ${s(p.date)} nằm ngoài thời gian của chương trình (${s(p.start)} đến ${s(p.end)}).`, fix: 'Nếu ngày bị sai, vui lòng sửa câu trả lời.' }),
  FUTURE_DATE: (p) => ({ text: `Ngày hỗ trợ ${s(p.date)} sau ngày bạn gửi yêu cầu.`, fix: 'Vui lòng nhập ngày đã thực hiện hỗ trợ.' }),
  LATE: (p) => ({ text: `Đã quá hạn gửi yêu cầu (${s(p.deadline)}; ngày nhận ${s(p.received)}).`, fix: 'Nếu có lý do, vui lòng liên hệ văn phòng.' }),
  HOURS_INVALID: (p) => ({ text: `Không đọc được số giờ hỗ trợ "${s(p.value)}", hoặc quá 24 giờ.`, fix: 'Vui lòng nhập số giờ bằng số (ví dụ: 1.5, 1:30).' }),
  TOO_SHORT: (p) => ({ text: `Thời gian hỗ trợ (${s(p.hours)}) ít hơn mức tối thiểu (${s(p.min)}).`, fix: 'Nếu bạn nhập nhầm thời gian, vui lòng sửa câu trả lời.' }),
  CASE_ID_MISSING: () => ({ text: 'Đây không phải lần đầu yêu cầu cho người này, nhưng chưa nhập ID người được hỗ trợ.', fix: 'Vui lòng nhập ID người được hỗ trợ trong email xác nhận lần trước (ví dụ: R-00012-3).' }),
  CASE_ID_UNKNOWN: (p) => ({ text: `ID người được hỗ trợ "${s(p.id)}" chưa từng được cấp hoặc không đúng định dạng.`, fix: 'Vui lòng kiểm tra ID trong email xác nhận lần trước.' }),
  RECIPIENT_LIMIT: (p) => ({ text: `Người này đã đạt giới hạn ${s(p.max)} lần hỗ trợ.`, fix: 'Văn phòng sẽ xem xét.' }),
  EVENT_LIMIT: (p) => ({ text: `Việc hỗ trợ người này vào ngày ${s(p.date)} đã được ${s(p.max)} người hỗ trợ yêu cầu.`, fix: 'Văn phòng sẽ xem xét.' }),
  DUPLICATE: (p) => ({ text: `Bạn đã yêu cầu cho việc hỗ trợ người này vào ngày ${s(p.date)} rồi (${s(p.claimId)}).`, fix: 'Nếu bạn gửi hai lần do nhầm lẫn, không cần làm gì thêm.' }),
  CO_SUPPORTER_UNKNOWN: (p) => ({ text: `Không xác nhận được ID Bansou Net "${s(p.id)}" của người hỗ trợ cùng.`, fix: 'Vui lòng kiểm tra ID và sửa câu trả lời.' }),
  CO_SUPPORTER_SELF: () => ({ text: 'Bạn đã nhập ID Bansou Net của chính mình vào ô người hỗ trợ cùng.', fix: 'Vui lòng nhập ID của người hỗ trợ cùng, hoặc để trống.' }),
  BUDGET_EXCEEDED: (p) => ({ text: `Chương trình đã đạt mức ngân sách (${yen(Number(p.cap))}).`, fix: 'Văn phòng sẽ liên hệ với bạn.' }),
};

// Vietnamese groups thousands with '.', as the seed flyer writes 4.000 yên (a comma is the decimal mark).
const yen = (n: number) => `${String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} yên`;
/** '2024-05-27' → '27/05/2024' (day/month/year, as Vietnamese writes dates) */
const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const restate = (m: { claimId: string; supportDate: string; hours: string }) => [`Mã yêu cầu: ${m.claimId}`, `Ngày hỗ trợ: ${m.supportDate}`, `Số giờ: ${m.hours}`];
const problems = (list: { text: string; fix: string }[]) =>
  list.length === 0 ? [] : ['', 'Kiểm tra tự động phát hiện:', ...list.map((p) => (p.fix ? `- ${p.text}\n  -> ${p.fix}` : `- ${p.text}`))];
/** The note as staff wrote it, then the machine translation, marked as such. */
const note = (m: { note: string; translation: string | null }) => [
  `Văn phòng ghi chú (nguyên văn): ${m.note}`,
  ...(m.translation ? ['', `Bản dịch máy (Google Dịch, chỉ để tham khảo): ${m.translation}`] : []),
];
export const footer = (contact: string) => `\n--\nVăn phòng Bansou Net, Mạng lưới Đoàn kết với Người di cư Nhật Bản (SMJ)\n${contact}\n`;
const month = (ym: string) => `tháng ${Number(ym.slice(5, 7))}/${ym.slice(0, 4)}`;

export const vi: Catalog = {
  language: 'vi',
  label: 'Tiếng Việt',
  yen,
  reason: (code, p) => reasons[code](p),
  registration: (m) => ({
    subject: m.existing ? '[Bansou Net] ID Bansou Net đã đăng ký của bạn' : '[Bansou Net] Cảm ơn bạn đã đăng ký (ID Bansou Net)',
    body: [
      `Kính gửi ${m.name},`,
      '',
      m.existing ? 'Bạn đã đăng ký rồi. Chúng tôi gửi lại ID Bansou Net của bạn.' : 'Cảm ơn bạn đã đăng ký Bansou Net.',
      '',
      `ID Bansou Net: ${m.id}`,
      '',
      'Bạn cần ID này để yêu cầu tiền thù lao hỗ trợ đồng hành. Vui lòng giữ cẩn thận.',
      '',
      'Các bước tiếp theo:',
      '1. Văn phòng sẽ gửi qua bưu điện 2 bản Biên bản ghi nhớ (覚書) và Đơn đăng ký tài khoản nhận thù lao (謝金受取口座届出書) (nếu bạn muốn hỗ trợ: sau khi xác nhận bạn đã trả lời phiếu khảo sát khóa học).',
      '2. Ký tên, đóng dấu Biên bản ghi nhớ và gửi lại 1 bản cùng Đơn đăng ký tài khoản cho văn phòng SMJ. Giữ lại 1 bản.',
      '3. Khóa học hỗ trợ đồng hành cơ bản được xem qua video. Sau mỗi buổi, vui lòng trả lời phiếu khảo sát.',
      'Lưu ý: nếu bạn đã đăng ký ở chương trình trước, vui lòng nộp lại Biên bản ghi nhớ và Đơn đăng ký tài khoản cho chương trình này.',
      footer(m.contact),
    ].join('\n'),
  }),
  receipt: (m) => ({
    subject: `[Bansou Net] Đã nhận yêu cầu (${m.claimId})${m.edited ? ' [đã sửa]' : ''}`,
    body: [
      `Kính gửi ${m.name},`,
      '',
      m.edited ? 'Chúng tôi đã nhận yêu cầu đã sửa của bạn và kiểm tra lại.' : 'Chúng tôi đã nhận yêu cầu hỗ trợ đồng hành của bạn.',
      '',
      `Mã yêu cầu: ${m.claimId}`,
      `ID Bansou Net: ${m.supporterId}`,
      `Ngày hỗ trợ: ${m.supportDate}`,
      `Số giờ: ${m.hours}`,
      m.caseId ? `ID người được hỗ trợ: ${m.caseId}${m.caseIdIssued ? ' (mới cấp: vui lòng nhập ID này trong lần yêu cầu tiếp theo cho người này)' : ''}` : '',
      `Số tiền dự kiến: ${yen(m.amount)}`,
      m.payoutMonth ? `Dự kiến thanh toán: ${month(m.payoutMonth)} (nếu được duyệt)` : '',
      m.documentsMissing ? 'Lưu ý: việc thanh toán sẽ chờ đến khi văn phòng nhận được Biên bản ghi nhớ và Đơn đăng ký tài khoản của chương trình này.' : '',
      '',
      m.problems.length === 0
        ? 'Kiểm tra tự động không phát hiện vấn đề. Văn phòng sẽ xem xét yêu cầu của bạn.'
        : ['Kiểm tra tự động phát hiện các điểm sau:', ...m.problems.map((p) => `- ${p.text}\n  -> ${p.fix}`)].join('\n'),
      '',
      m.editUrl ? `Để sửa yêu cầu, hãy chỉnh sửa câu trả lời qua đường dẫn sau:\n${m.editUrl}` : 'Để sửa yêu cầu, vui lòng trả lời email này với thông tin đúng.',
      footer(m.contact),
    ]
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n'),
  }),
  needsInfo: (m) => ({
    subject: `[Bansou Net] ${m.reminder ? '[Nhắc lại] ' : ''}Vui lòng kiểm tra yêu cầu (${m.claimId})`,
    body: [
      `Kính gửi ${m.name},`,
      '',
      'Văn phòng cần thêm thông tin về yêu cầu sau của bạn:',
      ...restate(m),
      '',
      ...note(m),
      ...problems(m.problems),
      '',
      ...(m.editUrl
        ? [`Vui lòng sửa và gửi lại câu trả lời qua đường dẫn sau, chậm nhất trong ngày ${viDate(m.deadline)}:`, m.editUrl]
        : [`Vui lòng trả lời email này chậm nhất trong ngày ${viDate(m.deadline)} với nội dung cần sửa hoặc bổ sung (văn phòng sẽ sửa yêu cầu ${m.claimId}; bạn không cần gửi yêu cầu mới).`]),
      '',
      'Nếu không nhận được phản hồi trong thời hạn này, yêu cầu có thể không được thanh toán.',
      footer(m.contact),
    ].join('\n'),
  }),
  rejected: (m) => ({
    subject: `[Bansou Net] Kết quả xét duyệt yêu cầu (${m.claimId})`,
    body: [
      `Kính gửi ${m.name},`,
      '',
      'Sau khi xét duyệt, văn phòng đã quyết định không thể thanh toán cho yêu cầu sau:',
      ...restate(m),
      '',
      ...note(m),
      '',
      'Nếu có thắc mắc, vui lòng trả lời email này.',
      footer(m.contact),
    ].join('\n'),
  }),
  paid: (m) => ({
    subject: `[Bansou Net] Thông báo chuyển khoản thù lao (${month(m.month)})`,
    body: [
      `Kính gửi ${m.name},`,
      '',
      `Chúng tôi đã chuyển tiền thù lao vào tài khoản đã đăng ký của bạn (ngày chuyển khoản: ${viDate(m.payday)}).`,
      '',
      `Số tiền: ${yen((m.net ?? m.amount) + (m.grants ?? 0))}`,
      m.tax ? `(thù lao ${yen(m.amount)}, thuế thu nhập khấu trừ ${yen(m.tax)})` : '',
      m.claimIds.length > 0 ? `Các yêu cầu: ${m.claimIds.join(', ')}` : '',
      m.grants ? `Chi phí hỗ trợ khẩn cấp: ${yen(m.grants)} (${(m.grantIds ?? []).join(', ')}; dành cho người bạn hỗ trợ)` : '',
      '',
      'Cảm ơn bạn đã hỗ trợ.',
      footer(m.contact),
    ].join('\n'),
  }),
  held: (m) => ({
    subject: `[Bansou Net] Tiền thù lao đang tạm hoãn (${month(m.month)})`,
    body: [
      `Kính gửi ${m.name},`,
      '',
      `Tháng này chúng tôi chưa thể thanh toán thù lao cho các yêu cầu đã được duyệt (${m.claimIds.join(', ')}) vì:`,
      ...(m.kinds.includes('documents') ? ['- Văn phòng chưa nhận được Biên bản ghi nhớ (覚書) hoặc Đơn đăng ký tài khoản (謝金受取口座届出書) của chương trình này. Vui lòng ký tên, đóng dấu và gửi qua bưu điện.'] : []),
      ...(m.kinds.includes('account') ? ['- Tài khoản ngân hàng chưa được đăng ký hoặc không xác nhận được (tên chủ tài khoản cần viết bằng katakana). Vui lòng liên hệ văn phòng.'] : []),
      '',
      'Sau khi xác nhận, khoản thanh toán sẽ được đưa vào các tháng sau. Bạn không cần gửi lại yêu cầu.',
      footer(m.contact),
    ].join('\n'),
  }),
  // ---- issue 10 part A ----
  courseThanks: (m) => ({
    subject: `[Bansou Net] Cảm ơn bạn đã trả lời phiếu khảo sát khóa học (${m.course})`,
    body: [
      `Kính gửi ${m.name},`,
      '',
      m.already
        ? `Phiếu khảo sát ${m.course} của bạn đã được ghi nhận trước đó. Cảm ơn bạn.`
        : `Cảm ơn bạn đã trả lời phiếu khảo sát ${m.course}. Chúng tôi đã ghi nhận (ID Bansou Net: ${m.id}).`,
      '',
      m.experience
        ? 'Vì bạn đã có kinh nghiệm hỗ trợ, bạn có thể gửi yêu cầu thù lao mà không cần phiếu khảo sát khóa học.'
        : m.remaining.length === 0
          ? 'Bạn đã trả lời đủ các phiếu khảo sát khóa cơ bản cần thiết. Bây giờ bạn có thể gửi yêu cầu thù lao hỗ trợ đồng hành.'
          : `Để có thể gửi yêu cầu thù lao, bạn cần trả lời thêm: ${m.remaining.join(', ')}`,
      ...m.waived.map((w) => `Lưu ý: không cần ${w.course} đối với hỗ trợ thực hiện đến hết ngày ${w.until}.`),
      m.documentsNext ? 'Văn phòng sẽ gửi qua bưu điện Biên bản ghi nhớ (覚書, 2 bản) và Đơn đăng ký tài khoản (謝金受取口座届出書). Vui lòng ký tên và gửi lại.' : '',
      footer(m.contact),
    ]
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n'),
  }),
  courseIdProblem: (m) => ({
    subject: '[Bansou Net] Không xác nhận được ID Bansou Net trong phiếu khảo sát khóa học',
    body: [
      'Cảm ơn bạn đã trả lời phiếu khảo sát khóa học.',
      '',
      m.kind === 'format'
        ? `ID Bansou Net bạn nhập ("${m.typedId || '(trống)'}") không đúng dạng hoặc sai chữ số kiểm tra.`
        : `ID Bansou Net bạn nhập (${m.typedId}) chưa được đăng ký.`,
      `Khóa học: ${m.course || '(trống)'}`,
      '',
      'Câu trả lời của bạn đã được lưu. Vui lòng kiểm tra ID trong email đăng ký (ví dụ BN-00042-7) rồi trả lời lại với ID đúng, hoặc báo cho văn phòng. Nếu chưa đăng ký, vui lòng dùng biểu mẫu đăng ký.',
      footer(m.contact),
    ].join('\n'),
  }),
  documentsReminder: (m) => ({
    subject: '[Bansou Net] Vui lòng gửi lại Biên bản ghi nhớ và Đơn đăng ký tài khoản',
    body: [
      `Kính gửi ${m.name} (ID Bansou Net: ${m.id}),`,
      '',
      `Văn phòng đã gửi giấy tờ cho bạn qua bưu điện ngày ${m.sentOn}. Chúng tôi chưa nhận được:`,
      ...(m.missing.includes('memorandum') ? ['- Biên bản ghi nhớ (覚書): ký tên, đóng dấu, gửi lại 1 bản và giữ 1 bản'] : []),
      ...(m.missing.includes('accountForm') ? ['- Đơn đăng ký tài khoản nhận thù lao (謝金受取口座届出書)'] : []),
      '',
      'Chúng tôi chưa thể thanh toán thù lao cho đến khi nhận được giấy tờ. Nếu bạn đã gửi rồi, xin bỏ qua thư này. Nếu bạn chưa nhận được giấy tờ, vui lòng liên hệ văn phòng.',
      footer(m.contact),
    ].join('\n'),
  }),
  // ---- issue 11: a returned transfer (振込不能)
  returned: (m) => ({
    subject: `[Bansou Net] Chúng tôi không thể chuyển tiền thù lao (${month(m.month)})`,
    body: [
      `Kính gửi ${m.name},`,
      '',
      `Khoản thù lao ${yen(m.amount)} chúng tôi chuyển vào ngày ${viDate(m.payday)} đã bị ngân hàng trả lại (lý do của ngân hàng: ${m.reason}).`,
      `Các yêu cầu: ${m.claimIds.join(', ')}`,
      '',
      'Vui lòng trả lời email này và cho chúng tôi biết tài khoản ngân hàng chính xác của bạn:',
      '- tên ngân hàng và chi nhánh (với ngân hàng Bưu điện Nhật Bản / ゆうちょ銀行: 記号 và 番号 trong sổ tiết kiệm)',
      '- loại tài khoản (普通 thông thường hoặc 当座 vãng lai) và số tài khoản',
      '- tên chủ tài khoản đúng như trong sổ, viết bằng katakana',
      '',
      'Sau khi xác nhận tài khoản, chúng tôi sẽ chuyển khoản trong lần thanh toán tiếp theo. Bạn không cần gửi lại yêu cầu.',
      footer(m.contact),
    ].join('\n'),
  }),
};
