// run.mjs — browser tests in Debian's Chromium (playwright-core, no
// downloaded browser) with the axe-core accessibility check.
//
// Starts gongkai on a fresh demo database like tests/http/harness.py, then
// runs each test below in order; saves a screenshot per page under
// tests/out/browser/; prints PASS/FAIL lines and `browser: N passed, N failed`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { registerStaffTests } from './staff.mjs';
import { registerCrawlTests } from './crawl.mjs';
import { serveGongkai } from '../serve.mjs';

const BIN = process.env.GONGKAI_BIN || './gongkai';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = 'tests/out/browser';
const PASSWORD = 'gongkai-demo-2026';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
mkdirSync(OUT, { recursive: true });

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'gk-browser-'));
  const db = join(dir, 'gk.db');
  execFileSync(BIN, ['init', '--db', db], { stdio: 'pipe' });
  execFileSync(BIN, ['demo', '--db', db], { stdio: 'pipe' });
  // BROWSER_PORT=N serves on that port (agents sharing a machine keep to their own).
  const { base, proc, log } = await serveGongkai(BIN, db, { port: Number(process.env.BROWSER_PORT) || 0 });
  return { base, db, dir, proc, log };
}

// Runs axe on the page; fails on any violation.
async function axeCheck(page, name) {
  await page.evaluate(AXE);  // CDP evaluation is not subject to the page's CSP
  const res = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      target: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  // Issue 15: no violation of any impact (moderate and minor included).
  const bad = res;
  if (bad.length) throw new Error(`axe on ${name}: ${JSON.stringify(bad)}`);
  return res;
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('home page renders, passes axe, has no console errors', async ({ page, base, errors }) => {
  const r = await page.goto(base + '/');
  if (r.status() !== 200) throw new Error(`status ${r.status()}`);
  const h1 = await page.textContent('h1');
  if (!h1.includes('政府信息公开')) throw new Error(`h1 is ${h1}`);
  await shot(page, 'home');
  await axeCheck(page, 'home');
  if (errors.length) throw new Error('console errors: ' + errors.join('; '));
});

test('larger-text link works without JavaScript and is remembered', async ({ browser, base }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(base + '/o/znwsj/guide');
  await Promise.all([page.waitForURL(base + '/o/znwsj/guide'), page.click('[data-textsize]')]);
  const large = await page.evaluate(() => document.documentElement.classList.contains('large-text'));
  if (!large) throw new Error('large-text class not set');
  await page.reload();
  const still = await page.evaluate(() => document.documentElement.classList.contains('large-text'));
  if (!still) throw new Error('choice not remembered');
  await shot(page, 'guide-large-text');
  await Promise.all([page.waitForURL(base + '/o/znwsj/guide'), page.click('[data-textsize]')]);
  if (await page.evaluate(() => document.documentElement.classList.contains('large-text')))
    throw new Error('standard size not restored');
  await ctx.close();
});

test('keyboard: skip link reaches main content', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  if (!focused.includes('跳到正文')) throw new Error(`first tab stop is ${focused}`);
});

