/*
 * The moderation queue's keyboard shortcuts and live news. The queue works without it: every action is a form.
 *
 * Shortcuts act only while focus is on a queue item or inside one, and never while typing in a field, so they cannot
 * fire by accident (WCAG 2.1.4): j / k move between items, c claims, a approves the item you hold, r opens its reject
 * form, x selects it for the bulk form. When the organisation's pending count changes, a polite status says so with a
 * link to show the queue as it is now; the list itself never changes under the moderator's hands.
 */
(function () {
  'use strict';
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-queue-item]'));

  function typing(target) {
    return target && (target.tagName === 'INPUT' && target.type !== 'checkbox' && target.type !== 'radio'
      || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  }

  function press(item, name) {
    var button = item.querySelector('button[data-shortcut="' + name + '"]');
    if (button) {
      button.click();
      return true;
    }
    return false;
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    var item = event.target.closest ? event.target.closest('[data-queue-item]') : null;
    if (!item) {
      return;
    }
    var index = items.indexOf(item);
    var handled = false;
    switch (event.key) {
      case 'j':
        if (index < items.length - 1) { items[index + 1].focus(); }
        handled = true;
        break;
      case 'k':
        if (index > 0) { items[index - 1].focus(); }
        handled = true;
        break;
      case 'c':
        handled = press(item, 'claim');
        break;
      case 'a':
        handled = press(item, 'approve');
        break;
      case 'r':
        var reject = item.querySelector('details[data-shortcut="reject"]');
        if (reject) {
          reject.open = true;
          reject.querySelector('input[name="reason"]').focus();
          handled = true;
        }
        break;
      case 'x':
        var box = item.querySelector('input[type="checkbox"]');
        if (box) {
          box.checked = !box.checked;
          handled = true;
        }
        break;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  // After an action the queue comes back at the item it was about (#item-…): focus goes there, not to the top.
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.hasAttribute('data-queue-item') && !document.querySelector('.eng-error-summary, .eng-error')) {
    target.focus();
  }

  var main = document.querySelector('[data-live-kind="moderation-queue"]');
  var news = document.querySelector('[data-queue-news]');
  if (!main || !news || !window.EngagementLive) {
    return;
  }
  var counter = document.querySelector('[data-live-count="pending"]');
  var shown = counter ? parseInt(counter.textContent.replace(/\D/g, ''), 10) : NaN;
  var locale = document.documentElement.lang === 'fr' ? 'fr-CA' : 'en-CA';
  window.EngagementLive.watch('moderation-queue', main.getAttribute('data-live-id'), function (snapshot) {
    if (typeof snapshot.pending !== 'number') {
      return;
    }
    var figure = snapshot.pending.toLocaleString(locale);
    if (counter) {
      counter.textContent = counter.getAttribute('data-template').replace('{0}', figure);
    }
    if (snapshot.pending === shown) {
      return;
    }
    // Rebuilt whole so the status region announces one sentence and one link.
    var text = document.createElement('span');
    text.textContent = news.getAttribute('data-template').replace('{0}', figure) + ' ';
    var link = document.createElement('a');
    link.href = location.pathname + location.search;
    link.textContent = news.getAttribute('data-reload');
    news.textContent = '';
    news.appendChild(text);
    news.appendChild(link);
  });
})();
