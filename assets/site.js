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
  // Back to a page from the cache: its buttons work again.
  window.addEventListener('pageshow', function () {
    var bs = document.querySelectorAll('form button[type=submit][disabled]');
    for (var i = 0; i < bs.length; i++) bs[i].disabled = false;
  });
})();
