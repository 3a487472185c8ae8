// a11y.mjs — what axe cannot see, checked the way a person relying on it
// meets the public portal (GB/T 37668-2019, i.e. WCAG 2.0 AA): the
// application form with the keyboard alone, errors heard where the cursor
// lands, what a screen reader reads (Chromium's own accessibility tree,
// through the DevTools protocol), pages zoomed to 200 % and 400 %,
// reduced motion.  Registered from run.mjs: registerA11yTests(test, h).
import { pageProblems } from './layout.mjs';

// The accessibility tree of the page as Chromium gives it to a screen
// reader: { byId, nodes } of the nodes not ignored.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  return { byId, nodes: nodes.filter((n) => !n.ignored) };
}

// The nodes inside node, not ignored, in reading order.
function axInside(tree, node) {
  const out = [];
  const walk = (n) => {
    for (const c of n.childIds || []) {
      const k = tree.byId.get(c);
      if (!k) continue;
      if (!k.ignored) out.push(k);
      walk(k);
    }
  };
  walk(node);
  return out;
}

// The text a screen reader reads inside node (its StaticText, in order).
const axText = (tree, node) => axInside(tree, node).filter((n) => n.role?.value === 'StaticText')
  .map((n) => n.name?.value || '');

// The name and description a screen reader says for the focused element.
async function focusedAx(page) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree',
    { backendNodeId: node.backendNodeId, fetchRelatives: false });
  await cdp.detach();
  const n = nodes[0] || {};
  return { name: n.name?.value || '', description: n.description?.value || '' };
}

// The focused element: where it is on the page and whether its focus shows
// on the white page: something focus adds (an outline of 2 px or more, a
// shadow, a background) in a colour of 3:1 or more against white, or
// against the background it replaces (WCAG 2.2 focus appearance; a yellow
// ring alone on white is 1.6:1).
async function focusState(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    const lum = (c) => {
      const m = c.match(/[\d.]+/g);
      if (!m || (m.length > 3 && +m[3] === 0)) return null;  // transparent
      const [R, G, B] = m.slice(0, 3).map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const look = () => { const cs = getComputedStyle(e); return { outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 ? cs.outlineColor : null,
      shadow: cs.boxShadow === 'none' ? [] : cs.boxShadow.match(/rgba?\([^)]*\)/g) || [], bg: cs.backgroundColor }; };
    const on = look();
    e.blur();
    const off = look();
    e.focus();
    const white = lum('rgb(255,255,255)');
    const added = [on.outline, ...on.shadow.filter((c) => !off.shadow.includes(c))].filter(Boolean);
    const strong = added.some((c) => lum(c) !== null && ratio(lum(c), white) >= 3) ||
      (on.bg !== off.bg && lum(on.bg) !== null && ratio(lum(on.bg), lum(off.bg) ?? white) >= 3);
    return { id: e.id || e.name || e.tagName.toLowerCase(), inForm: !!e.closest('main form'),
      top: r.top + scrollY, left: r.left, shown: added.length > 0 || on.bg !== off.bg, strong,
      inView: r.bottom > 0 && r.top < innerHeight };
  });
}

// The public pages of the audit in run.mjs that need no lookup.
const PUBLIC = ['/', '/o/znwsj', '/o/znwsj/guide', '/o/znwsj/catalogue', '/o/znwsj/reports',
  '/o/znwsj/apply', '/o/znwsj/messages', '/o/znwsj/docs', '/track', '/data', '/login',
  '/search?q=' + encodeURIComponent('疫苗')];

