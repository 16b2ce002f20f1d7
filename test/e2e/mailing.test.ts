/** Documents by post (書類送付) end to end on the built bundle: the list, its label CSV, the confirmation and the reminder. */
import { makeWorld, type World } from './world';

const WANTS = ['伴走支援を行いたい'];

/** Staff type into a 登録者 cell. */
function staffTypes(w: World, id: string, header: string, value: unknown) {
  const s = w.sheet('登録者');
  const values = s.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === id);
  s.getRange(row + 1, values[0].indexOf(header) + 1).setValue(value);
}

const listed = (w: World, sheet: string) => w.rows(sheet).filter((r) => String(r.伴走ネットID).startsWith('BN-'));
const cell = (w: World, id: string, header: string) => w.rows('登録者').find((r) => r.伴走ネットID === id)?.[header];
const tokyo = (d: string) => new Date(`${d}T00:00:00+09:00`);

/** The office on 2024-05-20: who wants to support, who may, who was sent what. */
function office() {
  const w = makeWorld();
  const a = w.supporter({ name: '青木 明', email: 'a@example.org', experience: 'はい', wishes: WANTS, address: '〒１１０－０００５　東京都台東区上野１－１２－６' });
  const b = w.supporter({ name: 'Bui Van Binh', email: 'b@example.org', experience: 'いいえ', wishes: WANTS, address: '1600022 東京都新宿区新宿2-3-4', language: 'Tiếng Việt' });
  const c = w.supporter({ name: '千葉 千尋', email: 'c@example.org', experience: 'いいえ', wishes: WANTS, address: '千葉県千葉市1-1' });
  const d = w.supporter({ name: '土井 大', email: 'd@example.org', experience: 'はい', wishes: ['講座を受講したい'], address: '大阪府大阪市1-1' });
  const e = w.supporter({ name: 'Emma Evans', email: 'e@example.org', experience: 'はい', wishes: WANTS, address: '神奈川県横浜市中区1-2-3 〒231-0001', language: 'English' });
  const f = w.supporter({ name: '福田 史', email: 'f@example.org', experience: 'はい', wishes: WANTS, address: '福岡県福岡市1-1' });
  const g = w.supporter({ name: '後藤 剛', email: 'g@example.org', experience: 'はい', wishes: WANTS, address: '' });
  staffTypes(w, b, '講座アンケート', '基礎1、基礎2、基礎3、基礎4、基礎５'); // complete, typed by staff
  staffTypes(w, c, '講座アンケート', '基礎1, 基礎2, 基礎3, 基礎4'); // 基礎5 no longer waived on 2024-05-20
  staffTypes(w, e, '書類送付日', '2023-06-01'); // posted for the earlier program (2023 starts 2023-07-10)
  staffTypes(w, f, '書類送付日', '2023-07-10'); // posted for this program, on its first day
  w.rt.mail.sent.length = 0;
  return { w, a, b, c, d, e, f, g };
}

