/** Forms adapter: opens the configured forms and turns responses into plain data. */
import type { ResponseData } from '../app/ports';
import { normalizeText } from '../domain/text';

/** 設定 holds a form's ID or any of its URLs. */
export function openForm(idOrUrl: string): GoogleAppsScript.Forms.Form {
  const v = idOrUrl.trim();
  if (/^https?:\/\//i.test(v)) return FormApp.openByUrl(v);
  return FormApp.openById(v);
}

export function tryOpenForm(idOrUrl: string): { form?: GoogleAppsScript.Forms.Form; error?: string } {
  if (!idOrUrl.trim()) return { error: '未設定' };
  try {
    return { form: openForm(idOrUrl) };
  } catch (e) {
    const hint = /\/forms\/d\/e\//.test(idOrUrl) ? '（回答用のURLではなく、編集用のURL …/forms/d/<ID>/edit かフォームIDを指定してください）' : '';
    return { error: `${String(e)}${hint}` };
  }
}

/** One response as plain data: answers by question title (a checkbox answer is a list). */
export function readResponse(formId: string, response: GoogleAppsScript.Forms.FormResponse): ResponseData {
  const answers = new Map<string, string | string[]>();
  for (const ir of response.getItemResponses()) {
    const title = normalizeText(ir.getItem().getTitle());
    const value = ir.getResponse() as unknown;
    if (Array.isArray(value)) answers.set(title, value.map((v) => (Array.isArray(v) ? v.join(' ') : String(v ?? ''))));
    else answers.set(title, value === null || value === undefined ? '' : String(value));
  }
  let respondentEmail = '';
  try {
    respondentEmail = String(response.getRespondentEmail() ?? '');
  } catch {
    respondentEmail = '';
  }
  return { id: response.getId(), formId, timestamp: response.getTimestamp() as unknown as Date, respondentEmail, answers };
}

/** The form's question titles (asked only when an answer a handler needs is absent). */
export function questionTitles(form: GoogleAppsScript.Forms.Form): string[] {
  return form.getItems().map((item) => normalizeText(item.getTitle()));
}