test('login with the keyboard, staff home passes axe', async ({ page, base }) => {
  await page.goto(base + '/login');
  await axeCheck(page, 'login');
  await page.fill('#f-login', 'office');
  await page.fill('#f-password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(base + '/staff');
  const body = await page.textContent('main');
  if (!body.includes('王公开')) throw new Error('staff home does not greet the user');
  await shot(page, 'staff-home');
  await axeCheck(page, 'staff home');
});

test('guide page passes axe', async ({ page, base }) => {
  const r = await page.goto(base + '/o/znwsj/guide');
  if (r.status() !== 200) throw new Error(`status ${r.status()}`);
  await shot(page, 'guide');
  await axeCheck(page, 'guide');
});

test('404 page is Chinese and accessible', async ({ page, base }) => {
  const r = await page.goto(base + '/no/such/page');
  if (r.status() !== 404) throw new Error(`status ${r.status()}`);
  await axeCheck(page, '404');
});

test('mobile layout has no horizontal overflow', async ({ browser, base }) => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await ctx.newPage();
  await page.goto(base + '/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  await shot(page, 'home-mobile');
  await ctx.close();
  if (overflow) throw new Error('page is wider than the viewport');
});

test('portal: home, search 疫苗, open a result, download its attachment (axe on each)', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.fill('#site-q', '疫苗');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  const total = Number(await page.getAttribute('[data-total]', 'data-total'));
  if (!(total >= 2)) throw new Error(`search found ${total}`);
  const marks = await page.locator('.results mark').count();
  if (!marks) throw new Error('no highlighted snippet');
  await shot(page, 'search-results');
  await axeCheck(page, 'search results');
  await page.click('.results a:has-text("流感疫苗")');
  await page.waitForURL(/\/o\/znwsj\/d\//);
  const meta = await page.textContent('table.meta');
  for (const label of ['索引号', '文号', '发布机构', '生成日期', '发布日期', '公开方式', '主题分类', '有效性'])
    if (!meta.includes(label)) throw new Error(`metadata lacks ${label}`);
  await shot(page, 'document');
  await axeCheck(page, 'document');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.attachments a'),
  ]);
  const path = join(OUT, 'attachment.pdf');
  await download.saveAs(path);
  const head = readFileSync(path).subarray(0, 5).toString('latin1');
  if (head !== '%PDF-') throw new Error(`attachment starts with ${head}`);
});

test('portal: organisation home with latest documents and catalogue tree passes axe', async ({ page, base }) => {
  const r = await page.goto(base + '/o/znwsj');
  if (r.status() !== 200) throw new Error(`status ${r.status()}`);
  if (!(await page.textContent('main')).includes('最新公开')) throw new Error('no latest documents');
  await shot(page, 'org-home');
  await axeCheck(page, 'org home');
  await page.goto(base + '/o/znwsj/docs');
  await axeCheck(page, 'document list');
});

test('portal: search works with the keyboard only and on a phone', async ({ browser, base }) => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await ctx.newPage();
  await page.goto(base + '/search?q=' + encodeURIComponent('2018') + '&sort=date');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  await shot(page, 'search-mobile');
  // The results come first: their count is on the phone's first screen.
  const top = await page.evaluate(() => document.querySelector('.result-count').getBoundingClientRect().top);
  if (top > 740) throw new Error(`the result count is ${Math.round(top)} px down, below the first screen`);
  // The folded filters open from the keyboard; a year alone lists that year.
  await page.focus('#q');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.selectOption('#f-year', '2019');
  await page.fill('#q', '');
  await Promise.all([page.waitForURL(/year=2019/), page.keyboard.press('Enter')]);
  const n = Number(await page.getAttribute('[data-total]', 'data-total'));
  if (!(n > 0)) throw new Error(`a year without a term found ${n}`);
  await page.focus('#q');
  await page.fill('#q', '水质');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=%E6%B0%B4%E8%B4%A8/);
  await ctx.close();
  if (overflow) throw new Error('search page is wider than the viewport');
});

// ---- Catalogue (issue 3) ----
test('catalogue page passes axe and fits a phone', async ({ page, browser, base }) => {
  const r = await page.goto(base + '/o/znwsj/catalogue');
  if (r.status() !== 200) throw new Error(`status ${r.status()}`);
  const h3 = await page.textContent('#proactive h3');
  if (h3 !== '政策解读') throw new Error(`first 一级事项 is ${h3}`);
  await shot(page, 'catalogue');
  await axeCheck(page, 'catalogue');
  const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const m = await ctx.newPage();
  await m.goto(base + '/o/znwsj/catalogue');
  const overflow = await m.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  await shot(m, 'catalogue-mobile');
  await ctx.close();
  if (overflow) throw new Error('catalogue page is wider than the viewport');
});

