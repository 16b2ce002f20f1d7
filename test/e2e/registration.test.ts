/** Registration end to end through the form-submit trigger on the built bundle. */
import { makeWorld } from './world';

describe('registration', () => {
  test('a supporter gets a BN ID by email in the language they chose, and a row in 登録者', () => {
    const w = makeWorld();
    w.register({ name: 'Nguyễn Văn An', email: ' An.Nguyen@Example.ORG ', language: 'Tiếng Việt', phone: '０９０−１２３４−５６７８' });
    const [row] = w.rows('登録者');
    expect(row.伴走ネットID).toMatch(/^BN-00001-\d$/);
    expect(row.メール).toBe('an.nguyen@example.org');
    expect(row.電話番号).toBe('09012345678'); // leading zero kept: text, not a number
    expect(row.連絡言語).toBe('Tiếng Việt');
    const mail = w.rt.mail.sent.find((m) => m.to === 'an.nguyen@example.org');
    expect(mail?.subject).toContain('ID Bansou Net');
    expect(mail?.body).toContain(String(row.伴走ネットID));
    expect(mail?.body).toContain('Biên bản ghi nhớ');
  });

  test.each([
    ['日本語', '伴走ネットID'],
    ['English', 'Bansou Net ID'],
  ] as const)('language %s', (language, word) => {
    const w = makeWorld();
    w.register({ language, email: 'x@example.org' });
    expect(w.rt.mail.sent[0].body).toContain(word);
  });

  test('IDs are sequential, unique and carry a valid check digit', () => {
    const w = makeWorld();
    for (let i = 0; i < 5; i++) w.register({});
    const ids = w.rows('登録者').map((r) => String(r.伴走ネットID));
    expect(new Set(ids).size).toBe(5);
    expect(ids.map((id) => id.slice(3, 8))).toEqual(['00001', '00002', '00003', '00004', '00005']);
  });

  test('already registered (same email, or same name + phone): the existing ID is resent, no new row', () => {
    const w = makeWorld();
    w.register({ name: '山田 花子', email: 'hanako@example.org', phone: '080-1111-2222' });
    const id = w.rows('登録者')[0].伴走ネットID;
    w.register({ name: '山田花子さん', email: 'HANAKO@example.org' });
    w.register({ name: '山田 花子', email: 'new-address@example.org', phone: '08011112222' });
    expect(w.rows('登録者')).toHaveLength(1);
    const resent = w.rt.mail.sent.filter((m) => m.body.includes(String(id)) && m.to !== 'office@smj.example');
    // Always to the address on record; the office hears of the new address.
    expect(resent.map((m) => m.to)).toEqual(['hanako@example.org', 'hanako@example.org', 'hanako@example.org']);
    expect(w.rt.mail.sent.find((m) => m.to === 'office@smj.example')?.body).toContain('new-address@example.org');
    expect(resent[1].subject).toContain('登録済み');
  });

  test('no usable email: nothing is issued, the office is told with name and phone', () => {
    const w = makeWorld();
    w.register({ name: '連絡 待子', email: 'not an email', phone: '03-1234-5678' });
    expect(w.rows('登録者')).toHaveLength(0);
    const office = w.rt.mail.sent.find((m) => m.to === 'office@smj.example');
    expect(office?.body).toContain('連絡 待子');
    expect(office?.body).toContain('0312345678');
    expect(w.rows('ログ').some((r) => String(r.内容).includes('メールアドレスがない'))).toBe(true);
    // reconcile does not report it again
    w.rt.mail.sent.length = 0;
    w.call('reconcile');
    expect(w.rt.mail.sent).toHaveLength(0);
  });

  test.each(['mailto:machi@example.org', '<machi@example.org>', 'machi(at)example.org', 'まち@example.org', 'machi@example'])(
    'an address MailApp would refuse (%s) is no usable email: nothing issued, the office told',
    (email) => {
      const w = makeWorld();
      w.register({ name: '連絡 待子', email, phone: '03-1234-5678' });
      expect(w.rows('登録者')).toHaveLength(0);
      expect(w.rt.mail.sent.map((m) => m.to)).toEqual(['office@smj.example']);
      expect(w.rt.mail.sent[0].body).toContain('連絡 待子');
      expect(w.rt.mail.sent[0].body).toContain(email);
      expect(w.rows('メール送信待ち')).toHaveLength(0);
    },
  );

  test('answers that look like formulas or numbers stay text', () => {
    const w = makeWorld();
    w.register({ name: '=HYPERLINK("http://evil","x")', email: 'f@example.org', phone: '+81 90 1234 5678' });
    const s = w.sheet('登録者');
    const values = s.getDataRange().getValues();
    const formulas = s.getDataRange().getFormulas();
    const header = values[0];
    expect(values[1][header.indexOf('氏名')]).toBe('=HYPERLINK("http://evil","x")');
    expect(formulas.flat().every((f) => f === '')).toBe(true);
    expect(values[1][header.indexOf('電話番号')]).toBe('+819012345678');
  });

  test('the same response delivered twice adds nothing; reconcile twice adds nothing', () => {
    const w = makeWorld();
    const response = w.register({});
    w.rt.fire('onRegistrationSubmit', { response, source: w.regForm, authMode: 'FULL', triggerUid: 'x' });
    w.call('reconcile');
    w.call('reconcile');
    expect(w.rows('登録者')).toHaveLength(1);
    expect(w.rt.mail.sent.filter((m) => m.to !== 'office@smj.example')).toHaveLength(1);
  });

  test('a response missed by the trigger (lock held) is not lost: reconcile picks it up', () => {
    const w = makeWorld();
    w.rt.locks.holdScriptLock();
    expect(() => w.register({ email: 'late@example.org' })).toThrow(/ロック/);
    w.rt.locks.releaseScriptLock();
    expect(w.rows('登録者')).toHaveLength(0);
    w.call('reconcile');
    expect(w.rows('登録者')).toHaveLength(1);
    expect(w.rt.mail.sent.some((m) => m.to === 'late@example.org')).toBe(true);
  });

  test('a mapped question missing from the form is reported by name, kept, and processed once the mapping is fixed', () => {
    const w = makeWorld();
    w.setSetting('登録設問:お名前', '氏名（漢字）');
    w.register({ email: 'map@example.org' });
    expect(w.rows('登録者')).toHaveLength(0);
    const office = w.rt.mail.sent.find((m) => m.to === 'office@smj.example');
    expect(office?.body.normalize('NFKC')).toContain('氏名(漢字)');
    w.setSetting('登録設問:お名前', 'お名前');
    w.call('reconcile');
    expect(w.rows('登録者')).toHaveLength(1);
  });

  test('mail quota used up: the ID email is queued, visible, and sent by dailyMaintenance', () => {
    const w = makeWorld();
    w.rt.mail.setQuota(0);
    w.register({ email: 'queued@example.org' });
    expect(w.rows('登録者')).toHaveLength(1);
    expect(w.rt.mail.sent).toHaveLength(0);
    expect(w.rows('メール送信待ち').map((r) => [r.宛先, r.状態])).toEqual([['queued@example.org', '送信待ち']]);
    w.rt.mail.setQuota(100);
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent.map((m) => m.to)).toEqual(['queued@example.org']);
    expect(w.rows('メール送信待ち')[0].状態).toBe('送信済');
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent).toHaveLength(1);
  });

  test('service calls of one registration do not grow with the sheet', () => {
    const count = (existing: number) => {
      const w = makeWorld();
      const s = w.sheet('登録者');
      const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
      const rows = Array.from({ length: existing }, (_, i) =>
        header.map((h) => (h === '伴走ネットID' ? `BN-${String(i + 1).padStart(5, '0')}-0` : h === 'メール' ? `p${i}@example.org` : h === '回答ID' ? `r${i}` : '')),
      );
      if (existing > 0) {
        if (existing + 100 > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), existing + 100 - s.getMaxRows());
        s.getRange(2, 1, existing, header.length).setValues(rows);
      }
      w.rt.calls.reset();
      w.register({ email: 'new@example.org' });
      return w.rt.calls.total();
    };
    expect(count(10)).toBe(count(2000));
  });
});
