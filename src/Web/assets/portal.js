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
 *   <main data-live-kind="service" data-live-id="…">
 *     <dd data-live-count="ratings">…</dd> <dd data-live-average>…</dd> <dd data-live-percent="csat">…</dd>
 *     <p data-live-empty>no ratings yet</p> <p data-live-few>too few to say much</p>   (shown or hidden as the count moves)
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

  var kind = main.getAttribute('data-live-kind');
  if (kind !== 'consultation' && kind !== 'service') {
    return;
  }

  function service(summary) {
    show(main.querySelector('[data-live-count="ratings"]'), summary.count);
    var average = main.querySelector('[data-live-average]');
    if (average && typeof summary.average === 'number') {
      average.textContent = summary.average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    }
    var csat = main.querySelector('[data-live-percent="csat"]');
    if (csat && typeof summary.csat === 'number') {
      csat.textContent = summary.csat.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
    }
    var empty = main.querySelector('[data-live-empty]');
    if (empty) {
      empty.hidden = summary.count > 0;
    }
    var few = main.querySelector('[data-live-few]');
    if (few && typeof summary.smallSample === 'boolean') {
      few.hidden = !summary.smallSample;
    }
  }

  window.EngagementLive.watch(kind, main.getAttribute('data-live-id'), function (snapshot) {
    if (kind === 'service') {
      service(snapshot);
      return;
    }
    show(main.querySelector('[data-live-count="comments"]'), snapshot.comments);
    (snapshot.firstPage || []).forEach(function (reactions) {
      var id = String(reactions.commentId).replace(/[^A-Za-z0-9_-]/g, '');
      show(main.querySelector('[data-live-agree="' + id + '"]'), reactions.agree);
      show(main.querySelector('[data-live-disagree="' + id + '"]'), reactions.disagree);
    });
  });
})();

/*
 * Survey pages. Show-if rules are applied as the person answers: a question whose rule does not hold is hidden (and its
 * answer not sent); without script every question shows and the server ignores answers to questions the rules hide.
 * The progress line counts the questions shown and answered. Answers are kept in the tab's session storage as they are
 * given, so a reload (or a lost connection) does not lose them; they are dropped once the survey is sent.
 */
(function () {
  'use strict';
  var done = document.querySelector('[data-survey-done]');
  var storage = null;
  try {
    storage = window.sessionStorage;
  } catch (e) {
    // Storage refused (privacy settings): the survey works, without drafts.
  }
  function key(action) {
    return 'engagement-survey:' + action;
  }
  if (done && storage) {
    storage.removeItem(key(done.getAttribute('data-survey-done')));
  }
  var form = document.querySelector('form[data-survey]');
  if (!form) {
    return;
  }
  var fields = Array.prototype.slice.call(form.querySelectorAll('[data-question]'));
  var progress = document.querySelector('[data-survey-progress]');
  var bar = progress && progress.parentNode.querySelector('progress');

  function inputsOf(id) {
    return Array.prototype.slice.call(form.querySelectorAll('[name="q-' + id + '"]'));
  }

  function valuesOf(id) {
    return inputsOf(id)
      .filter(function (input) { return (input.type !== 'radio' && input.type !== 'checkbox') || input.checked; })
      .map(function (input) { return input.value.trim(); })
      .filter(function (value) { return value.length > 0; });
  }

  function apply() {
    var visible = {};
    var shownCount = 0;
    var answeredCount = 0;
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
      if (shown) {
        shownCount++;
        if (valuesOf(id).length > 0) {
          answeredCount++;
        }
      }
    });
    if (progress) {
      progress.textContent = progress.getAttribute('data-template').replace('{0}', answeredCount).replace('{1}', shownCount);
    }
    if (bar) {
      bar.max = Math.max(shownCount, 1);
      bar.value = answeredCount;
    }
  }

  function save() {
    if (!storage) {
      return;
    }
    var draft = {};
    fields.forEach(function (field) {
      var id = field.getAttribute('data-question');
      draft[id] = valuesOf(id);
    });
    try {
      storage.setItem(key(form.getAttribute('action')), JSON.stringify(draft));
    } catch (e) {
      // Storage full: the answers on the page are still sent.
    }
  }

  function restore() {
    if (!storage || form.getAttribute('data-survey-kept') === 'true') {
      return;
    }
    var draft;
    try {
      draft = JSON.parse(storage.getItem(key(form.getAttribute('action'))) || 'null');
    } catch (e) {
      draft = null;
    }
    if (!draft || typeof draft !== 'object') {
      return;
    }
    fields.forEach(function (field) {
      var id = field.getAttribute('data-question');
      var values = Array.isArray(draft[id]) ? draft[id].map(String) : [];
      inputsOf(id).forEach(function (input) {
        if (input.type === 'radio' || input.type === 'checkbox') {
          input.checked = values.indexOf(input.value) >= 0;
        } else if (values.length > 0) {
          input.value = values[0];
        }
      });
    });
  }

  form.addEventListener('input', function () { apply(); save(); });
  form.addEventListener('change', function () { apply(); save(); });
  restore();
  apply();
})();
