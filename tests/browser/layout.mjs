// layout.mjs — the generic checks a phone user and a staff member at a small
// laptop would notice, run inside the page on any URL: the page does not
// scroll sideways and no element sticks out of the window or out of its
// box (long 文号, index numbers, hashes, URLs and file names wrap); tables
// fit or scroll in their own box, which says so on a phone; links and controls of navigation and
// forms are tall enough to tap on a phone; every form field has a label;
// headings go down one level at a time; <title> and lang="zh-CN"; no
// English word or internal identifier on screen.  Used by crawl.mjs.

// Latin words a person may see: file formats, standards and names people
// type or read in Chinese government documents.  Anything else in Latin
// letters is an English word or an internal identifier that leaked.
export const LATIN_OK = new Set([
  'PDF', 'DOC', 'DOCX', 'XLS', 'XLSX', 'CSV', 'TSV', 'OFD', 'WPS', 'JPG', 'JPEG', 'PNG', 'ZIP', 'TXT',
  'HTML', 'JSON', 'XML', 'RSS', 'Atom', 'API', 'URL', 'SHA', 'SVG', 'Markdown', 'Word', 'Excel', 'ID',
  'OpenAPI', 'HTTP', 'HTTPS', 'www', 'http', 'https', 'gov', 'cn', 'com', 'Email', 'QQ',
  'GB', 'KB', 'MB', 'B', 'T', 'GB/T', 'CA', 'AM', 'PM', 'NPC', 'CPPCC', 'X', 'U',
]);
// A file name's extension in a document's own name (年度报告.docx).
export const latinOk = (w) => LATIN_OK.has(w) || LATIN_OK.has(w.toUpperCase());

