// crawl.mjs — walks the site as a citizen and as staff, following every
// link from the start pages, and runs layout.mjs's checks on each kind of
// page at 360×740 (a phone) and 1280×800 (a small laptop).  A page kind is
// its path with numbers and organisation slugs taken out, so a new page is
// checked as soon as a link reaches it, and the walk stays short: one page
// of each kind.  Registered from run.mjs: registerCrawlTests(test, helpers).
import { latinOk, pageProblems } from './layout.mjs';

const WIDTHS = [{ width: 1280, height: 800 }, { width: 360, height: 740 }];
// Not pages: downloads, feeds, the API, sign-out, the text-size switch
// (it changes what every later page looks like).
const SKIP = /^\/(api\/|logout|textsize|static\/)|\.(atom|csv|tsv|xlsx|docx|pdf|xml|json|txt|zip|png|svg|ico)(\?|$)|\/(files?|download|export|letter\.docx)(\/|$|\?)|^\/(healthz|readyz|metrics)/;

// The kind of page a path is: /o/zn-cdc/d/24 and /o/znwsj/d/9 are one kind.
export function pageKind(u) {
  return u.replace(/^\/o\/[^/?#]+/, '/o/S').replace(/(\/(?:reports|inspections)\/)[a-z][\w-]*/, '$1S')
    .replace(/\d+/g, 'N').replace(/=[^&]*/g, '=');
}

// Visits start pages and what they link to (inside scope), one page per
// kind, at both widths at once; returns the problems and the URLs seen.
export async function crawl(browser, base, { starts, scope, storage, max = 400 }) {
  const ctxs = await Promise.all(WIDTHS.map((viewport) => browser.newContext({ viewport, storageState: storage })));
  const pages = await Promise.all(ctxs.map((c) => c.newPage()));
  const queue = starts.map((u) => [u, null]), kinds = new Set(), visited = [], problems = [];
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
      return { status: r.status(), ...(await p.evaluate(pageProblems, i === 1)) };
    }));
    if (!res[0]) continue;
    visited.push(u);
    if (res[0].status >= 400) { problems.push(`${u} (linked from ${from}): status ${res[0].status}`); continue; }
    res.forEach((x, i) => {
      if (!x) return;
      for (const p of x.problems) problems.push(`${u} @${WIDTHS[i].width}: ${p}`);
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
  test('walk every public page: fits 360 and 1280, tap targets, labels, headings, no Latin', async ({ browser, base }) => {
    const { problems, visited } = await crawl(browser, base, {
      starts: ['/', '/o/znwsj', '/o/znwsj/apply', '/track', '/login', '/search?q=' + encodeURIComponent('疫苗')],
      scope: /^\/(?!staff|admin)/,
    });
    if (visited.length < 20) problems.push(`only ${visited.length} public pages reached`);
    if (problems.length) throw new Error(`${problems.length} problems on ${visited.length} pages:\n  ` + problems.join('\n  '));
  });

  test('walk every staff page (office, administrator): fits 360 and 1280, tap targets, labels, no Latin', async ({ browser, base }) => {
    const problems = [];
    let n = 0;
    // The office reaches every staff page; the administrator adds /admin.
    for (const [login, start, scope] of [['office', '/staff', /^\/(staff|admin)(\/|$|\?)/],
      ['sysadmin', '/staff', /^\/(staff$|admin\/)/]]) {
      const storage = await h.staffStorage(browser, base, login);
      const r = await crawl(browser, base, { starts: [start, '/admin/tokens'].filter((u) => scope.test(u)), scope, storage });
      problems.push(...r.problems.map((p) => `${login} ${p}`));
      n += r.visited.length;
      if (r.visited.length < (login === 'office' ? 80 : 5)) problems.push(`${login}: only ${r.visited.length} staff pages reached`);
    }
    if (problems.length) throw new Error(`${problems.length} problems on ${n} pages:\n  ` + problems.join('\n  '));
  });
}
