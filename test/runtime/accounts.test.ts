/**
 * Several accounts on one project (issue 8): who a run is, whose triggers it sees, from whose quota
 * mail goes, what an edit event says about the editor, publishing of new forms, trashing in Drive.
 */
import { createRuntime } from './index';

type Handler = (...a: unknown[]) => unknown;

function world(opts: Parameters<typeof createRuntime>[0] = {}) {
  const rt = createRuntime({ now: new Date('2026-08-03T01:00:00Z'), activeUser: 'office@gmail.com', ...opts });
  const ss = rt.createSpreadsheet('伴走ネット');
  const handlers: Record<string, Handler> = {};
  rt.bind((name) => handlers[name]);
  const g = rt.globals as {
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    Session: GoogleAppsScript.Base.Session;
    MailApp: GoogleAppsScript.Mail.MailApp;
    FormApp: GoogleAppsScript.Forms.FormApp;
    DriveApp: GoogleAppsScript.Drive.DriveApp;
    Utilities: GoogleAppsScript.Utilities.Utilities;
  };
  return { rt, ss, handlers, g };
}

describe('installable triggers belong to their creator', () => {
  test('each account sees, counts and deletes only its own triggers', () => {
    const { rt, ss, handlers, g } = world();
    handlers.install = () => g.ScriptApp.newTrigger('onReviewEdit').forSpreadsheet(ss).onEdit().create().getUniqueId();
    handlers.list = () => g.ScriptApp.getProjectTriggers().map((t) => t.getUniqueId());
    handlers.clear = () => g.ScriptApp.getProjectTriggers().forEach((t) => g.ScriptApp.deleteTrigger(t));
    const a = rt.invoke('install', [], { user: 'office@gmail.com' }) as string;
    const b = rt.invoke('install', [], { user: 'staff2@gmail.com' }) as string;
    expect(rt.invoke('list', [], { user: 'office@gmail.com' })).toEqual([a]);
    expect(rt.invoke('list', [], { user: 'staff2@gmail.com' })).toEqual([b]);
    expect(rt.triggers().map((t) => [t.uid, t.owner])).toEqual([
      [a, 'office@gmail.com'],
      [b, 'staff2@gmail.com'],
    ]);
    rt.invoke('clear', [], { user: 'staff2@gmail.com' });
    expect(rt.triggers().map((t) => t.uid)).toEqual([a]);
  });

  test('20 triggers per user per script: a second account still has its own 20', () => {
    const { rt, handlers, g } = world();
    handlers.many = (n: unknown) => {
      for (let i = 0; i < Number(n); i++) g.ScriptApp.newTrigger('dailyMaintenance').timeBased().everyDays(1).create();
    };
    rt.invoke('many', [20], { user: 'office@gmail.com' });
    expect(() => rt.invoke('many', [1], { user: 'office@gmail.com' })).toThrow('too many triggers');
    rt.invoke('many', [20], { user: 'staff2@gmail.com' });
    expect(rt.triggers()).toHaveLength(40);
  });

  test('a trigger runs as its creator: effective user, mail sender and quota are the owner', () => {
    const { rt, ss, handlers, g } = world({ mailQuota: 2 });
    const runs: { active: string; effective: string; quota: number }[] = [];
    handlers.install = () => g.ScriptApp.newTrigger('onReviewEdit').forSpreadsheet(ss).onEdit().create();
    handlers.onReviewEdit = () => {
      runs.push({ active: g.Session.getActiveUser().getEmail(), effective: g.Session.getEffectiveUser().getEmail(), quota: g.MailApp.getRemainingDailyQuota() });
      g.MailApp.sendEmail('a@example.org', 's', 'b');
    };
    handlers.quota = () => g.MailApp.getRemainingDailyQuota();
    rt.invoke('install', [], { user: 'office@gmail.com' });
    rt.editCell(ss.getSheets()[0], 'A1', 'x', { user: 'staff2@gmail.com' });
    expect(runs).toEqual([{ active: '', effective: 'office@gmail.com', quota: 2 }]);
    expect(rt.mail.sent.map((m) => m.from)).toEqual(['office@gmail.com']);
    // the owner's quota went down; the editor's own is untouched
    expect(rt.invoke('quota', [], { user: 'office@gmail.com' })).toBe(1);
    expect(rt.invoke('quota', [], { user: 'staff2@gmail.com' })).toBe(2);
  });

  test('the default daily quota is 100 recipients on consumer accounts and 1,500 on Workspace', () => {
    for (const [accountKind, quota] of [
      ['consumer', 100],
      ['workspace', 1500],
    ] as const) {
      const { rt, handlers, g } = world({ accountKind });
      handlers.quota = () => g.MailApp.getRemainingDailyQuota();
      expect(rt.invoke('quota', [])).toBe(quota);
    }
  });
});