test('staff catalogue list, item form and import report pass axe', async ({ page, base }) => {
  await page.goto(base + '/login');
  await page.fill('#f-login', 'office');
  await page.fill('#f-password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(base + '/staff');
  await page.click('text=本单位主动公开基本目录');
  await shot(page, 'catalogue-staff-list');
  await axeCheck(page, 'catalogue staff list');
  await page.click('text=新增事项');
  await axeCheck(page, 'catalogue item form');
  await page.fill('#f-content', '');
  await page.fill('#f-level1', '');
  await page.click('button[type=submit]:has-text("保存")');
  const err = await page.textContent('.notice.error');
  if (!err.includes('公开内容和一级事项不能都为空')) throw new Error(`notice is ${err}`);
  await shot(page, 'catalogue-item-error');
  await axeCheck(page, 'catalogue item form with error');
  await page.goBack();
  await page.goBack();
  await page.click('a.button:has-text("导入")');
  await page.setInputFiles('#f-file', { name: 'bad.csv', mimeType: 'text/csv',
    buffer: Buffer.from('序号,类别,公开内容,公开形式,页码\n1,卫生,检查结果,部分公开,\n') });
  await page.click('button:has-text("上传并检查")');
  const rep = await page.textContent('#report');
  if (!rep.includes('“部分公开”无法识别')) throw new Error('no per-cell error in the report');
  await shot(page, 'catalogue-import-report');
  await axeCheck(page, 'catalogue import report');
});

// ---- Applications for disclosure (依申请公开): public form, case page, letter.
test('application form: errors are announced, form and case page pass axe', async ({ page, base }) => {
  const r = await page.goto(base + '/o/znwsj/apply');
  if (r.status() !== 200) throw new Error(`status ${r.status()}`);
  await axeCheck(page, 'apply form');
  await page.fill('#f-name', '马建国');
  await page.fill('#f-id_number', '110105194912310021');  // wrong check digit
  await page.click('button[type=submit]');
  const alert = await page.textContent('[role=alert]');
  if (!alert.includes('居民身份证号码有误')) throw new Error(`alert is ${alert}`);
  if ((await page.inputValue('#f-name')) !== '马建国') throw new Error('input not kept');
  // The cursor is in the field of the first error, without a script.
  const focused = await page.evaluate(() => document.activeElement.id);
  if (focused !== 'f-id_number') throw new Error(`focus is on "${focused}", not the first wrong field`);
  await shot(page, 'apply-errors');
  await axeCheck(page, 'apply form with errors');
  await page.fill('#f-id_number', '11010519491231002X');
  await page.fill('#f-phone', '13995551234');
  await page.fill('#f-address', '中宁县宁安镇');
  await page.fill('#f-info_title', '年度部门预算');
  await page.click('button[type=submit]');
  const reg = await page.textContent('#reg-no');
  if (!/^znwsj-\d{4}-\d{4}$/.test(reg)) throw new Error(`registration number ${reg}`);
  await axeCheck(page, 'apply done');
  await page.goto(base + '/login');
  await page.fill('#f-login', 'office');
  await page.fill('#f-password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(base + '/staff');
  await page.goto(base + '/staff/applications');
  await axeCheck(page, 'application register');
  await page.click(`text=${reg}`);
  await page.waitForSelector('#clock-steps');
  await shot(page, 'application-case');
  await axeCheck(page, 'application case page');
});

// ---- Issue 15: every public page and the main staff pages, at both widths.
const WIDTHS = [{ w: 1366, h: 900 }, { w: 390, h: 844 }];
// A stored timestamp shown raw: 2026-12-06T23:21:15Z, or with seconds.
const RAW_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
// Internal identifiers: snake_case words, dotted outcome codes, and the
// workflow words that reached pages before (issue 15, bug 3).
const IDENT = /\b(?:[a-z]+_[a-z_]+|(?:results|reasons|stat|apply)\.[a-z_.]+|landline|mobile|publish|withdraw|approve|secrecy|proactive|draft)\b/;

// Text problems of the page shown: raw timestamps and identifiers.
async function textProblems(page) {
  // A login name (code.login on the administrator's pages), or a code a
  // person types as it is (translate=no), is not an internal identifier.
  const text = await page.evaluate(() => {
    const logins = [...document.querySelectorAll('code.login, [translate=no]')];
    const kept = logins.map((e) => e.textContent);
    logins.forEach((e) => { e.textContent = ''; });
    const t = document.body.innerText;
    logins.forEach((e, i) => { e.textContent = kept[i]; });
    return t;
  });
  const clean = text.replace(/\{[a-z_]+\}/g, '');  // answer-template placeholders
  const out = [];
  const t = clean.match(RAW_TIME);
  if (t) out.push(`raw time "${t[0]}"`);
  const id = clean.match(IDENT);
  if (id) out.push(`identifier "${id[0]}"`);
  return out;
}

async function axeAll(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')})`);
  });
}

