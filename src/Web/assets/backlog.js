/*
 * The backlog board's progressive enhancement: keeps the board current through the live hub (live.js, kind 'backlog').
 * The page is complete without it.
 *
 * When a snapshot says the board differs from what is shown (an item added, moved, merged away, retitled, its score
 * or evidence changed), the board is fetched again from the server, which renders it in the page's language, and
 * swapped in. Focus is never moved: while focus is inside the board the swap waits, and a note with a "Show the
 * changes" button appears instead; the person decides when the board under them changes. Either way the polite
 * status region (#backlog-live) says so once.
 *
 *   <main data-live-kind="backlog" data-live-id="{organisationId}">
 *     <p id="backlog-live" role="status" data-updated="…" data-changed="…"></p>
 *     <div id="backlog-stale" hidden><p>…</p><button id="backlog-show">…</button></div>
 *     <div id="backlog-board"> … <li data-item-id data-status data-score data-evidence data-title> … </div>
 */
(function () {
  'use strict';
  var main = document.querySelector('[data-live-kind="backlog"]');
  var live = document.getElementById('backlog-live');
  var stale = document.getElementById('backlog-stale');
  var show = document.getElementById('backlog-show');
  if (!main || !live || !stale || !show || !window.EngagementLive || !window.fetch || !window.DOMParser) {
    return;
  }
  // Scores are recomputed as evidence ages; a drift this small is not a change worth telling anyone about.
  var SCORE_TOLERANCE = 0.05;
  var fetching = false;
  var again = false;
  var waiting = null; // a fetched board held back while focus is inside the shown one

  function board() {
    return document.getElementById('backlog-board');
  }

  function shown() {
    var cards = {};
    Array.prototype.forEach.call(board().querySelectorAll('[data-item-id]'), function (card) {
      cards[card.getAttribute('data-item-id')] = {
        status: card.getAttribute('data-status'),
        score: parseFloat(card.getAttribute('data-score')),
        evidence: parseInt(card.getAttribute('data-evidence'), 10),
        title: card.getAttribute('data-title')
      };
    });
    return cards;
  }

  function differs(snapshot) {
    var cards = shown();
    var items = (snapshot && snapshot.items) || [];
    if (items.length !== Object.keys(cards).length) {
      return true;
    }
    return items.some(function (item) {
      var card = cards[item.id];
      return !card || card.status !== String(item.status) || card.evidence !== item.evidence || card.title !== item.title
        || !(Math.abs(card.score - item.score) < SCORE_TOLERANCE);
    });
  }

  function announce(text) {
    // Cleared first so the same words are announced again on a later change.
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
  }

  function swap(fresh) {
    var current = board();
    current.parentNode.replaceChild(document.importNode(fresh, true), current);
    waiting = null;
    stale.hidden = true;
  }

  function refresh() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('The board could not be read again: ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('backlog-board');
        if (!fresh) {
          throw new Error('The page has no board.');
        }
        if (board().contains(document.activeElement)) {
          waiting = fresh;
          if (stale.hidden) {
            stale.hidden = false;
            announce(live.getAttribute('data-changed'));
          }
        } else {
          swap(fresh);
          announce(live.getAttribute('data-updated'));
        }
      })
      .catch(function () {
        // A signed-out session or a lost network: the note tells the person to look again by reloading.
        stale.hidden = false;
      })
      .then(function () {
        fetching = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  show.addEventListener('click', function () {
    if (waiting) {
      swap(waiting);
      // The person asked for the new board: take them to it.
      board().focus();
    } else {
      window.location.reload();
    }
  });

  window.EngagementLive.watch('backlog', main.getAttribute('data-live-id'), function (snapshot) {
    if (differs(snapshot)) {
      refresh();
    }
  });
})();
