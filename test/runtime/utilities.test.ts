import { createRuntime } from './index';

const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
const Utilities = rt.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
const DriveApp = rt.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;

describe('Utilities.formatDate', () => {
  const d = new Date('2024-01-05T18:04:09.007Z'); // Saturday 03:04 in Tokyo, Friday in UTC
  test.each([
    ['Asia/Tokyo', 'yyyy-MM-dd HH:mm:ss', '2024-01-06 03:04:09'],
    ['UTC', 'yyyy-MM-dd HH:mm:ss', '2024-01-05 18:04:09'],
    ['GMT', 'yyyy/M/d H:m:s.SSS', '2024/1/5 18:4:9.007'],
    ['America/New_York', 'yyyy-MM-dd hh:mm a z', '2024-01-05 01:04 PM EST'],
    ['Asia/Tokyo', 'EEE EEEE MMM MMMM', 'Sat Saturday Jan January'],
    ['Asia/Tokyo', "yyyy'年'M'月'd'日'", '2024年1月6日'],
    ['Asia/Tokyo', "'it''s' yy", "it's 24"],
    ['Asia/Tokyo', 'Z XXX z', '+0900 +09:00 JST'],
    ['GMT+09:00', 'HH:mm Z', '03:04 +0900'],
    ['Europe/London', 'D u', '5 5'],
    ['Not/AZone', 'HH:mm', '18:04'],
  ])('%s %s', (tz, pattern, expected) => {
    expect(Utilities.formatDate(d, tz, pattern)).toBe(expected);
  });

  test('summer time is applied from the zone database', () => {
    expect(Utilities.formatDate(new Date('2024-07-01T12:00:00Z'), 'America/New_York', 'HH:mm z')).toBe('08:00 EDT');
  });

  test('parseDate reads the pattern in the zone', () => {
    expect(Utilities.parseDate('2024-01-06 03:04:09', 'Asia/Tokyo', 'yyyy-MM-dd HH:mm:ss').toISOString()).toBe('2024-01-05T18:04:09.000Z');
    expect(Utilities.parseDate('20240106', 'UTC', 'yyyyMMdd').toISOString()).toBe('2024-01-06T00:00:00.000Z');
    expect(() => Utilities.parseDate('x', 'UTC', 'yyyy')).toThrow(/Unparseable date/);
  });
});

describe('Blob and charsets', () => {
  test('Byte[] arguments are Java bytes, −128…127: an unsigned byte (200, 0xff) or a non-integer is refused', () => {
    expect(Utilities.newBlob([-128, 127]).getBytes()).toEqual([-128, 127]);
    expect(() => Utilities.newBlob([0xc3, 0xa9])).toThrow(/Invalid argument: data \(195 is not a byte/);
    expect(() => Utilities.newBlob([128])).toThrow(/Invalid argument: data/);
    expect(() => Utilities.newBlob([-129])).toThrow(/Invalid argument: data/);
    expect(() => Utilities.newBlob([1.5])).toThrow(/Invalid argument: data/);
    expect(() => Utilities.newBlob('').setBytes([255])).toThrow(/Invalid argument: data/);
  });

  test('getBytes gives signed bytes', () => {
    const b = Utilities.newBlob('é', 'text/plain', 'a.txt');
    expect(b.getBytes()).toEqual([-61, -87]);
    expect(Utilities.newBlob([-61, -87]).getDataAsString('UTF-8')).toBe('é');
    // a UTF-8 byte order mark stays, as in Java (not documented; scripts strip it themselves)
    expect(Utilities.newBlob([-17, -69, -65, 0x61]).getDataAsString()).toBe('\uFEFFa');
    expect(Utilities.newBlob('\uFEFFa,b').getDataAsString('UTF-8')).toBe('\uFEFFa,b');
    expect([b.getName(), b.getContentType()]).toEqual(['a.txt', 'text/plain']);
    const c = b.copyBlob().setName('b.txt');
    expect([b.getName(), c.getName()]).toEqual(['a.txt', 'b.txt']);
  });

  test('Shift_JIS: ASCII and half-width katakana are one byte each; full-width is two', () => {
    const b = Utilities.newBlob('').setDataFromString('ｱｲｳ ABC 012ﾞﾟ', 'Shift_JIS');
    expect(b.getBytes()).toEqual([-79, -78, -77, 32, 65, 66, 67, 32, 48, 49, 50, -34, -33]);
    expect(b.getDataAsString('Shift_JIS')).toBe('ｱｲｳ ABC 012ﾞﾟ');
    const wide = Utilities.newBlob('').setDataFromString('伴走', 'Shift_JIS');
    expect(wide.getBytes().map((x) => x & 0xff)).toEqual([0x94, 0xba, 0x91, 0x96]);
    expect(wide.getDataAsString('Shift_JIS')).toBe('伴走');
  });

  test('base64, uuid, sleep advances the clock', () => {
    expect(Utilities.base64Encode('abc')).toBe('YWJj');
    expect(Utilities.base64Decode('YWJj')).toEqual([97, 98, 99]);
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    const before = rt.clock.now().getTime();
    Utilities.sleep(1500);
    expect(rt.clock.now().getTime() - before).toBe(1500);
  });
});

describe('DriveApp', () => {
  test('folders and files', () => {
    const folder = DriveApp.createFolder('伴走ネット振込');
    expect(DriveApp.getFoldersByName('伴走ネット振込').next().getId()).toBe(folder.getId());
    expect(DriveApp.getFoldersByName('none').hasNext()).toBe(false);
    const blob = Utilities.newBlob('').setDataFromString('ｱ', 'Shift_JIS').setName('zengin.txt').setContentType('text/plain');
    const f = folder.createFile(blob);
    const csv = folder.createFile('payout.csv', 'a,b\n', 'text/csv');
    expect(f.getSize()).toBe(1);
    expect(f.getBlob().getBytes()).toEqual([-79]);
    expect(DriveApp.getFileById(csv.getId()).getBlob().getDataAsString()).toBe('a,b\n');
    expect(folder.getFilesByName('payout.csv').next().getName()).toBe('payout.csv');
    expect(DriveApp.getFolderById(folder.getId()).getName()).toBe('伴走ネット振込');
    expect(rt.drive.files().map((x) => [x.name, x.mimeType, x.bytes, x.folderId])).toEqual([
      ['zengin.txt', 'text/plain', [0xb1], folder.getId()],
      ['payout.csv', 'text/csv', [97, 44, 98, 10], folder.getId()],
    ]);
    csv.setTrashed(true);
    expect(rt.drive.files()).toHaveLength(1);
  });
});