describe('createMailingList', () => {
  test('lists everyone who wants to support, may claim and was not sent the documents for this program, with the postal code split out', () => {
    const { w, a, b, e, g } = office();
    w.call('createMailingList');
    expect(listed(w, '書類送付 2024-05-20')).toEqual([
      { 伴走ネットID: a, 氏名: '青木 明', 郵便番号: '110-0005', 住所: '東京都台東区上野1-12-6', 送付物: '覚書（2通）、謝金受取口座届出書、返信用封筒', 理由: '支援経験あり。新移民時代型伴走支援（2023–2026）の分は未送付' },
      { 伴走ネットID: b, 氏名: 'Bui Van Binh', 郵便番号: '160-0022', 住所: '東京都新宿区新宿2-3-4', 送付物: '覚書（2通）、謝金受取口座届出書、返信用封筒', 理由: '講座アンケート回答済み（基礎1・基礎2・基礎3・基礎4・基礎5）。新移民時代型伴走支援（2023–2026）の分は未送付' },
      { 伴走ネットID: e, 氏名: 'Emma Evans', 郵便番号: '231-0001', 住所: '神奈川県横浜市中区1-2-3', 送付物: '覚書（2通）、謝金受取口座届出書、返信用封筒', 理由: '支援経験あり。前の事業で送付済み（2023-06-01）、新移民時代型伴走支援（2023–2026）の分を送付' },
    ]);
    // the one with no address is reported, not listed
    expect(JSON.stringify(w.rows('書類送付 2024-05-20'))).toContain(g);
    expect(JSON.stringify(w.rt.ui.alerts)).toContain(`住所が登録されていないため載せていません: ${g}`);
  });

  test('the label CSV is UTF-8 in Drive: postal code, address, name, honorific, ID', () => {
    const { w, a, b, e } = office();
    w.call('createMailingList');
    const DriveApp = w.rt.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
    const files = DriveApp.getFilesByName('書類送付_2024-05-20.csv');
    expect(files.hasNext()).toBe(true);
    const blob = files.next().getBlob();
    expect(blob.getBytes().slice(0, 3)).toEqual([-17, -69, -65]); // the UTF-8 BOM, for Excel and label software
    const text = blob.getDataAsString('UTF-8').replace(/^\uFEFF/, '');
    expect(text).toBe(
      '郵便番号,住所,氏名,敬称,伴走ネットID\r\n' +
        `110-0005,東京都台東区上野1-12-6,青木 明,様,${a}\r\n` +
        `160-0022,東京都新宿区新宿2-3-4,Bui Van Binh,様,${b}\r\n` +
        `231-0001,神奈川県横浜市中区1-2-3,Emma Evans,様,${e}\r\n`,
    );
  });

  test('a supporter whose documents already came back is not posted them; one whose 覚書 came back gets only the account form', () => {
    const { w, a, b } = office();
    staffTypes(w, a, '覚書受領日', '2024-05-01');
    staffTypes(w, a, '口座届受領日', '2024-05-01');
    staffTypes(w, b, '覚書受領日', '2024-05-01');
    w.call('createMailingList');
    const rows = listed(w, '書類送付 2024-05-20');
    expect(rows.map((r) => r.伴走ネットID)).not.toContain(a);
    expect(rows.find((r) => r.伴走ネットID === b)?.送付物).toBe('謝金受取口座届出書、返信用封筒');
  });

  test('an address that starts with = stays text in the sheet and cannot run in the CSV', () => {
    const w = makeWorld();
    const id = w.supporter({ email: 'x@example.org', experience: 'はい', wishes: WANTS, address: '=IMPORTXML("http://evil","//a")' });
    w.call('createMailingList');
    const s = w.sheet('書類送付 2024-05-20');
    expect(listed(w, '書類送付 2024-05-20')[0]).toMatchObject({ 伴走ネットID: id, 郵便番号: '', 住所: '=IMPORTXML("http://evil","//a")' });
    expect(s.getDataRange().getFormulas().flat().every((f) => f === '')).toBe(true);
    const DriveApp = w.rt.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
    const text = DriveApp.getFilesByName('書類送付_2024-05-20.csv').next().getBlob().getDataAsString('UTF-8');
    expect(text).toContain(`,"'=IMPORTXML(""http://evil"",""//a"")",`);
  });
});

describe('confirmMailingList', () => {
  test('fills 書類送付日 for everyone on the list in one call, touching nothing else; the next list leaves them out', () => {
    const { w, a, b, c, e, f } = office();
    w.call('createMailingList');
    w.at('2024-05-21T09:00:00+09:00'); // posted the next morning
    w.rt.calls.reset();
    w.call('confirmMailingList', '書類送付 2024-05-20');
    expect(w.rt.calls.byMethod()['RangeList.setValue']).toBe(1);
    // the ログ lines only: one setValues, or an appendRow each for one or two lines
    const by = w.rt.calls.byMethod();
    expect((by['Range.setValues'] ?? 0) === 1 || ((by['Range.setValues'] ?? 0) === 0 && (by['Sheet.appendRow'] ?? 0) <= 2)).toBe(true);
    for (const id of [a, b, e]) expect(cell(w, id, '書類送付日')).toEqual(tokyo('2024-05-21'));
    expect(cell(w, c, '書類送付日')).toBe('');
    expect(cell(w, f, '書類送付日')).toEqual(tokyo('2023-07-10'));
    expect(listed(w, '書類送付 2024-05-20').length).toBe(3);
    expect(w.rows('書類送付 2024-05-20').find((r) => r.伴走ネットID === '状態')?.氏名).toMatch(/^送付済（2024-05-21 確定/);
    // confirming twice is refused; a new list has nobody
    expect(() => w.call('confirmMailingList', '書類送付 2024-05-20')).toThrow(/すでに確定/);
    w.call('createMailingList');
    expect(listed(w, '書類送付 2024-05-21')).toEqual([]);
  });

  test('from the menu it asks first and acts on the newest unconfirmed list; NO writes nothing', () => {
    const { w, a } = office();
    w.call('createMailingList');
    w.rt.ui.queueResponse({ button: 'NO' });
    w.rt.fire('confirmMailingList');
    expect(cell(w, a, '書類送付日')).toBe('');
    w.rt.ui.queueResponse({ button: 'YES' });
    w.rt.fire('confirmMailingList');
    expect(cell(w, a, '書類送付日')).toEqual(tokyo('2024-05-20'));
  });

  test('a list rebuilt the same day after confirming becomes a new sheet, the confirmed one is kept', () => {
    const { w, a } = office();
    w.call('createMailingList');
    w.call('confirmMailingList', '書類送付 2024-05-20');
    const late = w.supporter({ email: 'late@example.org', experience: 'はい', wishes: WANTS, address: '〒100-0001 東京都千代田区1-1' });
    w.call('createMailingList');
    expect(listed(w, '書類送付 2024-05-20').map((r) => r.伴走ネットID)).toContain(a);
    expect(listed(w, '書類送付 2024-05-20 (2)').map((r) => r.伴走ネットID)).toEqual([late]);
  });
});

