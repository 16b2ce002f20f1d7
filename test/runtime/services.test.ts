import { createRuntime } from './index';

const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('MailApp', () => {
  test('sends, counts every recipient against the quota, then refuses', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z'), mailQuota: 3 });
    const MailApp = rt.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    const Utilities = rt.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    MailApp.sendEmail('a@example.org', '件名', '本文', { name: '伴走ネット', htmlBody: '<p>本文</p>' });
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    MailApp.sendEmail({
      to: 'b@example.org',
      cc: 'c@example.org',
      subject: 's',
      body: 'b',
      attachments: [Utilities.newBlob([-1, 65], 'text/plain', 'z.txt')],
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    const e = errorOf(() => MailApp.sendEmail('d@example.org', 's', 'b'));
    expect(e.message).toBe('Service invoked too many times for one day: email.');
    expect(String(e)).toBe('Exception: Service invoked too many times for one day: email.');
    expect(rt.mail.sent).toHaveLength(2);
    expect(rt.mail.sent[0]).toMatchObject({ to: 'a@example.org', subject: '件名', body: '本文', name: '伴走ネット', htmlBody: '<p>本文</p>' });
    expect(rt.mail.sent[1].attachments).toEqual([{ name: 'z.txt', bytes: [255, 65], contentType: 'text/plain' }]);
    rt.mail.setQuota(5);
    expect(MailApp.getRemainingDailyQuota()).toBe(5);
    rt.clock.advance(24 * 3600000 + 1);
    expect(MailApp.getRemainingDailyQuota()).toBe(8);
  });

  test('sendEmail(message) and its options take only the fields the reference lists (a misspelt replyto is refused, not ignored)', () => {
    const rt = createRuntime({ mailQuota: 10 });
    const MailApp = rt.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    MailApp.sendEmail({ to: 'a@example.org', subject: 's', body: 'b', name: '事務局', replyTo: 'office@example.org', noReply: false, cc: '', bcc: '' });
    expect(rt.mail.sent[0]).toMatchObject({ name: '事務局', replyTo: 'office@example.org' });
    const bad = (msg: Record<string, unknown>) => errorOf(() => MailApp.sendEmail(msg as unknown as GoogleAppsScript.Mail.MailAdvancedParameters)).message;
    expect(bad({ to: 'a@example.org', subject: 's', body: 'b', replyto: 'office@example.org' })).toMatch(/has no option "replyto"/);
    expect(bad({ to: 'a@example.org', subject: 's', body: 'b', from: 'office@example.org' })).toMatch(/has no option "from"/);
    expect(errorOf(() => MailApp.sendEmail('a@example.org', 's', 'b', { reply_to: 'x@example.org' } as never)).message).toMatch(/has no option "reply_to"/);
    expect(rt.mail.sent).toHaveLength(1);
  });

  test('per-message limits: 50 recipients, a 200 KB body, 25 MB of attachments; one past each is refused and not counted', () => {
    const rt = createRuntime({ mailQuota: 1000 });
    const MailApp = rt.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    const Utilities = rt.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    const list = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.org`).join(',');
    MailApp.sendEmail({ to: list(40), cc: list(10), subject: 's', body: 'b' });
    expect(errorOf(() => MailApp.sendEmail({ to: list(40), bcc: list(11), subject: 's', body: 'b' })).message).toBe('Limit Exceeded: Email Recipients Per Message.');
    MailApp.sendEmail('a@example.org', 's', 'x'.repeat(200 * 1024));
    expect(errorOf(() => MailApp.sendEmail('a@example.org', 's', 'x'.repeat(200 * 1024 + 1))).message).toBe('Limit Exceeded: Email Body Size.');
    // bytes, not characters: 68,267 kana are 204,801 bytes in UTF-8
    expect(errorOf(() => MailApp.sendEmail('a@example.org', 's', 'あ'.repeat(68267))).message).toBe('Limit Exceeded: Email Body Size.');
    const blob = (n: number) => Utilities.newBlob('A'.repeat(n), 'text/plain', 'a.txt');
    MailApp.sendEmail({ to: 'a@example.org', subject: 's', body: 'b', attachments: [blob(25 * 1024 * 1024)] });
    expect(errorOf(() => MailApp.sendEmail({ to: 'a@example.org', subject: 's', body: 'b', attachments: [blob(25 * 1024 * 1024), blob(1)] })).message).toBe(
      'Limit Exceeded: Email Total Attachments Size.',
    );
    expect(rt.mail.sent).toHaveLength(3);
    expect(MailApp.getRemainingDailyQuota()).toBe(1000 - 52);
  });

  test.each(['not-an-address', 'a@b', 'a@example.org, bad'])('invalid address %s', (to) => {
    const rt = createRuntime();
    const MailApp = rt.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    expect(() => MailApp.sendEmail(to, 's', 'b')).toThrow(/^Invalid email: /);
    expect(rt.mail.sent).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });
});

describe('LockService', () => {
  test('tryLock / waitLock against another process', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    const LockService = rt.globals.LockService as GoogleAppsScript.Lock.LockService;
    rt.locks.holdScriptLock();
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(rt.clock.now().toISOString()).toBe('2024-05-01T00:00:01.000Z');
    expect(errorOf(() => lock.waitLock(30000)).message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);
    rt.locks.releaseScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('a holder that lets go within the timeout', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    const LockService = rt.globals.LockService as GoogleAppsScript.Lock.LockService;
    rt.locks.holdScriptLock(5000);
    const lock = LockService.getScriptLock();
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
    expect(rt.clock.now().toISOString()).toBe('2024-05-01T00:00:05.000Z');
  });

  test('locks are released when an execution ends', () => {
    const rt = createRuntime();
    const LockService = rt.globals.LockService as GoogleAppsScript.Lock.LockService;
    rt.bind(() => () => LockService.getScriptLock().waitLock(1000));
    rt.fire('a');
    expect(() => rt.fire('b')).not.toThrow();
  });
});

describe('PropertiesService', () => {
  test('stores strings, bulk set, delete, keys', () => {
    const rt = createRuntime();
    const props = (rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    props.setProperty('n', 5 as unknown as string);
    expect(props.getProperty('n')).toBe('5');
    expect(props.getProperty('missing')).toBeNull();
    props.setProperties({ a: '1', b: '2' });
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'n']);
    props.setProperties({ c: '3' }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    props.deleteProperty('c');
    expect(props.getKeys()).toEqual([]);
  });

  test('size limits: 9 KB per value, 500 KB per store', () => {
    const rt = createRuntime();
    const props = (rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('last', 'x'.repeat(9000))).toThrow(/exceeded the property storage quota/);
  });
});

describe('CacheService', () => {
  test('expiry follows the runtime clock; default 600 s, capped at 21600 s', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    const cache = (rt.globals.CacheService as GoogleAppsScript.Cache.CacheService).getScriptCache();
    cache.put('a', 'x');
    cache.put('b', 'y', 60);
    cache.put('c', 'z', 999999);
    rt.clock.advance(59999);
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ a: 'x', b: 'y', c: 'z' });
    rt.clock.advance(1);
    expect(cache.get('b')).toBeNull();
    rt.clock.advance(600000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('c')).toBe('z');
    rt.clock.advance(21600 * 1000);
    expect(cache.get('c')).toBeNull();
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.putAll({ p: '1', q: '2' });
    cache.remove('p');
    expect(cache.getAll(['p', 'q'])).toEqual({ q: '2' });
  });
});

describe('Session and Logger', () => {
  test('users, time zone, logs', () => {
    const rt = createRuntime({ activeUser: 'me@example.org', effectiveUser: 'owner@example.org' });
    const Session = rt.globals.Session as GoogleAppsScript.Base.Session;
    expect(Session.getActiveUser().getEmail()).toBe('me@example.org');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@example.org');
    expect(Session.getScriptTimeZone()).toBe('Asia/Tokyo');
    (rt.globals.Logger as GoogleAppsScript.Base.Logger).log('a=%s b=%s', 1, 'x');
    (rt.globals.console as Console).log('hello', { a: 1 });
    expect(rt.logs).toEqual(['a=1 b=x', 'hello {"a":1}']);
  });
});

describe('call counting and unknown members', () => {
  test('every method call on a service object counts as Class.method', () => {
    const rt = createRuntime();
    rt.createSpreadsheet('s');
    rt.calls.reset();
    const app = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1, 2, 2).setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1:B2').getValues();
    sheet.getDataRange().getValues();
    expect(rt.calls.byMethod()).toEqual({
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(rt.calls.total()).toBe(8);
    rt.calls.reset();
    expect(rt.calls.total()).toBe(0);
  });

  test('an unimplemented member throws loudly and is recorded; inspection does not throw', () => {
    const rt = createRuntime();
    const ss = rt.createSpreadsheet('s');
    expect(() => (ss as unknown as { getBandings(): void }).getBandings()).toThrow('Fake Apps Script: Spreadsheet.getBandings is not implemented');
    expect(rt.notImplemented).toEqual(['Spreadsheet.getBandings']);
    expect(() => String(ss)).not.toThrow();
    expect(() => JSON.stringify({ ss })).not.toThrow();
    expect((ss as unknown as { then?: unknown }).then).toBeUndefined();
    expect(() => require('node:util').inspect(ss)).not.toThrow();
  });
});

describe('simulated latency and the execution time limit', () => {
  test('each call advances the clock; a run past the limit fails on its next call', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z'), callLatencyMs: 1000, maxExecutionMs: 5000 });
    const props = rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    let calls = 0;
    rt.bind(() => () => {
      for (;;) {
        props.getScriptProperties();
        calls++;
      }
    });
    expect(() => rt.fire('loop')).toThrow('Exceeded maximum execution time');
    expect(calls).toBe(5);
    // outside an execution there is no limit
    for (let i = 0; i < 10; i++) props.getScriptProperties();
    expect(rt.clock.now().toISOString()).toBe('2024-05-01T00:00:16.000Z');
  });
});
