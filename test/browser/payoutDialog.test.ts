/**
 * The payout confirmation dialog (月次支払) in headless chromium: the HTML the built bundle hands to
 * Ui.showModalDialog, at the size it opens, with google.script.run reaching the fake runtime. Clicking
 * 作成する runs the real confirmPayout on the bundle and builds the sheet.
 */
import type { Browser, Page } from 'playwright-core';
import { makeWorld, type World } from '../e2e/world';
import { isInViewport, launchBrowser, openGasPage, screenshot, waitForText } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function approvedMonth(): World {
  const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
  const id = w.supporter({ name: '山田 太郎', email: 'taro@example.org' });
  const s = w.sheet('登録者');
  const values = s.getDataRange().getValues();
  const r = values.findIndex((x) => x[0] === id) + 1;
  const h = values[0];
  s.getRange(r, h.indexOf('覚書受領日') + 1).setValue(new Date('2023-08-01T00:00:00+09:00'));
  s.getRange(r, h.indexOf('口座届受領日') + 1).setValue(new Date('2023-08-01T00:00:00+09:00'));
  w.sheet('口座').appendRow([id, '0005', '001', '普通', '0012345', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
  w.claim({ id, email: 'taro@example.org', date: '2024-05-01', hours: '2' });
  w.claim({ id, email: 'taro@example.org', date: '2024-05-02', hours: '1.5' });
  const claims = w.sheet('申請');
  const col = claims.getDataRange().getValues()[0].indexOf('判定') + 1;
  for (const row of [2, 3]) w.rt.editCell(claims, claims.getRange(row, col).getA1Notation(), '承認', { user: 'reviewer@smj.example' });
  w.at('2024-06-01T09:00:00+09:00');
  return w;
}

test('the dialog opens at its size, and 作成する builds the month through google.script.run', async () => {
  const w = approvedMonth();
  w.rt.ui.queueResponse({ button: 'OK', text: '2024-06' });
  w.call('createPayout');
  const dialog = w.rt.ui.dialogs[w.rt.ui.dialogs.length - 1];
  expect(dialog.kind).toBe('modal');
  const page = await openGasPage(browser, dialog.html, { width: dialog.width, height: dialog.height, run: (name, args) => w.rt.invoke(name, args) });
  try {
    // 2 h → 8,000 yen and 1.5 h → 4,000 yen under the 2023 tiers: 12,000 yen for one supporter.
    expect(await page.textContent('body')).toContain('1人・2件・12,000円');
    await screenshot(page, 'payout-dialog-before');
    expect(w.ss.getSheetByName('支払 2024-06')).toBeNull();
    await page.click('#ok');
    await waitForText(page, '#msg', '作成しました');
    await screenshot(page, 'payout-dialog-after');
    expect(w.ss.getSheetByName('支払 2024-06')).not.toBeNull();
    // issue 9: the amount with commas, 閉じる instead of buttons that can no longer do anything,
    // and the result inside the dialog at the size it opens (no scrolling)
    expect(await page.textContent('#msg')).toContain('作成しました: 1人・2件・12,000円（支払日 2024-06-10）');
    expect(await page.isVisible('#close')).toBe(true);
    expect(await page.isVisible('#ok')).toBe(false);
    expect(await page.isVisible('#cancel')).toBe(false);
    expect(await isInViewport(page, '#msg')).toBe(true);
    expect(await isInViewport(page, '#close')).toBe(true);
  } finally {
    await page.close();
  }
});

// ---- payout dialog: honoraria and emergency grants apart (helper 12c) ----

/** The dialog's table as text, row by row (run in the page: the project's TypeScript has no DOM lib). */
async function tableRows(page: Page): Promise<string[][]> {
  type Cell = { textContent: string | null };
  return page.$$eval('table tr', (trs) =>
    trs.map((tr) => Array.from((tr as unknown as { querySelectorAll(s: string): ArrayLike<Cell> }).querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())),
  );
}

/** 月次支払を作成 for 2024-06, and its dialog opened in the browser at its size. */
async function openPayoutDialog(w: World): Promise<Page> {
  w.rt.ui.queueResponse({ button: 'OK', text: '2024-06' });
  w.call('createPayout');
  const dialog = w.rt.ui.dialogs[w.rt.ui.dialogs.length - 1];
  return openGasPage(browser, dialog.html, { width: dialog.width, height: dialog.height, run: (name, args) => w.rt.invoke(name, args) });
}

/** approvedMonth, plus a second supporter (one claim) and an approved 30,000円 緊急支援 on the first's case. */
function monthWithGrant(): World {
  const w = approvedMonth();
  w.at('2024-05-10T11:00:00+09:00');
  const b = w.supporter({ name: '佐藤 花子', email: 'hanako@example.org' });
  const s = w.sheet('登録者');
  const values = s.getDataRange().getValues();
  const r = values.findIndex((x) => x[0] === b) + 1;
  const h = values[0];
  s.getRange(r, h.indexOf('覚書受領日') + 1).setValue(new Date('2023-08-01T00:00:00+09:00'));
  s.getRange(r, h.indexOf('口座届受領日') + 1).setValue(new Date('2023-08-01T00:00:00+09:00'));
  w.sheet('口座').appendRow([b, '0005', '001', '普通', '0054321', 'ｻﾄｳ ﾊﾅｺ']);
  w.claim({ id: b, email: 'hanako@example.org', date: '2024-05-03', hours: '2' });
  const claims = w.sheet('申請');
  const head = claims.getDataRange().getValues()[0];
  w.rt.editCell(claims, claims.getRange(4, head.indexOf('判定') + 1).getA1Notation(), '承認', { user: 'reviewer@smj.example' });
  // 緊急支援 on the first supporter's first claim (row 2), approved with its amount
  w.rt.select(claims, 'C2');
  expect((w.call('recordEmergencySupport') as { created: string[] }).created).toHaveLength(1);
  const g = w.sheet('緊急支援');
  const gh = g.getRange(1, 1, 1, g.getLastColumn()).getValues()[0];
  for (const [k, v] of [['用途', '家賃'], ['金額', 30000], ['判定', '承認']] as const) {
    w.rt.editCell(g, g.getRange(2, gh.indexOf(k) + 1).getA1Notation(), v, { user: 'staff@smj.example' });
  }
  w.at('2024-06-01T09:00:00+09:00');
  return w;
}

test('honoraria and emergency grants on their own lines, then the transfer total, with commas', async () => {
  const w = monthWithGrant();
  const page = await openPayoutDialog(w);
  try {
    // 謝金: 8,000 + 4,000 (山田) + 8,000 (佐藤) = 20,000円 for 3 claims of 2 people;
    // 緊急支援: 30,000円 to 1 person; transferred: 20,000 + 30,000 = 50,000円 to 2 people.
    const rows = await tableRows(page);
    expect(rows).toEqual([
      ['支払日', '2024-06-10'],
      ['謝金', '2人・3件・20,000円'],
      ['緊急支援', '1人・1件・30,000円'],
      ['振込合計', '2人・50,000円'],
      ['保留', '0人・0件（理由は支払シートに記載）'],
    ]);
    await screenshot(page, 'payout-dialog-grants-before');
    await page.click('#ok');
    await waitForText(page, '#msg', '作成しました');
    await screenshot(page, 'payout-dialog-grants-after');
    expect(await page.textContent('#msg')).toContain('作成しました: 2人・3件＋緊急支援1件・50,000円（うち緊急支援 30,000円）（支払日 2024-06-10）');
    expect(await isInViewport(page, '#msg')).toBe(true);
    expect(await isInViewport(page, '#close')).toBe(true);
    expect(w.ss.getSheetByName('支払 2024-06')).not.toBeNull();
  } finally {
    await page.close();
  }
});

test('without grants the dialog says なし for 緊急支援 and the total is the honoraria', async () => {
  const w = approvedMonth();
  const page = await openPayoutDialog(w);
  try {
    const rows = await tableRows(page);
    expect(rows.slice(1, 4)).toEqual([
      ['謝金', '1人・2件・12,000円'],
      ['緊急支援', 'なし'],
      ['振込合計', '1人・12,000円'],
    ]);
  } finally {
    await page.close();
  }
});

test('with 源泉徴収 する the tax is its own line, taken from the honoraria only, so the lines add up to the total', async () => {
  const w = monthWithGrant();
  w.setSetting('源泉徴収', 'する');
  const page = await openPayoutDialog(w);
  try {
    // 10.21%, rounded down, per person: 12,000 → 1,225; 8,000 → 816; the grant is not taxed.
    // 20,000 − 2,041 + 30,000 = 47,959円.
    const rows = await tableRows(page);
    expect(rows.slice(1, 5)).toEqual([
      ['謝金', '2人・3件・20,000円'],
      ['源泉徴収', '−2,041円'],
      ['緊急支援', '1人・1件・30,000円'],
      ['振込合計', '2人・47,959円'],
    ]);
    await screenshot(page, 'payout-dialog-grants-tax');
  } finally {
    await page.close();
  }
});
// ---- end: payout dialog grants ----

test('a server exception reaches the failure handler with its message', async () => {
  const w = approvedMonth();
  const page = await openGasPage(browser, '<p id="out"></p><script>google.script.run.withFailureHandler(function (e) { document.getElementById("out").textContent = "ERR:" + e.message; }).createPayout("not-a-month");</script>', {
    width: 420,
    height: 300,
    run: (name, args) => w.rt.invoke(name, args),
  });
  try {
    await waitForText(page, '#out', 'ERR:');
    expect(await page.textContent('#out')).toContain('not-a-month');
  } finally {
    await page.close();
  }
});

test('the stub refuses what google.script.run cannot carry (a Date argument)', async () => {
  const page = await openGasPage(browser, '<p id="out"></p><script>google.script.run.withFailureHandler(function (e) { document.getElementById("out").textContent = "ERR:" + e.message; }).withSuccessHandler(function () { document.getElementById("out").textContent = "OK"; }).anything(new Date());</script>', {
    width: 300,
    height: 200,
    run: () => 'should not run',
  });
  try {
    await waitForText(page, '#out');
    expect(await page.textContent('#out')).toMatch(/^ERR:/);
  } finally {
    await page.close();
  }
});
