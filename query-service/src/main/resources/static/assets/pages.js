/*
 * Customer 360 pages: money and times in the reader's locale and time zone, whole table rows that open what they
 * show, busy states while htmx loads a part, and a short live status. The server renders plain fallbacks
 * ("129.90 EUR", "2026-01-01 12:00 UTC"); this file only improves them. No inline scripts anywhere: the pages run
 * under a Content-Security-Policy that forbids them.
 */
(function () {
  'use strict';

  var moneyFormats = {};
  var timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  function moneyFormat(currency) {
    if (!moneyFormats[currency]) {
      moneyFormats[currency] = new Intl.NumberFormat(undefined, { style: 'currency', currency: currency });
    }
    return moneyFormats[currency];
  }

  function formatMoney(element) {
    try {
      // A string keeps every digit in browsers that format decimal strings exactly.
      element.textContent = moneyFormat(element.dataset.currency).format(element.dataset.amount);
    } catch (e) {
      // An unknown currency keeps the server's text.
    }
  }

  function formatTime(element) {
    var at = new Date(element.getAttribute('datetime'));
    if (!isNaN(at.getTime())) {
      element.title = element.getAttribute('datetime');
      element.textContent = timeFormat.format(at);
    }
  }

  function format(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll('[data-amount][data-currency]').forEach(formatMoney);
    scope.querySelectorAll('time[data-time]').forEach(formatTime);
    if (scope.matches && scope.matches('[data-amount][data-currency]')) {
      formatMoney(scope);
    }
    if (scope.matches && scope.matches('time[data-time]')) {
      formatTime(scope);
    }
  }

  function setLiveStatus(text) {
    var status = document.getElementById('live-status');
    if (status) {
      status.textContent = text;
    }
  }

  // A click anywhere on a row opens what the row's link opens; links, buttons and selected text keep their own.
  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var row = event.target.closest('tr[data-href]');
    if (!row || event.target.closest('a, button, input, select, textarea, label')) {
      return;
    }
    if (String(window.getSelection ? window.getSelection() : '').length > 0) {
      return;
    }
    window.location.assign(row.dataset.href);
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    var target = event.detail.target;
    if (target) {
      target.setAttribute('aria-busy', 'true');
    }
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    var target = event.detail.target;
    if (target) {
      target.removeAttribute('aria-busy');
    }
    if (event.detail.failed) {
      setLiveStatus('Could not load the latest data; it will be tried again.');
    }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    // The list's results are replaced as the reader types; a screen reader hears how many there are now.
    var results = document.getElementById('results');
    var summary = document.getElementById('results-status');
    if (results && summary && results.dataset.summary && summary.textContent !== results.dataset.summary) {
      summary.textContent = results.dataset.summary;
    }
    var config = event.detail.requestConfig;
    var trigger = config && config.triggeringEvent;
    if (trigger && trigger.type && trigger.type.indexOf('sse:') === 0) {
      setLiveStatus('Updated at ' + new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(new Date()));
    }
  });

  document.addEventListener('htmx:sseOpen', function () {
    setLiveStatus('Updates live');
  });

  document.addEventListener('htmx:sseError', function () {
    setLiveStatus('Live updates paused, reconnecting…');
  });

  if (window.htmx) {
    window.htmx.onLoad(format);
  }
  document.addEventListener('DOMContentLoaded', function () {
    format(document);
  });
})();
