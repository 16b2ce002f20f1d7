/**
 * createForms: fresh registration and claim forms for a new program (SPEC §3), questions in
 * Japanese with English and Vietnamese help, the form's own validation where Forms has one.
 * Their IDs go into 設定 and setup then installs the submit triggers.
 */
import type { GasCtx } from './context';
import { SETTINGS } from '../app/schema';
import { CLAIM_QUESTIONS, REGISTRATION_QUESTIONS } from '../app/settings';
import { buildCourseForm } from './courseForm';
import { YES_NO } from '../domain/text';

const help = (en: string, vi: string) => `${en}\n${vi}`;
const PREFECTURES =
  '北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県'.split(' ');

export interface CreatedForms {
  registration: string;
  claim: string;
  /** the respondent links to share with supporters (not the edit URLs) */
  registrationUrl: string;
  claimUrl: string;
  /** 講座アンケート (issue 10a): the form's ID and respondent link */
  course: string;
  courseUrl: string;
}

/**
 * A form created through the API after 2026-06-30 starts unpublished and accepts nothing ("API changes
 * to Google Forms"), and response editing is off by default ("The default is false"): both are set.
 */
export function makeLive(form: GoogleAppsScript.Forms.Form): void {
  form.setAllowResponseEdits(true);
  // "All newly created forms now support publishing" (Forms guide): no legacy check is needed here.
  if (!form.isPublished()) form.setPublished(true);
  if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);
}

