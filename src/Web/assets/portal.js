/*
 * The portal's progressive enhancement: where a page marks live figures, keeps them current through the live hub
 * (live.js). The page is complete without it; this only moves numbers. It never moves focus, and it announces nothing:
 * counts change too often to be read out.
 *
 *   <main data-live-kind="consultation" data-live-id="…">
 *     <span data-live-count="comments" data-template="{0} comments">…</span>
 *     <span data-live-agree="commentId" data-template="{0} agree">…</span>
 */
(function () {
  'use strict';
  var main = document.querySelector('[data-live-kind]');
  if (!main || !window.EngagementLive) {
    return;
  }
  var locale = document.documentElement.lang === 'fr' ? 'fr-CA' : 'en-CA';

  function show(element, value) {
    if (element && typeof value === 'number') {
      element.textContent = (element.getAttribute('data-template') || '{0}').replace('{0}', value.toLocaleString(locale));
    }
  }

  window.EngagementLive.watch(main.getAttribute('data-live-kind'), main.getAttribute('data-live-id'), function (snapshot) {
    show(main.querySelector('[data-live-count="comments"]'), snapshot.comments);
    (snapshot.firstPage || []).forEach(function (reactions) {
      var id = String(reactions.commentId).replace(/[^A-Za-z0-9_-]/g, '');
      show(main.querySelector('[data-live-agree="' + id + '"]'), reactions.agree);
      show(main.querySelector('[data-live-disagree="' + id + '"]'), reactions.disagree);
    });
  });
})();
