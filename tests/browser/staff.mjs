// staff.mjs — browser tests of the staff pages of issue 15 (staff menu,
// dashboard cards, document actions, drafting, applications register):
// each page at 1366 and 390 px wide must not scroll sideways and must pass
// axe; a screenshot of each is kept in tests/out/browser/staff-*.png.
// Registered from run.mjs: registerStaffTests(test, helpers).

const WIDTHS = [[1366, 900], [390, 844]];

async function signIn(page, base, login, password) {
  await page.goto(base + '/login');
  await page.fill('#f-login', login);
  await page.fill('#f-password', password);
  await page.keyboard.press('Enter');
  await page.waitForURL(base + '/staff');
}

// Opens path at both widths as `login`; checks overflow and axe; returns
// nothing, throws on the first failure.  check(page) may assert more.
async function atBothWidths({ browser, base }, h, login, name, path, check) {
  for (const [w, hgt] of WIDTHS) {
    const ctx = await browser.newContext({ viewport: { width: w, height: hgt } });
    const page = await ctx.newPage();
    try {
      await signIn(page, base, login, h.PASSWORD);
      const r = await page.goto(base + (typeof path === 'function' ? await path(page) : path));
      if (r.status() !== 200) throw new Error(`${name} at ${w}: status ${r.status()}`);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await h.shot(page, `staff-${name}-${w}`);
      if (over > 1) throw new Error(`${name} at ${w} px is ${over} px wider than the window`);
      await h.axeCheck(page, `${name} at ${w}`);
      if (check) await check(page, w);
    } finally {
      await ctx.close();
    }
  }
}