// Runs in the page; phone is true at the phone width.  Returns a list of
// problem strings (empty when the page is fine).
export function pageProblems(phone) {
  const out = [];
  const W = window.innerWidth;
  const de = document.documentElement;
  if (de.scrollWidth > W + 1) out.push(`page scrolls sideways (${de.scrollWidth} > ${W})`);
  if (de.getAttribute('lang') !== 'zh-CN') out.push(`lang is ${de.getAttribute('lang')}`);
  if (!document.title.trim()) out.push('no <title>');
  const desc = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += '#' + e.id;
    else if (e.classList.length) s += '.' + [...e.classList].join('.');
    const t = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    return t ? `${s} "${t.slice(0, 30)}"` : s;
  };
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    if (r.right <= 0 || r.bottom <= -window.scrollY) return false;  // moved off screen on purpose (skip link)
    const cs = getComputedStyle(e);
    if (cs.visibility === 'hidden' || cs.position === 'absolute' && cs.clip === 'rect(0px, 0px, 0px, 0px)') return false;
    return e.checkVisibility ? e.checkVisibility() : true;
  };
  // Inside a box that scrolls or clips sideways: what sticks out of it is
  // reachable by scrolling that box, not the page.
  const clipped = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
    }
    return false;
  };
  const main = document.querySelector('main') || document.body;
  // 1. Elements beyond the right edge of the window, and boxes whose own
  // content (a long unbroken string) sticks out of them.
  const seen = new Set();
  for (const e of document.body.querySelectorAll('*')) {
    if (!shown(e) || clipped(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.right > W + 1 || r.left < -1) {
      if (![...seen].some((s) => s.contains(e))) { out.push(`${desc(e)} reaches ${Math.round(r.left)}..${Math.round(r.right)} of ${W}`); seen.add(e); }
      continue;
    }
    const cs = getComputedStyle(e);
    if (cs.display !== 'inline' && cs.overflowX === 'visible' && e.scrollWidth > e.clientWidth + 2 &&
        e.clientWidth > 0 && !['svg', 'img', 'canvas'].includes(e.tagName.toLowerCase()) &&
        !(e.closest('svg')) && ![...seen].some((s) => s.contains(e) || e.contains(s))) {
      out.push(`${desc(e)}: content ${e.scrollWidth} px wide in a box of ${e.clientWidth}`);
      seen.add(e);
    }
  }
  // 2. Tap targets on a phone: links and controls of navigation and forms.
  if (phone) {
    const targets = document.querySelectorAll(
      'nav a, header a, form button, form input:not([type=hidden]), form select, form textarea, a.button, button');
    for (const e of targets) {
      if (!shown(e)) continue;
      let r = e.getBoundingClientRect();
      const type = (e.getAttribute('type') || '').toLowerCase();
      // A checkbox or radio is tapped through its label.
      if ((type === 'checkbox' || type === 'radio') && e.labels && e.labels[0]) r = e.labels[0].getBoundingClientRect();
      if (r.height < 39.5) out.push(`tap target ${desc(e)} is ${Math.round(r.height)} px high`);
    }
  }
  // 2b. A table wider than the phone scrolls inside its own box, and says
  // so where it is seen (a phone shows no scroll bar until one swipes): a
  // line of the box's own (::before, kept in view) or the element before it.
  if (phone) {
    const said = (t) => /滑动|滚动/.test(t || '');
    for (const e of main.querySelectorAll('*')) {
      const ox = getComputedStyle(e).overflowX;
      if ((ox !== 'auto' && ox !== 'scroll') || !shown(e) || !e.querySelector('table')) continue;
      const b = getComputedStyle(e, '::before');
      const line = b.display !== 'none' && b.visibility === 'visible' && said(b.content);
      const prev = e.previousElementSibling;
      if (e.scrollWidth > e.clientWidth + 2) {
        if (!line && !(prev && shown(prev) && said(prev.innerText)))
          out.push(`${desc(e)} scrolls sideways without saying so on screen`);
      } else if (line) out.push(`${desc(e)} says it scrolls sideways but fits`);
    }
  }
  // 3. Every form field has a label.
  for (const e of document.querySelectorAll('input, select, textarea')) {
    const type = (e.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    const named = (e.labels && [...e.labels].some((l) => l.textContent.trim())) ||
      (e.getAttribute('aria-label') || '').trim() || e.getAttribute('aria-labelledby');
    if (!named) out.push(`field ${desc(e)} name=${e.name} has no label`);
  }
  // A label points at the first element of its id: two fields with one id
  // (two forms on one page) leave the second unlabelled.
  const ids = new Map();
  for (const e of document.querySelectorAll('[id]')) ids.set(e.id, (ids.get(e.id) || 0) + 1);
  for (const [id, n] of ids) if (n > 1) out.push(`id "${id}" used ${n} times`);
  // 4. One h1, then no level skipped going down.
  const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(shown);
  const h1s = hs.filter((h) => h.tagName === 'H1').length;
  if (h1s !== 1) out.push(`${h1s} h1 headings`);
  let prev = 0;
  for (const h of hs) {
    const l = Number(h.tagName[1]);
    if (l > prev + 1) out.push(`heading ${desc(h)} is h${l} after h${prev}`);
    prev = l;
  }
  // 5. Latin words on screen, outside what a person types and reads back
  // as it is (login names, an organisation's web address: translate=no).
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const words = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || !shown(p) || p.closest('code.login, [translate=no], script, style')) continue;
    const t = n.textContent.replace(/https?:\/\/\S+|[\w.+-]+@[\w.-]+|\{[a-z_]+\}/g, ' ');
    // A token with a digit in it is a code (index number, 文号, hash).
    for (const m of t.matchAll(/[A-Za-z0-9_][A-Za-z0-9_.\-\/]*/g)) {
      const w = m[0].replace(/[.\-\/]+$/, '');
      if (!/\d/.test(w) && w) words.add(w);
    }
  }
  // 6. What only a programmer reads: an instant not turned into Beijing
  // time, a record's number, a source line, a script value.
  const text = document.body.innerText;
  const LEAKS = [[/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}(:\d{2})?Z\b|\b(UTC|GMT)\b/, 'a time not in Beijing time'],
    [/(^|[\s（(])#\d+/, 'a record number'], [/\b[\w/]+\.(c|h|py|js|mjs):\d+/, 'a source line'],
    [/\b(undefined|null|NULL|NaN|\[object Object\])\b/, 'a script value']];
  for (const [re, what] of LEAKS) {
    const m = text.match(re);
    if (m) out.push(`${what} on screen: "${m[0].trim()}"`);
  }
  return { problems: out, words: [...words] };
}

// Runs in the page: makes every code-like string of the page (a run of
// eight or more characters without a space: 文号, index numbers, hashes,
// file names, URLs) ten times longer, as real ones can be, then reports
// what no longer fits (the page scrolls sideways, or a box's content sticks
// out of it).  Changes the page: call it last.
export function longStringProblems() {
  const main = document.querySelector('main') || document.body;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest('script, style, option, textarea, svg')) continue;
    if (/\S{8,}/.test(n.textContent)) nodes.push(n);
  }
  for (const n of nodes)
    n.textContent = n.textContent.replace(/[A-Za-z0-9_.\-\/:〔〕（）()号%]{8,}/g,
      (m) => (/^\d{4}-\d{2}-\d{2}/.test(m) ? m : m.repeat(10)));  // a date does not grow
  const out = [];
  const W = window.innerWidth;
  if (document.documentElement.scrollWidth > W + 1)
    out.push(`page scrolls sideways with long codes (${document.documentElement.scrollWidth} > ${W})`);
  for (const e of main.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (!r.width || r.right <= 0) continue;
    let clipped = false;
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox !== 'visible') { clipped = true; break; }
    }
    if (!clipped && r.right > W + 1) {
      out.push(`${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''} with long codes reaches ${Math.round(r.right)} of ${W}`);
      break;
    }
  }
  return out;
}
