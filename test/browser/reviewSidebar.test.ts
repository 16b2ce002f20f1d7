/**
 * The 判定を入力 sidebar in headless chromium: the HTML the built bundle hands to Ui.showSidebar, 300 px
 * wide, with google.script.run reaching the fake runtime as the person who clicks. On a consumer
 * account an edit trigger cannot name a reviewer; here the decision is recorded under the clicker.
 */
import type { Browser } from 'playwright-core';
import { makeWorld, type World } from '../e2e/world';
import { isInViewport, launchBrowser, openGasPage, screenshot, waitForText } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REVIEWER = 'reviewer@gmail.com';

function consumerWorld(): World {
  const w = makeWorld({ accountKind: 'consumer' });
  const id = w.supporter({ name: 'Jane Doe', email: 'jane@example.org', language: 'English' });
  w.claim({ id, name: 'Jane Doe', email: 'jane@example.org', date: '2024-05-10', hours: '2' });
  w.claim({ id, name: 'Jane Doe', email: 'jane@example.org', date: '2024-05-11', hours: '1' });
  w.rt.mail.sent.length = 0;
  return w;
}

function openSidebar(w: World) {
  w.rt.setActiveUser(REVIEWER);
  w.call('openReviewSidebar');
  const sidebar = w.rt.ui.dialogs[w.rt.ui.dialogs.length - 1];
  expect(sidebar.kind).toBe('sidebar');
  // A sidebar is 300 px wide; the height is the window's.
  return openGasPage(browser, sidebar.html, { width: 300, height: 700, run: (name, args) => w.rt.invoke(name, args, { user: REVIEWER }) });
}

test('lists the selected rows, and 判定を記録 sets 差戻し with the memo under the reviewer who clicks', async () => {
  const w = consumerWorld();
  w.rt.select(w.sheet('申請'), 'A2:D3');
  const page = await openSidebar(w);
  try {
    await waitForText(page, '#who', '審査者として記録される名前');
    expect(await page.textContent('#who')).toBe(`審査者として記録される名前: ${REVIEWER}`);
    await page.waitForSelector('#list table');
    const ids = w.rows('申請').map((r) => String(r.申請ID));
    const cells = await page.$$eval('#list td', (tds) => tds.map((td) => td.textContent));
    // 2 hours reaches the 2-hour tier (8,000円), 1 hour does not (4,000円)
    expect(cells).toEqual([ids[0], 'Jane Doe', '2024-05-10', '8,000円', '審査待ち', ids[1], 'Jane Doe', '2024-05-11', '4,000円', '審査待ち']);
    expect(await isInViewport(page, '#apply')).toBe(true);
    await screenshot(page, 'review-sidebar-loaded');

    // 差戻し without a memo is refused in the page (the supporter would get an empty request).
    await page.selectOption('#decision', '差戻し');
    await page.click('#apply');
    await waitForText(page, '#msg', '差戻しには審査メモを書いてください');
    expect(w.rows('申請').map((r) => r.判定)).toEqual(['審査待ち', '審査待ち']);

    // Only the first row: select it again in the sheet and reload.
    w.rt.select(w.sheet('申請'), 'A2');
    await page.click('#load');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#list tr').length === 2);
    await page.fill('#memo', 'Please check the date of the receipt');
    await page.click('#apply');
    await waitForText(page, '#msg', '1件を「差戻し」にしました');
    expect(await page.textContent('#msg')).toBe(
      `1件を「差戻し」にしました（審査者: ${REVIEWER}）。支援者へのメールは事務局のアカウントから送られます（次にシートが編集されたとき、または毎日の処理で）。`,
    );
    await screenshot(page, 'review-sidebar-done');
    const rows = w.rows('申請');
    expect(rows[0]).toMatchObject({ 判定: '差戻し', 記録済み判定: '差戻し', 審査メモ: 'Please check the date of the receipt', 審査者: REVIEWER });
    expect(rows[1]).toMatchObject({ 判定: '審査待ち', 審査者: '' });
    // Held for the office account (the reviewer is not the triggers' owner): queued, not sent from the reviewer.
    expect(w.rt.mail.sent).toEqual([]);
    expect(w.rows('メール送信待ち').map((r) => [r.宛先, r.件名 !== '', r.状態])).toEqual([['jane@example.org', true, '送信待ち']]);
    // After recording, the list shows the row's new 判定.
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
      const tds = Array.from(doc.querySelectorAll('#list td'));
      return tds.length === 5 && tds[4].textContent === '差戻し';
    });
  } finally {
    await page.close();
  }
});

test('outside 申請 it says what to do, and 判定を記録 stays disabled', async () => {
  const w = consumerWorld();
  w.rt.select(w.sheet('登録者'), 'A2');
  const page = await openSidebar(w);
  try {
    await waitForText(page, '#list', '申請シートで');
    expect(await page.textContent('#list')).toBe('申請シートで、判定する行を選んでください。');
    expect(await page.isDisabled('#apply')).toBe(true);
    await screenshot(page, 'review-sidebar-empty');
  } finally {
    await page.close();
  }
});
