// site.js — progressive enhancement only; every page works without it.
// The larger-text toggle (适老化) remembers the choice in localStorage.
(function () {
  'use strict';
  var KEY = 'gk-textsize';
  function apply(on) {
    document.documentElement.classList.toggle('large-text', on);
    var b = document.querySelector('[data-textsize]');
    if (b) b.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  var saved = false;
  try { saved = localStorage.getItem(KEY) === '1'; } catch (e) {}
  apply(saved);
  document.addEventListener('DOMContentLoaded', function () {
    apply(saved);
    var b = document.querySelector('[data-textsize]');
    if (!b) return;
    b.addEventListener('click', function () {
      saved = !saved;
      try { localStorage.setItem(KEY, saved ? '1' : '0'); } catch (e) {}
      apply(saved);
    });
  });
})();