// Visits url at both widths: status, overflow, text, axe, screenshots.
async function auditPage(browser, base, url, name, storage) {
  const problems = [];
  for (const { w, h } of WIDTHS) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, storageState: storage });
    const page = await ctx.newPage();
    const r = await page.goto(base + url);
    if (!r || r.status() >= 400) problems.push(`${url}: status ${r && r.status()}`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (over > 1) problems.push(`${url} @${w}: ${over}px wider than the screen`);
    for (const p of await textProblems(page)) problems.push(`${url}: ${p}`);
    // At both widths: a table that scrolls only on a phone must be reachable
    // with the keyboard there (scrollable-region-focusable).
    for (const v of await axeAll(page)) problems.push(`${url} @${w}: axe ${v}`);
    await shot(page, `${name}-${w}`);
    await ctx.close();
  }
  return problems;
}

// The first document listed on url whose body holds a table, or null.
async function docWithTable(browser, base, url) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + url);
  const hrefs = await page.$$eval('main a[href*="/d/"]', (as) => as.map((a) => a.getAttribute('href')));
  let found = null;
  for (const h of hrefs) {
    await page.goto(base + h);
    if (await page.locator('.doc-body table').count()) { found = h; break; }
  }
  await ctx.close();
  return found;
}

async function staffStorage(browser, base, login) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.fill('#f-login', login);
  await page.fill('#f-password', PASSWORD);
  await Promise.all([page.waitForURL(base + '/staff'), page.keyboard.press('Enter')]);
  const st = await ctx.storageState();
  await ctx.close();
  return st;
}

// The first link on url whose href matches re (a path), or null.
async function firstLink(browser, base, url, re, storage) {
  const ctx = await browser.newContext({ storageState: storage });
  const page = await ctx.newPage();
  await page.goto(base + url);
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
  await ctx.close();
  return hrefs.find((h) => re.test(h)) || null;
}