export function buildForms(ctx: GasCtx): CreatedForms {
  const program = ctx.settings.active;
  const R = REGISTRATION_QUESTIONS;
  const reg = FormApp.create(`伴走ネット登録（${program.name}）`);
  reg.setDescription('伴走ネットへの登録フォームです。送信後、伴走ネットIDをメールでお送りします。\nRegistration for Bansou Net. Your Bansou Net ID will be emailed to you.\nĐăng ký Bansou Net. ID Bansou Net sẽ được gửi qua email.');
  reg.addTextItem().setTitle(R.name).setHelpText(help('Name', 'Họ tên')).setRequired(true);
  reg.addTextItem().setTitle(R.kana).setHelpText(help('Name in katakana', 'Tên bằng katakana'));
  reg
    .addTextItem()
    .setTitle(R.email)
    .setHelpText(help('Email address', 'Địa chỉ email'))
    .setRequired(true)
    .setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
  reg.addTextItem().setTitle(R.phone).setHelpText(help('Phone number', 'Số điện thoại')).setRequired(true);
  reg.addParagraphTextItem().setTitle(R.address).setHelpText(help('Postal address (we post the memorandum here)', 'Địa chỉ (để gửi biên bản ghi nhớ)')).setRequired(true);
  reg.addListItem().setTitle(R.prefecture).setHelpText(help('Prefecture', 'Tỉnh/thành phố')).setChoiceValues(PREFECTURES);
  reg.addTextItem().setTitle(R.organization).setHelpText(help('Organisation', 'Tổ chức'));
  reg.addTextItem().setTitle(R.languages).setHelpText(help('Languages you can support in', 'Ngôn ngữ có thể hỗ trợ'));
  reg.addMultipleChoiceItem().setTitle(R.roots).setHelpText(help('Do you have roots abroad?', 'Bạn có gốc nước ngoài không?')).setChoiceValues([...YES_NO]);
  reg.addMultipleChoiceItem().setTitle(R.experience).setHelpText(help('Have you given accompanying support before?', 'Bạn đã từng hỗ trợ đồng hành chưa?')).setChoiceValues([...YES_NO]).setRequired(true);
  reg.addCheckboxItem().setTitle(R.wishes).setHelpText(help('What would you like to do?', 'Bạn muốn làm gì?')).setChoiceValues(['伴走支援を行いたい', '講座を受講したい']);
  reg.addMultipleChoiceItem().setTitle(R.contactLanguage).setHelpText(help('Language for our emails', 'Ngôn ngữ liên lạc')).setChoiceValues(['日本語', 'English', 'Tiếng Việt']).setRequired(true);
  reg.addCheckboxItem().setTitle(R.consent).setHelpText(help('I agree to the handling of personal information', 'Tôi đồng ý với việc xử lý thông tin cá nhân')).setChoiceValues(['同意します']).setRequired(true);

  const C = CLAIM_QUESTIONS;
  const claim = FormApp.create(`伴走支援申請（${program.name}）`);
  claim.setDescription('伴走支援の謝金の申請フォームです。送信後、受付メールをお送りします。\nClaim for accompanying support. A receipt will be emailed to you.\nYêu cầu thù lao hỗ trợ đồng hành. Email xác nhận sẽ được gửi cho bạn.');
  claim
    .addTextItem()
    .setTitle(C.supporterId)
    .setHelpText(help('Your Bansou Net ID, e.g. BN-00042-7', 'ID Bansou Net của bạn, ví dụ BN-00042-7'))
    .setRequired(true);
  claim.addTextItem().setTitle(C.name).setHelpText(help('Name', 'Họ tên')).setRequired(true);
  claim
    .addTextItem()
    .setTitle(C.email)
    .setHelpText(help('Email address (as registered)', 'Email (đã đăng ký)'))
    .setRequired(true)
    .setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
  claim.addDateItem().setTitle(C.supportDate).setHelpText(help('Date of support', 'Ngày hỗ trợ')).setRequired(true);
  claim
    .addTextItem()
    .setTitle(C.hours)
    .setHelpText(help('Hours of support, e.g. 1.5 or 1:30', 'Số giờ hỗ trợ, ví dụ 1.5 hoặc 1:30'))
    .setRequired(true);
  claim.addTextItem().setTitle(C.caseId).setHelpText(help('Recipient case ID from your earlier receipt (2nd claim on)', 'ID người được hỗ trợ (từ lần thứ 2)'));
  claim.addMultipleChoiceItem().setTitle(C.firstForRecipient).setHelpText(help('Is this your first claim for this person?', 'Đây có phải lần đầu yêu cầu cho người này?')).setChoiceValues([...YES_NO]).setRequired(true);
  claim.addTextItem().setTitle(C.nationality).setHelpText(help("Recipient's nationality", 'Quốc tịch người được hỗ trợ'));
  claim.addTextItem().setTitle(C.residenceStatus).setHelpText(help("Recipient's residence status", 'Tư cách lưu trú'));
  claim.addListItem().setTitle(C.ageGroup).setHelpText(help("Recipient's age group", 'Độ tuổi')).setChoiceValues(['10代以下', '20代', '30代', '40代', '50代', '60代', '70代以上', '不明']);
  claim.addListItem().setTitle(C.prefecture).setHelpText(help('Prefecture where the support took place', 'Tỉnh/thành phố hỗ trợ')).setChoiceValues(PREFECTURES);
  claim
    .addCheckboxItem()
    .setTitle(C.issues)
    .setHelpText(help('Areas of the problem', 'Lĩnh vực vấn đề'))
    .setChoiceValues(['労働', '医療', '福祉・生活保護', '家族', '在留資格', '住まい', '教育', 'DV', 'その他']);
  claim.addCheckboxItem().setTitle(C.activities).setHelpText(help('What you did', 'Nội dung hỗ trợ')).setChoiceValues(['同行', '通訳', '書類作成', '交渉', '相談', 'その他']);
  claim.addTextItem().setTitle(C.coSupporterId).setHelpText(help("Co-supporter's Bansou Net ID, if any", 'ID Bansou Net của người hỗ trợ cùng (nếu có)'));
  claim.addParagraphTextItem().setTitle(C.summary).setHelpText(help('Summary of the support (no names of the person supported)', 'Tóm tắt (không ghi tên người được hỗ trợ)'));
  claim.addMultipleChoiceItem().setTitle(C.urgent).setHelpText(help('Is urgent help needed?', 'Có cần hỗ trợ khẩn cấp không?')).setChoiceValues([...YES_NO]);

  // Record the new IDs in 設定 (one write per key row).
  const t = ctx.openTable(SETTINGS);
  for (const [key, id] of [
    ['登録フォーム', reg.getId()],
    ['申請フォーム', claim.getId()],
  ] as const) {
    const i = t.find('キー', key);
    if (i >= 0) t.set(i, { 値: id });
    else t.append({ キー: key, 値: id });
  }
  // Questions first, then publish: nobody answers a half-built form. 差戻し sends the response's edit
  // link, so respondents must be able to edit.
  makeLive(reg);
  makeLive(claim);
  const registrationUrl = reg.getPublishedUrl();
  const claimUrl = claim.getPublishedUrl();
  ctx.log('フォーム', `フォームを作成して公開しました。回答用リンク: 登録 ${registrationUrl} / 申請 ${claimUrl}（編集用: 登録 ${reg.getEditUrl()} / 申請 ${claim.getEditUrl()}）`);
  const course = buildCourseForm(ctx); // issue 10a
  return { registration: reg.getId(), claim: claim.getId(), registrationUrl, claimUrl, course: course.id, courseUrl: course.url };
}