describe('who an edit event names', () => {
  function edits(accountKind: 'consumer' | 'workspace', owner: string, editors: string[]) {
    const { rt, ss, handlers, g } = world({ accountKind, activeUser: owner });
    const seen: [string, string][] = [];
    handlers.install = () => g.ScriptApp.newTrigger('onReviewEdit').forSpreadsheet(ss).onEdit().create();
    handlers.onReviewEdit = (e: unknown) => {
      seen.push([(e as GoogleAppsScript.Events.SheetsOnEdit).user.getEmail(), g.Session.getActiveUser().getEmail()]);
    };
    rt.invoke('install', []);
    for (const user of editors) rt.editCell(ss.getSheets()[0], 'A1', user, { user });
    return seen;
  }

  test('consumer: only the trigger owner is named, everyone else is blank (never someone else)', () => {
    expect(edits('consumer', 'office@gmail.com', ['office@gmail.com', 'staff2@gmail.com'])).toEqual([
      ['office@gmail.com', 'office@gmail.com'],
      ['', ''],
    ]);
  });

  test('Workspace: colleagues of the same domain are named, outsiders are not', () => {
    expect(edits('workspace', 'office@smj.example', ['reviewer@smj.example', 'volunteer@gmail.com'])).toEqual([
      ['reviewer@smj.example', 'reviewer@smj.example'],
      ['', ''],
    ]);
  });

  test('a menu run knows who clicked (the user runs the script themselves)', () => {
    const { rt, handlers, g } = world();
    handlers.who = () => [g.Session.getActiveUser().getEmail(), g.Session.getEffectiveUser().getEmail()];
    expect(rt.invoke('who', [], { user: 'staff2@gmail.com' })).toEqual(['staff2@gmail.com', 'staff2@gmail.com']);
    rt.setActiveUser('staff3@gmail.com');
    expect(rt.invoke('who', [])).toEqual(['staff3@gmail.com', 'staff3@gmail.com']);
  });
});

describe('forms: publishing and editing defaults', () => {
  test('a form created through the API after 2026-06-30 is unpublished and accepts nothing until published', () => {
    const { rt, g } = world({ now: new Date('2026-07-01T07:00:00Z') });
    const form = g.FormApp.create('申請');
    form.addTextItem().setTitle('名前');
    expect(form.isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(form.canEditResponse()).toBe(false); // "The default is false"
    expect(() => rt.submit(form, { 名前: 'a' })).toThrow('not published');
    form.setPublished(true);
    expect(form.isAcceptingResponses()).toBe(true);
    rt.submit(form, { 名前: 'a' });
    expect(form.getResponses()).toHaveLength(1);
  });

  test('one second earlier (2026-06-30 23:59:59 Pacific) it is still created published', () => {
    const { g } = world({ now: new Date('2026-07-01T06:59:59Z') });
    expect(g.FormApp.create('申請').isPublished()).toBe(true);
  });

  test('a form made by hand in the UI (rt.createForm) is published unless said otherwise', () => {
    const { rt } = world();
    expect(rt.createForm('a').isPublished()).toBe(true);
    expect(rt.createForm('b', { published: false }).isPublished()).toBe(false);
  });
});

describe('Drive: only the owner may trash a file', () => {
  test('another account can rename but not trash it', () => {
    const { rt, handlers, g } = world();
    // The office's folder, shared with staff2 (sharing reaches the files in it).
    handlers.make = () => {
      const folder = g.DriveApp.createFolder('支払').addEditor('staff2@gmail.com');
      return folder.createFile(g.Utilities.newBlob('x', 'text/plain', 'a.txt')).getId();
    };
    handlers.trash = (id: unknown) => g.DriveApp.getFileById(String(id)).setTrashed(true);
    handlers.rename = (id: unknown) => g.DriveApp.getFileById(String(id)).setName('old a.txt');
    handlers.owner = (id: unknown) => g.DriveApp.getFileById(String(id)).getOwner().getEmail();
    const id = rt.invoke('make', [], { user: 'office@gmail.com' });
    expect(rt.invoke('owner', [id])).toBe('office@gmail.com');
    expect(() => rt.invoke('trash', [id], { user: 'staff2@gmail.com' })).toThrow('Access denied: DriveApp.');
    rt.invoke('rename', [id], { user: 'staff2@gmail.com' });
    expect(rt.drive.files().map((f) => f.name)).toEqual(['old a.txt']);
    rt.invoke('trash', [id], { user: 'office@gmail.com' });
    expect(rt.drive.files()).toEqual([]);
  });
});

describe('Drive: each account sees its own My Drive and what is shared with it', () => {
  test('an unshared folder and its files are invisible to another account; shared, they are visible', () => {
    const { rt, handlers, g } = world();
    handlers.make = () => g.DriveApp.createFolder('伴走ネット 支払ファイル').getId();
    handlers.find = () => {
      const it = g.DriveApp.getFoldersByName('伴走ネット 支払ファイル');
      return it.hasNext() ? it.next().getId() : null;
    };
    handlers.open = (id: unknown) => g.DriveApp.getFolderById(String(id)).getName();
    handlers.share = (id: unknown) => g.DriveApp.getFolderById(String(id)).addEditor('staff2@gmail.com');
    const id = rt.invoke('make', [], { user: 'office@gmail.com' });
    expect(rt.invoke('find', [], { user: 'staff2@gmail.com' })).toBeNull();
    expect(() => rt.invoke('open', [id], { user: 'staff2@gmail.com' })).toThrow('do not have permission');
    rt.invoke('share', [id], { user: 'office@gmail.com' });
    expect(rt.invoke('find', [], { user: 'staff2@gmail.com' })).toBe(id);
    expect(rt.invoke('open', [id], { user: 'staff2@gmail.com' })).toBe('伴走ネット 支払ファイル');
  });
});