describe('the daily reminder for documents not returned', () => {
  test('once, 30 days after posting, in the supporter\'s language, naming what is missing', () => {
    const { w, a, b, e } = office();
    w.call('createMailingList');
    w.call('confirmMailingList', '書類送付 2024-05-20');
    staffTypes(w, b, '覚書受領日', '2024-06-01');
    staffTypes(w, b, '口座届受領日', '2024-06-01');
    staffTypes(w, e, '覚書受領日', '2024-06-01');
    const reminders = () => w.rt.mail.sent.filter((m) => /返送|send back|gửi lại/.test(m.subject));
    w.at('2024-06-18T07:00:00+09:00'); // 29 days after 2024-05-20
    w.call('dailyMaintenance');
    // only f, posted on 2023-07-10 and never reminded
    expect(reminders().map((m) => m.to)).toEqual(['f@example.org']);
    w.at('2024-06-19T07:00:00+09:00'); // 30 days
    w.call('dailyMaintenance');
    expect(reminders().map((m) => m.to)).toEqual(['f@example.org', 'a@example.org', 'e@example.org']);
    const [, ja, en] = reminders();
    expect(ja.body).toContain('2024-05-20 に事務局から郵送した書類');
    expect(ja.body).toContain('・覚書');
    expect(ja.body).toContain('・謝金受取口座届出書');
    expect(en.body).toContain('posted you documents on 2024-05-20');
    expect(en.body).not.toContain('the memorandum (覚書)');
    expect(en.body).toContain('the bank-account form');
    expect(en.replyTo).toBe('office@smj.example');
    expect(cell(w, a, '書類催促日')).toEqual(tokyo('2024-06-19'));
    w.at('2024-06-20T07:00:00+09:00');
    w.call('dailyMaintenance');
    expect(reminders()).toHaveLength(3);
  });

  test('a supporter registered in an earlier program is due again for the new one, and reminded again after the new posting', () => {
    const w = makeWorld({ now: '2026-04-10T10:00:00+09:00', settings: { 'プログラム定義:2026': '{"extends":"new-migrant-era-2023","name":"2026年度","period":{"start":"2026-04-01","end":"2027-03-31"}}', プログラム: '2026' } });
    const id = w.supporter({ email: 'old@example.org', experience: 'はい', wishes: WANTS, address: '〒110-0005 東京都台東区上野1-12-6' });
    staffTypes(w, id, '書類送付日', '2025-01-10');
    staffTypes(w, id, '書類催促日', '2025-02-10');
    staffTypes(w, id, '覚書受領日', '2025-02-20');
    staffTypes(w, id, '口座届受領日', '2025-02-20');
    w.call('createMailingList');
    expect(listed(w, '書類送付 2026-04-10')).toEqual([expect.objectContaining({ 伴走ネットID: id, 理由: '支援経験あり。前の事業で送付済み（2025-01-10）、2026年度の分を送付' })]);
    w.call('confirmMailingList', '書類送付 2026-04-10');
    w.at('2026-05-10T07:00:00+09:00');
    w.rt.mail.sent.length = 0;
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent.filter((m) => m.to === 'old@example.org').map((m) => m.subject)).toEqual(['【伴走ネット】「覚書」「謝金受取口座届出書」のご返送のお願い']);
  });
});
