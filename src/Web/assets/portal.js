/*
 * After a form comes back with errors, focus goes to the summary of what is wrong (it is tabindex="-1"), so keyboard
 * and screen-reader users start from it rather than from the top of the page.
 */
(function () {
  'use strict';
  var summary = document.querySelector('.eng-error-summary[tabindex="-1"]');
  if (summary) {
    summary.focus();
  }
})();

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

/*
 * Survey show-if rules, applied as the person answers: a question whose rule does not hold is hidden (and its answer
 * not sent). Without script every question shows and the server ignores answers to questions the rules hide.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-survey]');
  if (!form) {
    return;
  }
  var fields = Array.prototype.slice.call(form.querySelectorAll('[data-question]'));

  function valuesOf(id) {
    return Array.prototype.slice.call(form.elements['q-' + id] ? form.querySelectorAll('[name="q-' + id + '"]') : [])
      .filter(function (input) { return (input.type !== 'radio' && input.type !== 'checkbox') || input.checked; })
      .map(function (input) { return input.value.trim(); })
      .filter(function (value) { return value.length > 0; });
  }

  function apply() {
    var visible = {};
    fields.forEach(function (field) {
      var id = field.getAttribute('data-question');
      var source = field.getAttribute('data-show-if-question');
      var shown = true;
      if (source) {
        var values = visible[source] ? valuesOf(source) : [];
        var value = field.getAttribute('data-show-if-value');
        var operator = field.getAttribute('data-show-if-operator');
        shown = operator === 'Answered' ? values.length > 0
          : operator === 'Equals' ? values.indexOf(value) >= 0
          : operator === 'NotEquals' ? values.length > 0 && values.indexOf(value) < 0
          : false;
      }
      visible[id] = shown;
      field.hidden = !shown;
      Array.prototype.slice.call(field.querySelectorAll('input, textarea')).forEach(function (input) { input.disabled = !shown; });
    });
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  apply();
})();
