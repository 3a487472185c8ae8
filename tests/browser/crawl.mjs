// crawl.mjs — walks the site as a citizen and as staff, following every
// link from the start pages, and runs layout.mjs's checks on each kind of
// page at 1280×800 (a small laptop), 360×740 (a phone) and 360×740 with
// the site's larger text (大字号).  A page kind is
// its path with numbers and organisation slugs taken out, so a new page is
// checked as soon as a link reaches it, and the walk stays short: one page
// of each kind.  Registered from run.mjs: registerCrawlTests(test, helpers).
import { latinOk, longStringProblems, pageProblems } from './layout.mjs';

// A small laptop, a phone, and a phone with the site's larger text (大字号).
const WIDTHS = [{ width: 1280, height: 800 }, { width: 360, height: 740 },
  { width: 360, height: 740, large: true }];
// axe runs at one width only, the phone's: its rules read the markup (names,
// labels, landmarks, headings, table headers), which is one document at
// every width, and the colours, which are the same at every width; what
// depends on the width (a table that scrolls in its own box must take the
// keyboard's focus) happens on the phone, where the boxes are narrow.
// Before longStringProblems, which lengthens the codes of the page.
const AXE_WIDTH = 1;
// Not pages: downloads, feeds, the API, sign-out, the text-size switch
// (it changes what every later page looks like).
const SKIP = /^\/(api\/|logout|textsize|static\/)|\.(atom|csv|tsv|xlsx|docx|pdf|xml|json|txt|zip|png|svg|ico)(\?|$)|\/(files?|download|export|letter\.docx)(\/|$|\?)|^\/(healthz|readyz|metrics)/;

// The kind of page a URL is: /o/zn-cdc/d/24 and /o/znwsj/d/9 are one kind;
// so are a list for another organisation, year or subtree (the parameters
// that only choose whose records) — another filter or tab is another kind.
const SCOPE_PARAMS = new Set(['org', 'subtree', 'year', 'scope', 'page']);
export function pageKind(u) {
  const [path, query = ''] = u.split('?');
  const names = [...new URLSearchParams(query).keys()].filter((k) => !SCOPE_PARAMS.has(k)).sort();
  return path.replace(/^\/o\/[^/]+/, '/o/S').replace(/(\/(?:reports|inspections)\/)[a-z][\w-]*/, '$1S')
    .replace(/\d+/g, 'N') + (names.length ? '?' + names.join('&') : '');
}

// Visits start pages and what they link to (inside scope), one page per
// kind, in each viewport at once; returns the problems and the URLs seen.
// With axe (a function of a page returning problem strings) it also runs
// once per page, at the phone width (see AXE_WIDTH).
export async function crawl(browser, base, { starts, scope, storage, max = 400, axe = null }) {
  const ctxs = await Promise.all(WIDTHS.map(({ width, height }) =>
    browser.newContext({ viewport: { width, height }, storageState: storage })));
  const pages = await Promise.all(ctxs.map((c) => c.newPage()));
  // The text-size switch is a link that sets a cookie and goes back.

  const queue = starts.map((u) => [u, null]), kinds = new Set(), visited = [], problems = [];
  await Promise.all(pages.map((p, i) => WIDTHS[i].large && p.goto(base + '/textsize?size=large')));
  const large = await pages[2].evaluate(() => document.documentElement.classList.contains('large-text'));
  if (!large) problems.push('the larger text did not switch on');
  while (queue.length && visited.length < max) {
    const [u, from] = queue.shift();
    const k = pageKind(u);
    if (kinds.has(k)) continue;
    kinds.add(k);
    const res = await Promise.all(pages.map(async (p, i) => {
      let r;
      try { r = await p.goto(base + u); } catch { return null; }  // a download
      if (!r || !(r.headers()['content-type'] || '').includes('text/html')) return null;
      if (r.status() >= 400) return { status: r.status() };
      const x = await p.evaluate(pageProblems, WIDTHS[i].width < 400);
      // On the phone, then: the same page with every code ten times longer.
      if (i === AXE_WIDTH && axe) x.problems.push(...(await axe(p)).map((v) => `axe ${v}`));
      if (i === 1) x.problems.push(...await p.evaluate(longStringProblems));
      return { status: r.status(), ...x };
    }));
    if (!res[0]) continue;
    visited.push(u);
    if (res[0].status >= 400) { problems.push(`${u} (linked from ${from}): status ${res[0].status}`); continue; }
    res.forEach((x, i) => {
      if (!x) return;
      if (!x.problems) {  // this width got an error status the first did not
        problems.push(`${u} @${WIDTHS[i].width}${WIDTHS[i].large ? ' 大字号' : ''}: status ${x.status}`);
        return;
      }
      for (const p of x.problems) problems.push(`${u} @${WIDTHS[i].width}${WIDTHS[i].large ? ' 大字号' : ''}: ${p}`);
      const latin = x.words.filter((w) => !latinOk(w));
      if (latin.length && i === 0) problems.push(`${u}: Latin words on screen: ${latin.join(' ')}`);
    });
    // Every link of this site, relative ones (?page=2) included.
    const hrefs = await pages[0].$$eval('a[href]', (as) => as.filter((a) => a.origin === location.origin)
      .map((a) => a.pathname + a.search));
    for (const h of hrefs) if (h && !SKIP.test(h) && scope.test(h)) queue.push([h, u]);
  }
  await Promise.all(ctxs.map((c) => c.close()));
  return { problems, visited };
}

export function registerCrawlTests(test, h) {
  test('walk every public page: fits 1280, 360 and 360 大字号; tap targets, labels, ids, headings, no Latin; axe (360)', async ({ browser, base }) => {
    const { problems, visited } = await crawl(browser, base, {
      axe: h.axeSerious,
      starts: ['/', '/o/znwsj', '/o/znwsj/apply', '/track', '/login', '/search?q=' + encodeURIComponent('疫苗')],
      scope: /^\/(?!staff|admin)/,
    });
    if (visited.length < 20) problems.push(`only ${visited.length} public pages reached`);
    if (problems.length) throw new Error(`${problems.length} problems on ${visited.length} pages:\n  ` + problems.join('\n  '));
  });

  test('walk every staff page (office, administrator): fits 1280, 360 and 360 大字号; tap targets, labels, no Latin', async ({ browser, base }) => {
    const problems = [];
    let n = 0;
    // The office reaches every staff page; the administrator adds /admin.
    for (const [login, starts, scope] of [['office', ['/staff'], /^\/(staff|admin)(\/|$|\?)/],
      ['sysadmin', ['/staff', '/admin/tokens'], /^\/(staff$|admin\/)/]]) {
      const storage = await h.staffStorage(browser, base, login);
      const r = await crawl(browser, base, { starts, scope, storage });
      problems.push(...r.problems.map((p) => `${login} ${p}`));
      n += r.visited.length;
      if (r.visited.length < (login === 'office' ? 40 : 5)) problems.push(`${login}: only ${r.visited.length} staff pages reached`);
    }
    if (problems.length) throw new Error(`${problems.length} problems on ${n} pages:\n  ` + problems.join('\n  '));
  });
}