export function registerStaffTests(test, h) {
  test('staff menu: entries by role, counts, on every staff page (1366/390, axe)', async (env) => {
    await atBothWidths(env, h, 'secrecy', 'home', '/staff', async (page) => {
      const labels = await page.$$eval('nav.staff-menu li a', (as) => as.map((a) => a.firstChild.textContent.trim()));
      if (labels.join(',') !== '工作台,文件,申请,登记簿,报告') throw new Error(`menu is ${labels}`);
      const n = await page.textContent('nav.staff-menu a[href="/staff/docs"] .count');
      if (!/^\d+件待您审核$/.test(n)) throw new Error(`count is ${n}`);
      const cur = await page.getAttribute('nav.staff-menu a[aria-current="page"]', 'href');
      if (cur !== '/staff') throw new Error(`current entry is ${cur}`);
    });
  });

  test('staff menu with all eight entries fits a phone (admin and office roles)', async (env) => {
    await atBothWidths(env, h, 'hosp-admin', 'admin-orgs', '/admin/orgs', async (page) => {
      const n = await page.locator('nav.staff-menu li').count();
      if (n !== 8) throw new Error(`${n} entries`);
      const cur = await page.getAttribute('nav.staff-menu a[aria-current="page"]', 'href');
      if (cur !== '/admin/orgs') throw new Error(`current entry is ${cur}`);
    });
  });

  test('dashboard: figure cards lead, charts follow (1366/390, axe)', async (env) => {
    await atBothWidths(env, h, 'office', 'dashboard', '/staff/dashboard', async (page) => {
      const n = await page.locator('ul.cards li').count();
      if (n !== 6) throw new Error(`${n} cards`);
      await page.click('#card-open a');
      await page.waitForURL(/\/staff\/applications\?.*f=open/);
    });
  });

  test('document list and pages of documents in each state (1366/390, axe)', async (env) => {
    await atBothWidths(env, h, 'office', 'docs', '/staff/docs');
    await atBothWidths(env, h, 'office', 'doc-published', async (page) => {
      await page.goto(env.base + '/staff/docs?state=published');
      return await page.getAttribute('#doc-list tbody a', 'href');
    }, async (page, w) => {
      if (w !== 1366) return;
      // A channel is registered only once its box is ticked; the page then
      // says what was done.
      await page.fill('#f-channel', '微博');
      await page.fill('#channels input[name=day]', '2026-11-01');
      await page.click('#channels button[type=submit]');
      if (!(await page.evaluate(() => document.querySelector('#c-channels').matches(':invalid'))))
        throw new Error('the confirmation box is not required');
      await page.check('#c-channels');
      await Promise.all([page.waitForNavigation(), page.click('#channels button[type=submit]')]);
      const msg = await page.textContent('#flash');
      if (msg !== '已登记发布渠道：微博（2026-11-01）。') throw new Error(`flash is ${msg}`);
      await h.shot(page, 'staff-doc-flash-1366');
      await h.axeCheck(page, 'document page with feedback');
    });
  });

  test('review screen, drafting with preview and document search (1366/390, axe)', async (env) => {
    await atBothWidths(env, h, 'depthead', 'doc-review', async (page) => {
      await page.goto(env.base + '/staff/docs?state=dept_review');
      return await page.getAttribute('#doc-list tbody a', 'href');
    }, async (page) => {
      if ((await page.locator('textarea[name=opinion]').count()) !== 1) throw new Error('not one comment box');
    });
    await atBothWidths(env, h, 'drafter', 'doc-edit', '/staff/docs/new', async (page, w) => {
      await page.fill('#f-title', '预览测试');
      await page.fill('#f-body', '## 一、对象\n\n- 老年人\n- 学生\n\n| 乡镇 | 点位 |\n|---|---|\n| 宁安镇 | 3 |\n');
      await page.click('button[name=preview]');
      await page.waitForSelector('#preview table');
      if (await page.locator('main .notice.error').count()) {
        throw new Error(`preview refused: ${await page.textContent('main .notice.error')}`);
      }
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 1) throw new Error(`preview at ${w} px overflows by ${over}`);
      await h.shot(page, `staff-doc-preview-${w}`);
      await h.axeCheck(page, `preview at ${w}`);
      // Search-as-you-type (staff.js) offers the policy by its 文号.
      await page.fill('#q-interprets_id', '15号');
      await page.waitForSelector('#ref-interprets_id li:nth-child(2) input[type=radio]');
      const label = await page.textContent('#ref-interprets_id li:nth-child(2) label');
      if (!label.includes('流感疫苗')) throw new Error(`offered ${label}`);
    });
  });

  test('related documents: the picker on a draft, with script (1366) and without (390), axe', async (env) => {
    await atBothWidths(env, h, 'drafter', 'doc-relations', async (page) => {
      await page.goto(env.base + '/staff/docs?state=draft');
      return (await page.getAttribute('#doc-list tbody a', 'href')) + '?rel_q=' +
        encodeURIComponent('疫苗') + '#relations';
    }, async (page, w) => {
      const n = await page.locator('#relations ul.rel-candidates li').count();
      if (!n) throw new Error('the search offered nothing');
      if (w !== 390) {
        // With staff.js the results follow the typing (a 文号 here).
        await page.fill('#f-rel-q', '〔2018〕12号');
        await page.waitForSelector('#rel-results li:has-text("免疫规划工作要点")');
        const k = await page.locator('#rel-results li').count();
        if (k !== 1) throw new Error(`typing 〔2018〕12号 offered ${k} documents`);
        await page.selectOption('#f-rel-kind', 'repeals');
        await Promise.all([page.waitForNavigation(), page.click('#rel-results li button')]);
        const listed = await page.textContent('#relations ul.rel-list');
        if (!listed.includes('免疫规划工作要点') || !listed.includes('废止'))
          throw new Error(`not listed as repealed after 添加: ${listed}`);
        return;
      }
      // 添加 beside the first result: back on the page, listed, no overflow.
      const title = (await page.textContent('#relations ul.rel-candidates li .rel-title')).trim();
      await Promise.all([page.waitForNavigation(),
        page.click('#relations ul.rel-candidates li button[type=submit]')]);
      const listed = await page.textContent('#relations ul.rel-list');
      if (!listed.includes(title)) throw new Error(`${title} not listed after 添加`);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 1) throw new Error(`after 添加 the page is ${over} px wider than the window`);
      await h.shot(page, 'staff-doc-relations-added-390');
      await h.axeCheck(page, 'related documents after 添加');
    });
    // On a published document (the office): the public page lists it, on a phone too.
    await atBothWidths(env, h, 'office', 'doc-relations-published', async (page) => {
      await page.goto(env.base + '/staff/docs?state=published');
      return (await page.getAttribute('#doc-list tbody a', 'href')) + '?rel_q=' +
        encodeURIComponent('通知') + '#relations';
    }, async (page, w) => {
      if (w !== 390) return;
      // A published candidate (only those reach the public page).
      const li = page.locator('#relations ul.rel-candidates li', { hasText: '已发布' }).first();
      const title = (await li.locator('.rel-title').textContent()).trim();
      await Promise.all([page.waitForNavigation(), li.locator('button[type=submit]').click()]);
      const pub = await page.getAttribute('a[href^="/o/"][href*="/d/"]', 'href');
      await page.goto(env.base + pub);
      const listed = await page.textContent('section[data-relations]');
      if (!listed.includes(title)) throw new Error(`${title} not on the public page`);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 1) throw new Error(`public page with related documents: ${over} px too wide`);
      await h.shot(page, 'public-doc-relations-390');
      await h.axeCheck(page, 'public page with related documents');
    });
  });

  test('staff tables are cards on a phone, report tables scroll in their own box (390, axe)', async (env) => {
    // Each row a card: its cells stacked, each labelled with its column.
    const cards = async (page, w) => {
      if (w !== 390) return;
      const t = await page.evaluate(() => [...document.querySelectorAll('main table.cards')].map((tb) => {
        const td = tb.querySelector('tbody td[data-label]');
        const r = tb.getBoundingClientRect();
        return { id: tb.id || tb.caption?.textContent || '', right: r.right,
          label: td && td.dataset.label, before: td && getComputedStyle(td, '::before').content,
          display: td && getComputedStyle(td).display };
      }));
      if (!t.length) throw new Error('no card table');
      for (const x of t) {
        if (x.right > 391) throw new Error(`table ${x.id} ends at ${x.right}px`);
        if (!x.label) throw new Error(`table ${x.id}: no labelled cell`);
        if (x.display !== 'block' || !x.before.includes(x.label)) throw new Error(`table ${x.id} is not cards: ${JSON.stringify(x)}`);
      }
    };
    await atBothWidths(env, h, 'office', 'cards-applications', '/staff/applications', cards);
    await atBothWidths(env, h, 'office', 'cards-messages', '/staff/messages?subtree=1', cards);
    await atBothWidths(env, h, 'office', 'cards-catalogue', '/staff/catalogue/1', cards);
    await atBothWidths(env, h, 'sysadmin', 'cards-users', '/admin/users', cards);
    await atBothWidths(env, h, 'inspector', 'cards-supervise', '/staff/supervise', cards);
    // The annual report: each table in a labelled region that scrolls; the
    // row headings stay where they are while the figures move.
    await atBothWidths(env, h, 'office', 'report-phone', '/staff/reports/znwsj/2025', async (page, w) => {
      if (w !== 390) return;
      const box = page.locator('#tbl-t3').locator('xpath=..');
      if ((await box.getAttribute('role')) !== 'region') throw new Error('table 3 is not in a region');
      const label = await box.getAttribute('aria-label');
      if (!label.startsWith('三、')) throw new Error(`region label ${label}`);
      const wide = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (!wide) throw new Error('table 3 does not scroll inside its box at 390 px');
      const head = page.locator('#tbl-t3 tbody th').first();
      const before = (await head.boundingBox()).x;
      await box.evaluate((el) => { el.scrollLeft = 300; });
      const after = (await head.boundingBox()).x;
      const cell = await page.locator('#tbl-t3 tbody td').first().boundingBox();
      if (Math.abs(after - before) > 1) throw new Error(`row heading moved from ${before} to ${after}`);
      if (cell.x > 200) throw new Error('the figures did not scroll');
      await box.screenshot({ path: 'tests/out/browser/staff-report-t3-scrolled-390.png' });
    });
  });

  test('applications register (1366/390, axe)', async (env) => {
    await atBothWidths(env, h, 'office', 'applications', '/staff/applications', async (page, w) => {
      if (w !== 1366) return;
      // The bar without script: search by 登记号, then by a name.
      const reg = (await page.textContent('#apps tbody tr td a')).trim();
      await page.fill('#fb-q', reg.toUpperCase());
      await page.selectOption('#fb-f', 'all');
      await Promise.all([page.waitForURL(/q=/), page.click('#filterbar button[type=submit]')]);
      const regs = await page.$$eval('#apps tbody tr td:first-child a', (as) => as.map((a) => a.textContent.trim()));
      if (regs.join() !== reg) throw new Error(`search ${reg} listed ${regs}`);
      await h.shot(page, 'staff-applications-search-1366');
      await h.axeCheck(page, 'register search');
    });
  });

  test('report cell adjusted by hand: form, footnote, finding, restore (1366/390, axe)', async (env) => {
    const base = '/staff/reports/znwsj/2022';
    const cell = 't3[new][natural_person]';
    await atBothWidths(env, h, 'office', 'report-adjust-form',
      `${base}/override?c=${encodeURIComponent(cell)}`);
    // Adjust at one width (the report is shared), then look at both.
    const ctx = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    try {
      await signIn(page, env.base, 'office', h.PASSWORD);
      await page.goto(env.base + base);
      await Promise.all([page.waitForURL(/\/override\?c=/),
        page.click(`td[data-cell="${cell}"] a.ov-edit`)]);
      const computed = Number((await page.textContent('#computed')).trim());
      await page.fill('input[name=value]', String(computed + 3));
      await page.fill('textarea[name=reason]', '纸质登记簿补录三件');
      await Promise.all([page.waitForURL(/#adjusted$/), page.click('form.adjust button')]);
      const note = await page.textContent('#adjusted li');
      if (!note.includes(`计算值 ${computed}，调整为 ${computed + 3}。原因：纸质登记簿补录三件`))
        throw new Error(`footnote is ${note}`);
      if (await page.locator('li.broken[data-key="R2[new]"]').count() !== 1)
        throw new Error('no R2[new] finding for the adjusted cell');
      await atBothWidths(env, h, 'office', 'report-adjusted', base);
      await Promise.all([page.waitForURL(/#adjusted$/), page.click('#adjusted button')]);
      if (await page.locator('#adjusted').count() !== 0) throw new Error('footnote after restore');
    } finally {
      await ctx.close();
    }
  });

  test('session expired while writing a reply: sign in again, the text is put back (390, axe)', async ({ browser, base }) => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    try {
      await signIn(page, base, 'office', h.PASSWORD);
      await page.goto(base + '/staff/messages');
      await page.click('text=乡镇卫生院夜间值班问题');
      const url = page.url();
      const text = '经核实，各乡镇卫生院已安排夜间值班人员，值班电话已在门口公示。';
      await page.fill('#f-reply', text);
      await ctx.clearCookies();   // the session is gone, as after two idle hours
      await page.click('button[value="reply"]');
      const h1 = (await page.textContent('h1')).trim();
      if (h1 !== '需要重新登录') throw new Error(`after the lost session: ${h1}`);
      await h.shot(page, 'staff-login-needed-390');
      await h.axeCheck(page, 'login needed at 390');
      await page.fill('#f-login', 'office');
      await page.fill('#f-password', h.PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(url);
      const got = await page.inputValue('#f-reply');
      if (got !== text) throw new Error(`reply after signing in: "${got}"`);
      const note = await page.textContent('.draft-restored');
      if (!note.includes('已填回您在本页填写但未保存的内容')) throw new Error(`notice: ${note}`);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 1) throw new Error(`${over} px wider than the window`);
      await h.shot(page, 'staff-draft-restored-390');
      await h.axeCheck(page, 'draft restored at 390');
      // Saved now: the page after the save puts nothing back.
      await page.click('button[value="reply"]');
      await page.waitForSelector('#flash');
      if (await page.locator('.draft-restored').count()) throw new Error('draft offered after the save');
      await page.reload();
      if (await page.locator('.draft-restored').count()) throw new Error('draft offered after reload');
    } finally {
      await ctx.close();
    }
  });
}
