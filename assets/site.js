// site.js — progressive enhancement only; every page works without it.
// (The larger-text setting is a link that sets a cookie: no script needed.)
(function () {
  'use strict';
  // A form's submit button is disabled once pressed, so a double click
  // sends one request; the server's single-use form token is the guarantee.
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f || f.method.toLowerCase() !== 'post') return;
    setTimeout(function () {
      var bs = f.querySelectorAll('button[type=submit]');
      for (var i = 0; i < bs.length; i++) bs[i].disabled = true;
    }, 0);
  });
  // A long list of organisations (select[data-filter], a province's tree):
  // a search box before it keeps the options whose name contains what is
  // typed; the first of them is chosen, and the chosen one stays shown.
  function filterable(sel) {
    var box = document.createElement('input');
    box.type = 'search';
    box.className = 'select-filter';
    box.placeholder = '输入名称筛选';
    box.setAttribute('aria-label', '筛选' + (sel.labels && sel.labels[0] ?
        sel.labels[0].textContent : '单位'));
    box.setAttribute('aria-controls', sel.id);
    sel.parentNode.insertBefore(box, sel);
    box.addEventListener('input', function () {
      var q = box.value.trim(), first = null;
      for (var i = 0; i < sel.options.length; i++) {
        var o = sel.options[i];
        var show = !q || o.text.indexOf(q) >= 0;
        o.hidden = !show;
        if (show && !first) first = o;
      }
      if (first && sel.selectedOptions[0] && sel.selectedOptions[0].hidden) {
        first.selected = true;
      }
    });
  }
  var sels = document.querySelectorAll('select[data-filter]');
  for (var i = 0; i < sels.length; i++) filterable(sels[i]);
  // Back to a page from the cache: its buttons work again.
  window.addEventListener('pageshow', function () {
    var bs = document.querySelectorAll('form button[type=submit][disabled]');
    for (var i = 0; i < bs.length; i++) bs[i].disabled = false;
  });
})();