test('public pages: no overflow at 1366 and 390, no raw time or identifier, axe clean', async ({ browser, base }) => {
  const doc = await firstLink(browser, base, '/o/znwsj/docs', /^\/o\/znwsj\/d\//);
  const item = await firstLink(browser, base, '/o/znwsj/catalogue', /^\/o\/znwsj\/items\/\d+$/);
  const art = await firstLink(browser, base, '/o/znwsj', /^\/o\/znwsj\/art20\/\d+$/);
  const interp = await firstLink(browser, base, '/o/znwsj/interpretations', /^\/o\/znwsj\/d\//);
  const year = await firstLink(browser, base, '/o/znwsj', /^\/o\/znwsj\/year\/\d+$/);
  const report = await firstLink(browser, base, '/o/znwsj/reports', /^\/o\/znwsj\/reports\/\d+/);
  const tabled = await docWithTable(browser, base, '/o/znwsj/docs');
  const pages = [
    ['/', 'site-home'], ['/o/znwsj', 'org-home'], ['/o/znwsj/guide', 'guide'],
    ['/o/znwsj/rules', 'rules'], ['/o/znwsj/art20', 'art20'], ['/o/znwsj/interpretations', 'interpretations'],
    ['/o/znwsj/catalogue', 'catalogue'], ['/o/znwsj/reports', 'reports'], ['/o/znwsj/apply', 'apply'],
    ['/o/znwsj/interact', 'interact'], ['/o/znwsj/messages', 'messages'], ['/o/znwsj/proposals', 'proposals'],
    ['/o/znwsj/docs', 'docs'], ['/track', 'track'], ['/search?q=' + encodeURIComponent('疫苗'), 'search'],
    [doc, 'document'], [item, 'catalogue-item'], [art, 'art20-item'], [interp, 'interpretation'],
    [year, 'year'], [report, 'report'], [tabled, 'document-with-table'], ['/o/zn-hospital', 'org-home-hospital'], ['/login', 'login'],
  ];
  const problems = [];
  for (const [url, name] of pages) {
    if (!url) { problems.push(`no link found for ${name}`); continue; }
    problems.push(...await auditPage(browser, base, url, name));
  }
  if (problems.length) throw new Error('\n  ' + problems.join('\n  '));
});

test('main staff pages: no overflow at 1366 and 390, no raw time or identifier, axe clean', async ({ browser, base }) => {
  const st = await staffStorage(browser, base, 'office');
  const doc = await firstLink(browser, base, '/staff/docs', /^\/staff\/docs\/\d+$/, st);
  const app = await firstLink(browser, base, '/staff/applications', /^\/staff\/applications\/\d+$/, st);
  const cat = await firstLink(browser, base, '/staff/catalogue', /^\/staff\/catalogue\/[^/]+$/, st);
  const pages = [
    ['/staff', 'staff-home'], ['/staff/docs', 'staff-docs'], [doc, 'staff-doc'],
    [doc && doc + '/sheet', 'staff-doc-sheet'], ['/staff/applications', 'staff-applications'],
    [app, 'staff-application'], ['/staff/applications/new', 'staff-application-new'],
    ['/staff/catalogue', 'staff-catalogue'], [cat, 'staff-catalogue-list'],
    ['/staff/reports', 'staff-reports'], ['/staff/reports/znwsj/2025', 'staff-report'],
    ['/staff/registers', 'staff-registers'], ['/staff/dashboard', 'staff-dashboard'],
    ['/staff/opinion', 'staff-opinion'], ['/staff/messages?subtree=1', 'staff-messages'],
    ['/staff/proposals?year=2018', 'staff-proposals'], ['/staff/activities', 'staff-activities'],
    ['/staff/workplans', 'staff-workplans'], ['/staff/workplans?filter=tasks', 'staff-tasks'],
    ['/staff/freshness', 'staff-freshness'], ['/staff/answer-templates', 'staff-templates'],
  ];
  const problems = [];
  for (const [url, name] of pages) {
    if (!url) { problems.push(`no link found for ${name}`); continue; }
    problems.push(...await auditPage(browser, base, url, name, st));
  }
  // The administrator's and the supervisor's pages.
  const adm = await staffStorage(browser, base, 'sysadmin');
  const user = await firstLink(browser, base, '/admin/users', /^\/admin\/users\/\d+$/, adm);
  for (const [url, name] of [['/admin/orgs', 'admin-orgs'], ['/admin/users', 'admin-users'],
    [user, 'admin-user'], ['/admin/tokens', 'admin-tokens']]) {
    if (!url) { problems.push(`no link found for ${name}`); continue; }
    problems.push(...await auditPage(browser, base, url, name, adm));
  }
  const sup = await staffStorage(browser, base, 'inspector');
  for (const [url, name] of [['/staff/supervise', 'staff-supervise'],
    ['/staff/inspections?org=1&subtree=1', 'staff-inspections']]) {
    problems.push(...await auditPage(browser, base, url, name, sup));
  }
  if (problems.length) throw new Error('\n  ' + problems.join('\n  '));
});

test('every public section is reachable from the organisation home in at most two clicks', async ({ page, base }) => {
  const want = ['/o/znwsj/guide', '/o/znwsj/rules', '/o/znwsj/art20', '/o/znwsj/interpretations',
    '/o/znwsj/catalogue', '/o/znwsj/reports', '/o/znwsj/apply', '/track', '/o/znwsj/interact',
    '/o/znwsj/messages', '/o/znwsj/proposals', '/o/znwsj/docs'];
  const links = async (url) => {
    await page.goto(base + url);
    return page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href').split('#')[0]));
  };
  const one = new Set(await links('/o/znwsj'));
  const two = new Set(one);
  for (const u of one) {
    if (!u.startsWith('/o/znwsj') || /\.(atom|csv|xlsx)$/.test(u) || u.includes('/d/')) continue;
    for (const v of await links(u)) two.add(v);
  }
  const missing = want.filter((u) => !two.has(u));
  if (missing.length) throw new Error('not reachable in two clicks: ' + missing.join(', '));
  // Every Art. 20 item of the index lists its documents or says it has none.
  await page.goto(base + '/o/znwsj/art20');
  const n = await page.locator('ol.art20 > li').count();
  if (n !== 15) throw new Error(`the Art. 20 index has ${n} items`);
});

// Counts the applications the office sees (API).
async function countApps(browser, base, st) {
  const ctx = await browser.newContext({ storageState: st });
  const r = await ctx.request.get(base + '/api/v1/applications');
  const n = (await r.json()).applications.length;
  await ctx.close();
  return n;
}

// The fields of the form holding selector sel, as the browser would send
// them (hidden tokens included), for replaying the same submission.
async function formFields(page, sel) {
  return page.$eval(sel, (f) => {
    const o = {};
    for (const [k, v] of new FormData(f).entries()) if (typeof v === 'string') o[k] = v;
    return o;
  });
}

// Submits the form, refreshes the result page, then sends the very same
// submission again (what a browser refresh of the POST, a double click or
// a replay does); returns the replay's response.
async function submitTwice(page, base, formSel, action, doneUrl) {
  const fields = await formFields(page, formSel);
  await Promise.all([page.waitForURL(doneUrl), page.click(formSel + ' button[type=submit]')]);
  const first = await page.textContent('#reg-no');
  await page.reload();
  if ((await page.textContent('#reg-no')) !== first) throw new Error('refresh changed the result');
  const replay = await page.context().request.post(base + action,
    { multipart: fields, headers: { Origin: base }, maxRedirects: 0 });
  if (replay.status() !== 409) throw new Error(`replay answered ${replay.status()}`);
  const body = await replay.text();
  if (!body.includes('此表单已经提交过')) throw new Error('replay page does not say why');
  return body;
}

test('a refresh or a replay after submitting an application creates nothing', async ({ browser, base }) => {
  const st = await staffStorage(browser, base, 'office');
  const before = await countApps(browser, base, st);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + '/o/znwsj/apply');
  await page.fill('#f-name', '周刷新');
  await page.fill('#f-id_number', '11010519491231002X');
  await page.fill('#f-phone', '13995551234');
  await page.fill('#f-address', '中宁县宁安镇');
  await page.fill('#f-info_title', '年度部门决算');
  const body = await submitTwice(page, base, 'form.form', '/o/znwsj/apply', /\/apply\/done$/);
  await page.setContent(body);
  await shot(page, 'form-already-submitted');
  await ctx.close();
  const sctx = await browser.newContext({ storageState: st });
  const sp = await sctx.newPage();
  await sp.goto(base + '/staff/applications/new');
  await sp.fill('#f-name', '吴登记');
  await sp.fill('#f-id_number', '11010519491231002X');
  await sp.fill('#f-phone', '13995551234');
  await sp.fill('#f-address', '中宁县宁安镇');
  await sp.fill('#f-info_title', '卫生院名单');
  await submitTwice(sp, base, 'form.form', '/staff/applications/new', /\/registered$/);
  await sctx.close();
  const after = await countApps(browser, base, st);
  if (after !== before + 2) throw new Error(`${after - before} applications created, want 2`);
});

test('print styles: a document and an answer letter print without the site\'s frame', async ({ browser, base }) => {
  const st = await staffStorage(browser, base, 'office');
  const doc = await firstLink(browser, base, '/o/znwsj/docs', /^\/o\/znwsj\/d\//);
  const app = await firstLink(browser, base, '/staff/applications?f=all', /^\/staff\/applications\/\d+$/, st);
  const problems = [];
  for (const [url, name] of [[doc, 'document'], [app && app + '/letter', 'letter']]) {
    if (!url) { problems.push(`no link for ${name}`); continue; }
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: st });
    const page = await ctx.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(base + url);
    const shown = await page.evaluate(() => ['header.site', 'footer.site', 'nav.staff-menu', 'nav.crumbs',
      '.orgband', 'form'].filter((sel) => [...document.querySelectorAll(sel)]
      .some((e) => getComputedStyle(e).display !== 'none')));
    if (shown.length) problems.push(`${name} prints ${shown.join(', ')}`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (over > 1) problems.push(`${name} printed is ${over}px too wide`);
    if (!(await page.textContent('h1')).trim()) problems.push(`${name} has no heading`);
    await shot(page, `print-${name}`);
    await ctx.close();
  }
  if (problems.length) throw new Error(problems.join('; '));
});

// ---- Staff pages of issue 15: tests/browser/staff.mjs.
registerStaffTests(test, { axeCheck, shot, PASSWORD });

// ---- Every page reachable by links, at 360 and 1280: tests/browser/crawl.mjs.
registerCrawlTests(test, { staffStorage });

// ---- Last (it adds units): a province's long list of organisations.
test('long organisation lists: a search box narrows the select (390, axe)', async ({ browser, base, srv }) => {
  for (let i = 1; i <= 31; i++) {
    execFileSync(BIN, ['org', 'add', '--db', srv.db, '--name', `中宁县第${i}卫生院`,
      '--slug', `zn-wsy-${i}`, '--parent', 'znwsj'], { stdio: 'pipe' });
  }
  const st = await staffStorage(browser, base, 'sysadmin');
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: st });
  const page = await ctx.newPage();
  await page.goto(base + '/admin/users/new');
  await page.fill('input.select-filter', '第17卫生院');
  const shown = await page.evaluate(() => [...document.querySelectorAll('#f-org option')]
    .filter((o) => !o.hidden).map((o) => o.textContent.trim()));
  if (shown.length !== 1 || shown[0] !== '中宁县第17卫生院') throw new Error(`shown: ${shown}`);
  const chosen = await page.evaluate(() => {
    const s = document.querySelector('#f-org');
    return s.options[s.selectedIndex].textContent.trim();
  });
  if (chosen !== '中宁县第17卫生院') throw new Error(`chosen: ${chosen}`);
  await shot(page, 'org-select-filter');
  await axeCheck(page, 'org select filter at 390');
  await ctx.close();
});

async function main() {
  const srv = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let pass = 0, fail = 0;
  // BROWSER_ONLY=word runs only the tests whose name contains it.
  const only = process.env.BROWSER_ONLY;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    try {
      await t.fn({ page, base: srv.base, browser, errors, srv });
      console.log(`PASS ${t.name}`);
      pass++;
    } catch (e) {
      console.log(`FAIL ${t.name}: ${e.message}`);
      fail++;
    }
    await ctx.close();
  }
  await browser.close();
  srv.proc.kill('SIGTERM');
  console.log(`browser: ${pass} passed, ${fail} failed`);
  process.exit(fail ? 1 : 0);
}

main().catch((e) => { console.log(`FAIL setup: ${e.stack}`); console.log('browser: 0 passed, 1 failed'); process.exit(1); });
