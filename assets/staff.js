// staff.js — progressive enhancement of the staff pages; every page works
// without it.  A field naming another document (fieldset[data-ref-picker])
// offers the documents whose title or 文号 contains what is typed, from
// /staff/docs/lookup?q= (JSON), as the same radio buttons the server writes
// after 查找.  The related-documents picker (form[data-rel-picker]) lists
// the same results as one types, each with the 添加 form the server writes
// after 查找.  Text typed in a form's text areas is kept in this tab
// (sessionStorage) until the page shows it saved, so a session that expired
// while a clerk wrote does not lose it: the page opened again after signing
// in puts it back, saying so, with a way to undo.
(function () {
  'use strict';
  function option(name, d) {
    var li = document.createElement('li');
    var id = 'r-' + name + '-' + d.id;
    var input = document.createElement('input');
    input.type = 'radio'; input.id = id; input.name = name; input.value = String(d.id);
    var label = document.createElement('label');
    label.htmlFor = id;
    label.appendChild(document.createTextNode(d.title));
    var meta = document.createElement('span');
    meta.className = 'ref-meta';
    meta.textContent = [d.doc_number, d.org, d.state, d.published].filter(Boolean).join(' · ');
    label.appendChild(meta);
    li.appendChild(input); li.appendChild(document.createTextNode(' ')); li.appendChild(label);
    return li;
  }
  function enhance(fs) {
    var name = fs.getAttribute('data-ref-picker');
    var exclude = fs.getAttribute('data-exclude') || '0';
    var box = fs.querySelector('input[type=search]');
    var list = fs.querySelector('ul.ref-options');
    if (!box || !list) return;
    var status = document.createElement('p');
    status.className = 'hint';
    status.setAttribute('role', 'status');
    fs.appendChild(status);
    var timer = null, seq = 0;
    function refresh() {
      var q = box.value.trim();
      var mine = ++seq;
      if (!q) { status.textContent = ''; return; }
      fetch('/staff/docs/lookup?q=' + encodeURIComponent(q) + '&exclude=' + exclude,
            { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { documents: [] }; })
        .then(function (j) {
          if (mine !== seq) return;
          // Keep "none" and the checked choice; replace the other results.
          Array.prototype.slice.call(list.children).forEach(function (li) {
            var i = li.querySelector('input');
            if (i && i.value !== '' && !i.checked) li.remove();
          });
          var have = {};
          list.querySelectorAll('input').forEach(function (i) { have[i.value] = 1; });
          j.documents.forEach(function (d) {
            if (!have[String(d.id)]) list.appendChild(option(name, d));
          });
          status.textContent = j.documents.length ? '找到 ' + j.documents.length + ' 件'
                                                   : '没有标题或文号包含“' + q + '”的文件';
        })
        .catch(function () { /* the 查找 button still works */ });
    }
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    // Enter in the search box searches instead of submitting the form.
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); clearTimeout(timer); refresh(); }
    });
  }
  function hidden(form, name, value) {
    var i = document.createElement('input');
    i.type = 'hidden'; i.name = name; i.value = value;
    form.appendChild(i);
    return i;
  }
  // One result of the related-documents picker: title, details, 添加.
  function candidate(picker, d, kindSelect) {
    var li = document.createElement('li');
    var t = document.createElement('span');
    t.className = 'rel-title'; t.textContent = d.title;
    var meta = document.createElement('span');
    meta.className = 'ref-meta';
    meta.textContent = [d.doc_number, d.org, d.state, d.published].filter(Boolean).join(' · ');
    var f = document.createElement('form');
    f.method = 'post'; f.className = 'inline';
    f.action = '/staff/docs/' + picker.getAttribute('data-rel-picker') + '/relations';
    hidden(f, '_csrf', picker.getAttribute('data-csrf'));
    hidden(f, 'action', 'add');
    hidden(f, 'related_id', String(d.id));
    var kind = hidden(f, 'kind', kindSelect.value);
    f.addEventListener('submit', function () { kind.value = kindSelect.value; });
    var b = document.createElement('button');
    b.type = 'submit'; b.className = 'secondary'; b.textContent = '添加';
    f.appendChild(b);
    li.appendChild(t); li.appendChild(meta); li.appendChild(f);
    return li;
  }
  function enhanceRelations(picker) {
    var box = picker.querySelector('input[type=search]');
    var kindSelect = picker.querySelector('select');
    var out = document.getElementById('rel-results');
    if (!box || !kindSelect || !out) return;
    var have = {};
    (picker.getAttribute('data-have') || '').split(' ').forEach(function (id) { have[id] = 1; });
    var timer = null, seq = 0;
    function refresh() {
      var q = box.value.trim();
      var mine = ++seq;
      if (!q) return;
      fetch('/staff/docs/lookup?q=' + encodeURIComponent(q) + '&exclude=' +
            picker.getAttribute('data-rel-picker'),
            { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { documents: [] }; })
        .then(function (j) {
          if (mine !== seq) return;
          var docs = j.documents.filter(function (d) { return !have[String(d.id)]; });
          while (out.firstChild) out.removeChild(out.firstChild);
          if (docs.length) {
            var ul = document.createElement('ul');
            ul.className = 'rel-list rel-candidates';
            ul.setAttribute('aria-label', '查找结果');
            docs.forEach(function (d) { ul.appendChild(candidate(picker, d, kindSelect)); });
            out.appendChild(ul);
          } else {
            var p = document.createElement('p');
            p.className = 'hint'; p.setAttribute('role', 'status');
            p.textContent = '没有标题或文号包含“' + q + '”、可以关联的文件。';
            out.appendChild(p);
          }
        })
        .catch(function () { /* the 查找 button still works */ });
    }
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
  }
  // ---- Drafts of text areas ----
  var DRAFT = 'gk-draft|';
  function draftGet(key) {
    try { return JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }
  function draftPut(key, d) {
    try {
      if (d) sessionStorage.setItem(key, JSON.stringify(d)); else sessionStorage.removeItem(key);
    } catch (e) { /* storage full or off: nothing kept */ }
  }
  // Puts text d back into ta, with a notice and a button that undoes it.
  function restore(ta, text, key) {
    var before = ta.value;
    ta.value = text;
    var note = document.createElement('p');
    note.className = 'notice warn draft-restored';
    note.setAttribute('role', 'status');
    note.appendChild(document.createTextNode('已填回您在本页填写但未保存的内容，请核对后提交。'));
    var undo = document.createElement('button');
    undo.type = 'button';
    undo.className = 'secondary';
    undo.textContent = '不用，恢复原内容';
    undo.addEventListener('click', function () {
      ta.value = before;
      draftPut(key, null);
      note.remove();
      ta.focus();
    });
    note.appendChild(document.createTextNode(' '));
    note.appendChild(undo);
    ta.parentNode.insertBefore(note, ta);
  }
  function drafts() {
    // A page after a successful save shows its message (#flash): what was
    // sent from here is saved.
    var saved = !!document.getElementById('flash');
    document.querySelectorAll('form[method=post]').forEach(function (form, i) {
      var keys = [];
      form.querySelectorAll('textarea[name]:not([readonly])').forEach(function (ta) {
        var key = DRAFT + location.pathname + '|' + (form.getAttribute('action') || '') +
          '|' + i + '|' + ta.name;
        keys.push(key);
        var d = draftGet(key);
        if (d && ((saved && d.sent) || !d.text.trim() || d.text.trim() === ta.value.trim())) {
          draftPut(key, null);
          d = null;
        }
        if (d) restore(ta, d.text, key);
        ta.addEventListener('input', function () { draftPut(key, { text: ta.value, sent: false }); });
      });
      form.addEventListener('submit', function () {
        keys.forEach(function (key) {
          var d = draftGet(key);
          if (d) { d.sent = true; draftPut(key, d); }
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    drafts();
    document.querySelectorAll('fieldset[data-ref-picker]').forEach(enhance);
    document.querySelectorAll('form[data-rel-picker]').forEach(enhanceRelations);
  });
})();
