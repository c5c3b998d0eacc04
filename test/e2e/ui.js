'use strict';
// UI pass over the installed VSIX, driven like a person in Chromium (playwright-core):
// open a report from the Explorer, see its findings in the Problems panel, apply a quick fix from
// the light bulb (Ctrl+.), save. A screenshot per step goes to .work/artifacts/ui-NN-*.png.
// Every wait is on a condition, with a timeout that names what it waited for.
const fs = require('node:fs');
const path = require('node:path');

const REPORT = ['status', 'reports', '2018', 'uke_08.rst'];
const LINK_LINE = '`Trello <https://trello.com/norcams>`';

async function run({ context, server, ws, artifacts, record }) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  let n = 0;
  const shot = async (name) => {
    n++;
    const file = path.join(artifacts, `ui-${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const visible = (locator, what, timeout = 30000) =>
    locator.first().waitFor({ state: 'visible', timeout }).catch((e) => { throw new Error(`timed out after ${timeout} ms waiting for ${what}: ${e.message.split('\n')[0]}`); });
  const until = async (what, fn, timeout = 30000) => {
    const t0 = Date.now();
    let last;
    for (;;) {
      try { last = await fn(); if (last) return last; } catch (e) { last = e.message; }
      if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last !== undefined ? ` (last: ${String(last).slice(0, 300)})` : ''}`);
      await page.waitForTimeout(100); // polling interval of a condition, not a fixed wait
    }
  };

  const reportPath = path.join(ws, ...REPORT);
  const steps = [
    ['the workbench loads the example folder', async () => {
      await page.goto(`${server.url}?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
      await visible(page.locator('.monaco-workbench'), 'the workbench', 60000);
      await visible(page.locator('.explorer-folders-view .monaco-list-row'), 'the Explorer to list the folder', 60000);
      await shot('workbench');
    }],
    ['open a report from the Explorer', async () => {
      for (const name of REPORT) {
        const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }) });
        await visible(row, `Explorer entry "${name}"`);
        await row.first().click();
      }
      await visible(page.locator('.tabs-container .tab.active', { hasText: 'uke_08.rst' }), 'the editor tab of uke_08.rst');
      await visible(page.locator('.editor-instance .view-lines', { hasText: 'Uke 8' }), 'the report text in the editor');
      await shot('report-open');
    }],
    ['see the findings in the Problems panel', async () => {
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await visible(rows, 'rows in the Problems panel');
      await until('the link finding and the section finding of uke_08.rst in the Problems panel', async () => {
        const text = (await page.locator('.markers-panel').first().innerText()).replace(/\s+/g, ' ');
        return /link\./.test(text) && /section\./.test(text) ? text : false;
      });
      await shot('problems');
    }],
    ['apply a quick fix from the light bulb (Ctrl+.)', async () => {
      const linkRow = page.locator('.markers-panel .monaco-list-row').filter({ hasText: /link\./ });
      await visible(linkRow, 'the link finding in the Problems panel');
      await linkRow.first().click();
      await page.keyboard.press('Enter'); // opens the marker's place in the editor, focus moves there
      await until('the editor to have focus at the finding', async () => page.evaluate(() => !!document.activeElement && !!document.activeElement.closest('.monaco-editor') && !document.activeElement.closest('.markers-panel')));
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget .monaco-list-row.action');
      await visible(menu, 'the quick fix menu');
      await shot('quick-fix-menu');
      const titles = await menu.allInnerTexts();
      await page.keyboard.press('Enter');
      await until(`the link finding to leave the Problems panel after choosing "${titles[0]}"`, async () => {
        const text = (await page.locator('.markers-panel').first().innerText()).replace(/\s+/g, ' ');
        return !/link\./.test(text);
      });
      if (fs.readFileSync(reportPath, 'utf8').split('\n')[7] !== LINK_LINE) throw new Error('the fix reached the disk before saving');
      await shot('fixed');
    }],
    ['save (Ctrl+S) writes the fix to disk', async () => {
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+S');
      await until(`${reportPath} on disk to contain the link with its trailing _`, () => fs.readFileSync(reportPath, 'utf8').split('\n')[7] === `${LINK_LINE}_`);
      await shot('saved');
    }],
  ];

  let failed = false;
  for (const [title, fn] of steps) {
    if (failed) { record(`ui: ${title}`, false, 'not run: an earlier step failed'); continue; }
    const t0 = Date.now();
    try {
      await fn();
      record(`ui: ${title}`, true);
      console.log(`[e2e]   ok   ui: ${title} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed = true;
      const file = path.join(artifacts, `ui-failure.png`);
      await page.screenshot({ path: file }).catch(() => {});
      record(`ui: ${title}`, false, `${e.message}\n(screenshot: ${file})${problems.length ? `\n${problems.slice(-5).join('\n')}` : ''}`);
      console.log(`[e2e]   FAIL ui: ${title}: ${e.message.split('\n')[0]}`);
    }
  }
  await page.close().catch(() => {});
}

module.exports = { run };
