import { createRuntime } from './index';

type Form = GoogleAppsScript.Forms.Form;

function claimForm(rt: ReturnType<typeof createRuntime>): Form {
  const FormApp = rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  const form = FormApp.create('伴走支援申請');
  form.setCollectEmail(true).setAllowResponseEdits(true);
  form.addTextItem().setTitle('伴走ネットID').setRequired(true);
  form.addDateItem().setTitle('支援実施日');
  form.addDurationItem().setTitle('支援時間');
  form.addMultipleChoiceItem().setTitle('初めてですか').setChoiceValues(['はい', 'いいえ']);
  form.addCheckboxItem().setTitle('課題の分野').setChoiceValues(['労働', '医療', 'その他']);
  form.addSectionHeaderItem().setTitle('最後に');
  form
    .addTextItem()
    .setTitle('電話番号')
    .setValidation(FormApp.createTextValidation().requireTextMatchesPattern('[0-9-]+').build());
  return form;
}

describe('FormApp', () => {
  test('each validation builder has only its reference class\'s methods (Text / ParagraphText / Checkbox)', () => {
    const rt = createRuntime();
    const FormApp = rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    expect(FormApp.createTextValidation().requireTextIsEmail().setHelpText('h').build()).toBeTruthy();
    expect(FormApp.createTextValidation().requireNumberGreaterThan(0).build()).toBeTruthy();
    expect(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(500).build()).toBeTruthy();
    expect(FormApp.createCheckboxValidation().requireSelectAtMost(2).build()).toBeTruthy();
    const missing = (b: unknown, m: string) => () => (b as Record<string, () => unknown>)[m]();
    expect(missing(FormApp.createTextValidation(), 'requireSelectAtLeast')).toThrow('Fake Apps Script: TextValidationBuilder.requireSelectAtLeast is not implemented');
    expect(missing(FormApp.createParagraphTextValidation(), 'requireTextIsEmail')).toThrow('ParagraphTextValidationBuilder.requireTextIsEmail is not implemented');
    expect(missing(FormApp.createCheckboxValidation(), 'requireTextIsEmail')).toThrow('CheckboxValidationBuilder.requireTextIsEmail is not implemented');
  });

  test('items, types and typed views', () => {
    const rt = createRuntime();
    const FormApp = rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const form = claimForm(rt);
    const items = form.getItems();
    expect(items.map((i) => i.getType())).toEqual(['TEXT', 'DATE', 'DURATION', 'MULTIPLE_CHOICE', 'CHECKBOX', 'SECTION_HEADER', 'TEXT']);
    expect(items[0].getType()).toBe(FormApp.ItemType.TEXT);
    expect(items[0].asTextItem().isRequired()).toBe(true);
    expect(items[3].asMultipleChoiceItem().getChoices().map((c) => c.getValue())).toEqual(['はい', 'いいえ']);
    expect(() => items[0].asCheckboxItem()).toThrow('Invalid conversion for item type: TEXT.');
    // a generic Item has no isRequired; a TextItem has no setChoiceValues
    expect(() => (items[0] as unknown as { isRequired(): boolean }).isRequired()).toThrow('Fake Apps Script: Item.isRequired is not implemented');
    expect(() => (form.addTextItem() as unknown as { setChoiceValues(v: string[]): void }).setChoiceValues([])).toThrow(/TextItem.setChoiceValues/);
    expect(FormApp.openById(form.getId())).toBe(form);
    expect(FormApp.openByUrl(form.getEditUrl())).toBe(form);
    expect(FormApp.getActiveForm()).toBeNull();
  });

  test('submit maps answers by title and checks them like the form would', () => {
    const rt = createRuntime();
    const form = claimForm(rt);
    expect(() => rt.submit(form, { 伴走ネットID: 'BN-1' })).toThrow(/respondentEmail/);
    expect(() => rt.submit(form, { 伴走ネットID: 'BN-1', typo: 'x' }, { respondentEmail: 'a@example.org' })).toThrow(/no question titled "typo"/);
    expect(() => rt.submit(form, { 支援時間: '01:30:00' }, { respondentEmail: 'a@example.org' })).toThrow(/required/);
    expect(() => rt.submit(form, { 伴走ネットID: 'x', 初めてですか: 'maybe' }, { respondentEmail: 'a@example.org' })).toThrow(/not a choice/);
    expect(() => rt.submit(form, { 伴走ネットID: 'x', 電話番号: 'abc' }, { respondentEmail: 'a@example.org' })).toThrow(/validation/);
    const r = rt.submit(
      form,
      { 伴走ネットID: 'BN-1', 支援実施日: '2024-04-01', 支援時間: '101:30:00', 課題の分野: ['労働', '医療'], 電話番号: '' },
      { respondentEmail: 'a@example.org' },
    );
    expect(r.getRespondentEmail()).toBe('a@example.org');
    const answers = r.getItemResponses().map((ir) => [ir.getItem().getTitle(), ir.getResponse()]);
    expect(answers).toEqual([
      ['伴走ネットID', 'BN-1'],
      ['支援実施日', '2024-04-01'],
      ['支援時間', '101:30:00'],
      ['課題の分野', ['労働', '医療']],
      // an unanswered text item is there with '' (the reference); the unanswered choice item is not
      ['電話番号', ''],
    ]);
    expect(form.getResponses()).toHaveLength(1);
    expect(form.getResponse(r.getId())).toBe(r);
    expect(r.getEditResponseUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform\?edit2=/);
  });

  test('respondent email is empty when the form does not collect it', () => {
    const rt = createRuntime();
    const form = rt.createForm('登録');
    form.addTextItem().setTitle('お名前');
    const r = rt.submit(form, { お名前: '山田' }, { respondentEmail: 'x@example.org' });
    expect(r.getRespondentEmail()).toBe('');
  });

  test('editResponse keeps the id, moves the timestamp and fires the trigger again', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    const form = claimForm(rt);
    const events: { response: GoogleAppsScript.Forms.FormResponse; source: Form; authMode: string; triggerUid: string }[] = [];
    rt.bind((n) => (n === 'onClaimSubmit' ? (e: unknown) => events.push(e as (typeof events)[0]) : undefined));
    const ScriptApp = rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const t = ScriptApp.newTrigger('onClaimSubmit').forForm(form).onFormSubmit().create();
    const r = rt.submit(form, { 伴走ネットID: 'BN-1' }, { respondentEmail: 'a@example.org' });
    rt.clock.advance(60000);
    rt.editResponse(r, { 伴走ネットID: 'BN-2' });
    expect(events).toHaveLength(2);
    expect(events[0].response.getId()).toBe(events[1].response.getId());
    expect(events[1].response.getTimestamp().toISOString()).toBe('2024-05-01T00:01:00.000Z');
    expect(events[1].response.getItemResponses()[0].getResponse()).toBe('BN-2');
    expect(events[0].source).toBe(form);
    expect(events[0].authMode).toBe('FULL');
    expect(events[0].triggerUid).toBe(t.getUniqueId());
    expect(form.getResponses()).toHaveLength(1);
  });

  test('answers to a deleted question stay on the response', () => {
    const rt = createRuntime();
    const form = rt.createForm('f');
    form.addTextItem().setTitle('a');
    form.addTextItem().setTitle('b');
    const r = rt.submit(form, { a: '1', b: '2' });
    form.deleteItem(form.getItems()[1]);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['a']);
    expect(r.getItemResponses().map((ir) => [ir.getItem().getTitle(), ir.getResponse()])).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});

