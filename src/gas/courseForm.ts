/**
 * The course questionnaire form (講座アンケート, SPEC §9), built by createForms: 伴走ネットID,
 * メールアドレス, 講座 (基礎1–5, 応用1–4), 感想, in Japanese with English and Vietnamese help.
 * Published and editable; its ID goes into 設定 講座アンケートフォーム and setup installs
 * onCourseSubmit on it.
 */
import type { GasCtx } from './context';
import { SETTINGS } from '../app/schema';
import { COURSE_QUESTIONS } from '../app/settings';
import { makeLive } from './createForms';

/** The choices: the course code first (what the sheet records), then the session's title (seed 000). */
export const COURSE_CHOICES = [
  '基礎1 ケースワーク',
  '基礎2 在留資格',
  '基礎3 労働問題',
  '基礎4 医療・社会保障',
  '基礎5 子ども・若者',
  '応用1 技能実習生への支援',
  '応用2 DV被害女性・母子への支援',
  '応用3 難民への支援',
  '応用4 非正規滞在者への支援',
];

const help = (en: string, vi: string) => `${en}\n${vi}`;

export function buildCourseForm(ctx: GasCtx): { id: string; url: string } {
  const Q = COURSE_QUESTIONS;
  const form = FormApp.create(`伴走支援講座アンケート（${ctx.settings.active.name}）`);
  form.setDescription(
    [
      '伴走支援講座の各回を視聴したあとにご回答ください。伴走支援を希望する方は、基礎編すべてのアンケートへの回答が申請の条件です。',
      'Please answer after watching each session of the accompanying-support course. To claim for support, answer the questionnaire of every basic session.',
      'Vui lòng trả lời sau khi xem mỗi buổi của khóa học hỗ trợ đồng hành. Để gửi yêu cầu thù lao, cần trả lời phiếu khảo sát của tất cả các buổi cơ bản.',
    ].join('\n'),
  );
  form
    .addTextItem()
    .setTitle(Q.supporterId)
    .setHelpText(help('Your Bansou Net ID from the registration email, e.g. BN-00042-7', 'ID Bansou Net trong email đăng ký, ví dụ BN-00042-7'))
    .setRequired(true);
  form
    .addTextItem()
    .setTitle(Q.email)
    .setHelpText(help('Email address (as registered)', 'Email (đã đăng ký)'))
    .setRequired(true)
    .setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
  form
    .addMultipleChoiceItem()
    .setTitle(Q.course)
    .setHelpText(
      help(
        'The session you watched: 基礎 = basic (1 case work, 2 residence status, 3 labour, 4 health and social security, 5 children and youth); 応用 = advanced (1 technical interns, 2 women and children facing DV, 3 refugees, 4 undocumented migrants)',
        'Buổi bạn đã xem: 基礎 = cơ bản (1 công tác xã hội, 2 tư cách lưu trú, 3 lao động, 4 y tế và an sinh, 5 trẻ em và thanh thiếu niên); 応用 = nâng cao (1 thực tập sinh kỹ năng, 2 phụ nữ và trẻ em bị bạo lực gia đình, 3 người tị nạn, 4 người lưu trú không giấy tờ)',
      ),
    )
    .setChoiceValues(COURSE_CHOICES)
    .setRequired(true);
  form.addParagraphTextItem().setTitle(Q.comment).setHelpText(help('Your impressions and questions', 'Cảm nghĩ và câu hỏi của bạn'));
  makeLive(form); // published after the questions are in, editing on

  const t = ctx.openTable(SETTINGS);
  const i = t.find('キー', '講座アンケートフォーム');
  if (i >= 0) t.set(i, { 値: form.getId() });
  else t.append({ キー: '講座アンケートフォーム', 値: form.getId() });
  const url = form.getPublishedUrl();
  ctx.log('フォーム', `講座アンケートフォームを作成して公開しました。回答用リンク: ${url}（編集用: ${form.getEditUrl()}）`);
  return { id: form.getId(), url };
}