export function registerA11yTests(test, h) {
  test('breadcrumbs: a screen reader hears the places, not the › drawn between them', async ({ page, base }) => {
    const doc = await h.firstLink(page.context().browser(), base, '/o/znwsj/docs', /^\/o\/znwsj\/d\//);
    const problems = [];
    for (const url of ['/o/znwsj/docs', doc]) {
      await page.goto(base + url);
      const tree = await axTree(page);
      const nav = tree.nodes.find((n) => n.role?.value === 'navigation' && n.name?.value === '位置');
      if (!nav) { problems.push(`${url}: no navigation named 位置`); continue; }
      const said = axText(tree, nav);
      if (said.some((t) => t.includes('›'))) problems.push(`${url}: reads ${JSON.stringify(said)}`);
      const items = axInside(tree, nav).filter((n) => n.role?.value === 'listitem');
      if (items.length < 2) problems.push(`${url}: the places are not a list (${items.length} items)`);
    }
    if (problems.length) throw new Error(problems.join('; '));
  });

  test('application form with the keyboard alone: order, visible focus, errors heard where the cursor lands', async ({ page, base }) => {
    await page.goto(base + '/o/znwsj/apply');
    await page.focus('#f-name');
    const stops = [await focusState(page)];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const s = await focusState(page);
      if (!s.inForm) break;
      stops.push(s);
    }
    const problems = [];
    for (const [i, s] of stops.entries()) {
      if (!s.shown) problems.push(`${s.id}: focus not visible`);
      else if (!s.strong) problems.push(`${s.id}: focus shown only in colours under 3:1 against the page`);
      if (!s.inView) problems.push(`${s.id}: focused but off screen`);
      // Down the page, or along the same line (radio buttons in a row).
      if (i && s.top < stops[i - 1].top - 2) problems.push(`${s.id} comes after ${stops[i - 1].id} but sits above it`);
    }
    const ids = stops.map((s) => s.id);
    for (const want of ['f-name', 'f-id_number', 'f-phone', 'f-address', 'f-info_title', 'f-attachment'])
      if (!ids.includes(want)) problems.push(`Tab never reaches ${want}`);
    if (stops[stops.length - 1].id !== 'button') problems.push(`the last stop is ${stops[stops.length - 1].id}, not the submit button`);
    // Submitted with Enter from the button: the cursor lands in the first
    // wrong field, and what is wrong is read with it.
    await page.fill('#f-name', '马建国');
    await page.fill('#f-id_number', '110105194912310021');  // wrong check digit
    await page.focus('button[type=submit]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const f = await focusedAx(page);
    if (!f.name.includes('证件号码') || !f.description.includes('校验码错误'))
      problems.push(`after the error the cursor's field reads "${f.name}" / "${f.description}"`);
    // The summary's links take the cursor to their field.
    await page.focus('[role=alert] a[href="#f-phone"]');
    await page.keyboard.press('Enter');
    const g = await focusedAx(page);
    if (!g.name.includes('联系电话') || !g.description.includes('至少填写'))
      problems.push(`the summary link to 联系电话 leads to "${g.name}" / "${g.description}"`);
    if (problems.length) throw new Error(problems.join('; '));
  });

  test('tracking: a wrong number or code is heard in the field the cursor lands in', async ({ page, base }) => {
    await page.goto(base + '/track');
    await page.fill('#f-reg_no', 'znwsj-2026-9999');
    await page.fill('#f-code', 'abcdef');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const f = await focusedAx(page);
    if (f.name !== '查询码' || !f.description.includes('登记号或查询码不正确'))
      throw new Error(`the cursor's field reads "${f.name}" / "${f.description}"`);
  });

  test('the steps of an application say which are done, not just ✓ (staff case page)', async ({ browser, base }) => {
    const st = await h.staffStorage(browser, base, 'office');
    const app = await h.firstLink(browser, base, '/staff/applications?f=all', /^\/staff\/applications\/\d+$/, st);
    const ctx = await browser.newContext({ storageState: st });
    const page = await ctx.newPage();
    await page.goto(base + app);
    const tree = await axTree(page);
    const list = tree.nodes.find((n) => n.role?.value === 'list' && n.name?.value === '办理流程');
    const steps = list ? axInside(tree, list).filter((n) => n.role?.value === 'listitem').map((n) => axText(tree, n).join('')) : [];
    const done = await page.$$eval('#stepper li.done', (ls) => ls.map((l) => l.textContent));
    await ctx.close();
    if (!done.length) throw new Error(`${app}: no step done`);
    for (const d of done) {
      const said = steps.find((t) => t.includes(d));
      if (!said || said.includes('✓') || !said.includes('已完成')) throw new Error(`step ${d} is read as ${JSON.stringify(said)}`);
    }
  });

  test('a refused form says so first: its page title starts with 错误：', async ({ page, base }) => {
    const problems = [];
    // [page, fields to fill, expected title once refused]
    const forms = [
      ['/track', { '#f-reg_no': 'znwsj-2026-9999', '#f-code': 'abcdef' }, '错误：申请办理进度查询'],
      ['/o/znwsj/apply', { '#f-name': '马建国' }, '错误：政府信息公开申请'],
      ['/login', { '#f-login': 'nobody', '#f-password': 'wrong-password' }, '错误：工作人员登录'],
    ];
    for (const [url, fields, want] of forms) {
      await page.goto(base + url);
      const before = await page.title();
      if (before.startsWith('错误')) problems.push(`${url}: "${before}" before anything was sent`);
      for (const [sel, v] of Object.entries(fields)) await page.fill(sel, v);
      await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
      const t = await page.title();
      if (!t.startsWith(want)) problems.push(`${url} refused: title "${t}"`);
    }
    if (problems.length) throw new Error(problems.join('; '));
  });

  test('document metadata is read as labelled cells (1280 grid and 360)', async ({ browser, base }) => {
    const doc = await h.firstLink(browser, base, '/o/znwsj/docs', /^\/o\/znwsj\/d\//);
    const problems = [];
    for (const width of [1280, 360]) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(base + doc);
      const tree = await axTree(page);
      // Each label is a row header, and its row's cell holds the value.
      const pairs = {};
      for (const row of tree.nodes.filter((n) => n.role?.value === 'row')) {
        const kids = (row.childIds || []).map((c) => tree.byId.get(c)).filter((n) => n && !n.ignored);
        const head = kids.find((n) => n.role?.value === 'rowheader');
        const cell = kids.find((n) => n.role?.value === 'cell');
        if (head && cell) pairs[head.name?.value] = axText(tree, cell).join('');
      }
      const want = await page.$$eval('table.meta tr', (trs) => trs.map((tr) =>
        [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
      for (const [k, v] of want) if (pairs[k] !== v) problems.push(`@${width} ${k}: read as ${JSON.stringify(pairs[k])}`);
      for (const k of ['索引号', '发布机构', '文号', '发布日期'])
        if (!(k in pairs)) problems.push(`@${width}: no row header ${k}`);
      await ctx.close();
    }
    if (problems.length) throw new Error(problems.join('; '));
  });

  test('zoomed to 200 % (1366 wide) and 400 % (1280 wide): nothing scrolls sideways or sticks out', async ({ browser, base }) => {
    const problems = [];
    // Browser zoom gives the page fewer CSS pixels at a higher pixel ratio.
    for (const [width, height, scale] of [[683, 384, 2], [320, 200, 4]]) {
      const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
      const page = await ctx.newPage();
      for (const url of PUBLIC) {
        await page.goto(base + url);
        for (const p of (await page.evaluate(pageProblems, false)).problems) problems.push(`${url} @${scale * 100}%: ${p}`);
      }
      await ctx.close();
    }
    if (problems.length) throw new Error('\n  ' + problems.join('\n  '));
  });

  test('reduced motion: nothing moves on the public pages', async ({ browser, base }) => {
    const ctx = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    const problems = [];
    for (const url of PUBLIC) {
      await page.goto(base + url);
      // Time-based animations and transitions (a scroll-driven one, the
      // "swipe to see more" line, moves only as the reader scrolls).
      const moving = await page.evaluate(() => {
        const out = document.getAnimations().filter((a) => a.timeline instanceof DocumentTimeline)
          .map((a) => a.animationName || a.transitionProperty || 'animation');
        for (const e of document.querySelectorAll('*')) {
          const cs = getComputedStyle(e);
          if (cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) out.push(`transition on ${e.tagName.toLowerCase()}`);
          if (cs.scrollBehavior === 'smooth') out.push(`smooth scrolling on ${e.tagName.toLowerCase()}`);
        }
        return out;
      });
      if (moving.length) problems.push(`${url}: ${[...new Set(moving)].join(', ')}`);
    }
    await ctx.close();
    if (problems.length) throw new Error(problems.join('; '));
  });
}