describe('ScriptApp triggers', () => {
  test('create, list, delete; the 21st trigger throws', () => {
    const rt = createRuntime();
    const ScriptApp = rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const ss = rt.createSpreadsheet('s');
    const t1 = ScriptApp.newTrigger('onReviewEdit').forSpreadsheet(ss).onEdit().create();
    const t2 = ScriptApp.newTrigger('dailyMaintenance').timeBased().everyDays(1).atHour(6).create();
    expect(ScriptApp.getProjectTriggers().map((t) => [t.getHandlerFunction(), t.getEventType(), t.getTriggerSource()])).toEqual([
      ['onReviewEdit', ScriptApp.EventType.ON_EDIT, ScriptApp.TriggerSource.SPREADSHEETS],
      ['dailyMaintenance', ScriptApp.EventType.CLOCK, ScriptApp.TriggerSource.CLOCK],
    ]);
    expect(t1.getTriggerSourceId()).toBe(ss.getId());
    expect(t2.getTriggerSourceId()).toBeNull();
    ScriptApp.deleteTrigger(t1);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    for (let i = 0; i < 19; i++) ScriptApp.newTrigger(`f${i}`).timeBased().after(1000).create();
    expect(() => ScriptApp.newTrigger('x').timeBased().after(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  test('daily trigger at an hour in the script zone, one-shot after(ms) runs once', () => {
    // 2024-05-01 00:00 UTC = 09:00 JST
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    const ran: string[] = [];
    rt.bind((n) => () => ran.push(n));
    const ScriptApp = rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    ScriptApp.newTrigger('dailyMaintenance').timeBased().everyDays(1).atHour(6).create();
    ScriptApp.newTrigger('resume').timeBased().after(5 * 60000).create();
    expect(rt.runTimeTriggers()).toEqual([]);
    rt.clock.advance(5 * 60000);
    expect(rt.runTimeTriggers()).toEqual(['resume']);
    expect(rt.runTimeTriggers()).toEqual([]);
    rt.clock.set(new Date('2024-05-01T21:00:00Z')); // 06:00 JST next day
    expect(rt.runTimeTriggers()).toEqual(['dailyMaintenance']);
    expect(rt.runTimeTriggers()).toEqual([]);
    rt.clock.advance(24 * 3600000);
    expect(rt.runTimeTriggers()).toEqual(['dailyMaintenance']);
    expect(ran).toEqual(['resume', 'dailyMaintenance', 'dailyMaintenance']);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['dailyMaintenance']);
  });

  test('getUi is refused inside a background trigger', () => {
    const rt = createRuntime();
    rt.createSpreadsheet('s');
    const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const errors: string[] = [];
    rt.bind((n) =>
      n === 'job'
        ? () => {
            try {
              SpreadsheetApp.getUi();
            } catch (e) {
              errors.push((e as Error).message);
            }
          }
        : undefined,
    );
    (rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).newTrigger('job').timeBased().after(0).create();
    rt.runTimeTriggers();
    expect(errors).toEqual(['Cannot call SpreadsheetApp.getUi() from this context.']);
    expect(() => rt.fire('job')).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});

describe('Ui', () => {
  test('menus, alerts, prompts with queued answers, dialogs', () => {
    const rt = createRuntime();
    rt.createSpreadsheet('s');
    const ui = (rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi();
    ui.createMenu('伴走ネット').addItem('初期設定', 'setup').addSeparator().addItem('支払作成', 'createPayout').addToUi();
    expect(rt.ui.menus).toEqual([
      {
        name: '伴走ネット',
        items: [
          { caption: '初期設定', functionName: 'setup' },
          { caption: '支払作成', functionName: 'createPayout' },
        ],
      },
    ]);
    expect(ui.alert('done')).toBe(ui.Button.OK);
    rt.ui.queueResponse({ button: 'NO' });
    expect(ui.alert('確認', '本当に?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const p1 = ui.prompt('月は?');
    expect([p1.getSelectedButton(), p1.getResponseText()]).toEqual([ui.Button.OK, '']);
    rt.ui.queueResponse({ button: 'OK', text: '2024-05' });
    const p2 = ui.prompt('支払', '月は?', ui.ButtonSet.OK_CANCEL);
    expect([p2.getSelectedButton(), p2.getResponseText()]).toEqual(['OK', '2024-05']);
    expect(rt.ui.alerts).toEqual(['done', '本当に?']);
    expect(rt.ui.prompts).toEqual(['月は?', '月は?']);
    const html = (rt.globals.HtmlService as GoogleAppsScript.HTML.HtmlService).createHtmlOutput('<b>x</b>').setWidth(300).append('<i>y</i>');
    ui.showModalDialog(html, 'Report');
    expect(rt.ui.dialogs[0]).toMatchObject({ title: 'Report', html: '<b>x</b><i>y</i>' });
  });
});

describe('more trigger schedules and event values', () => {
  test('everyHours repeats from creation; time event object fields', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    const events: Record<string, unknown>[] = [];
    rt.bind(() => (e: unknown) => events.push(e as Record<string, unknown>));
    const ScriptApp = rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    ScriptApp.newTrigger('hourly').timeBased().everyHours(2).create();
    expect(() => ScriptApp.newTrigger('x').timeBased().everyMinutes(7).create()).toThrow(/everyMinutes/);
    rt.clock.advance(3600000);
    expect(rt.runTimeTriggers()).toEqual([]);
    rt.clock.advance(3600000);
    expect(rt.runTimeTriggers()).toEqual(['hourly']);
    expect(events[0]).toMatchObject({ authMode: 'FULL', hour: 2, minute: 0, year: 2024, month: 5, 'day-of-month': 1, timezone: 'UTC' });
    rt.clock.advance(5 * 3600000);
    expect(rt.runTimeTriggers()).toEqual(['hourly']);
    expect(rt.triggers()[0].nextRun?.toISOString()).toBe('2024-05-01T08:00:00.000Z');
  });

  test('editCell passes dates as serial numbers and skips value when the cell is cleared', () => {
    const rt = createRuntime();
    const ss = rt.createSpreadsheet('s');
    const sheet = ss.getSheets()[0];
    const events: Record<string, unknown>[] = [];
    rt.bind((n) => (n === 'onEdit' ? (e: unknown) => events.push(e as Record<string, unknown>) : undefined));
    rt.editCell(sheet, 'A1', '2024-01-05');
    rt.editCell(sheet, 'A1', '');
    expect(events[0]).toMatchObject({ authMode: 'LIMITED', value: '45296' });
    expect(events[0].triggerUid).toBeUndefined();
    expect('value' in events[1]).toBe(false);
    expect(events[1].oldValue).toBe('45296');
  });

  test('a failing trigger handler is recorded and rethrown after the others ran', () => {
    const rt = createRuntime();
    const ran: string[] = [];
    rt.bind((n) => () => {
      ran.push(n);
      if (n === 'bad') throw new Error('boom');
    });
    const ScriptApp = rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    ScriptApp.newTrigger('bad').timeBased().after(0).create();
    ScriptApp.newTrigger('good').timeBased().after(0).create();
    expect(() => rt.runTimeTriggers()).toThrow('boom');
    expect(ran).toEqual(['bad', 'good']);
    expect(rt.triggerErrors.map((e) => e.handler)).toEqual(['bad']);
  });
});
