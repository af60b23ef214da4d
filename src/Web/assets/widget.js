/*
 * Engagement service-rating widget: "How was your experience?", a 1 to 5 rating, an optional comment and a thank-you,
 * for any site to embed (contract: docs/widget.md). Put the tag where the widget goes; data-lang="en"|"fr" forces the
 * language, otherwise the key's, else the page's <html lang>, else English:
 *
 *   <script src="https://engagement.example/widget.js" data-key="wk_…" async></script>
 *   <noscript><a href="https://engagement.example/widget/wk_…/rate">Rate this service</a></noscript>
 *
 * Content-Security-Policy of the host page: allow the platform for the script, its requests and (for the live
 * average) its WebSocket. No style-src change is needed: styles are a constructed sheet adopted by a shadow root.
 *
 *   script-src 'self' https://engagement.example; connect-src 'self' https://engagement.example wss://engagement.example
 *
 * No cookie (credentials omitted), no storage, no global, no inline script or style, no eval. It never throws into
 * the page: if the platform cannot be reached or anything goes wrong, it becomes a link to the hosted rating page.
 */
(() => {
  'use strict';

  const TAG = 'engagement-widget';
  const RS = '\x1e';
  const T = {
    en: {
      q: 'How was your experience?',
      s: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
      c: 'Comment (optional)',
      hint: 'Do not include personal information such as your name, email address or phone number.',
      n: (n, m) => `${n} of ${m} characters`,
      send: 'Send',
      pick: 'Choose a rating from 1 to 5.',
      thanks: 'Thank you for your feedback.',
      avg: (a, n) => `Average ${a} out of 5 (${n} rating${n === '1' ? '' : 's'})`,
      none: 'No ratings yet',
      limit: 'Too many ratings from here. Try again later.',
      fail: 'Your rating could not be sent. Try again later.',
      link: 'Rate this service',
      hp: 'Leave this field empty'
    },
    fr: {
      q: 'Comment s’est passée votre expérience?',
      s: ['Très mauvaise', 'Mauvaise', 'Passable', 'Bonne', 'Très bonne'],
      c: 'Commentaire (facultatif)',
      hint: 'N’incluez pas de renseignements personnels comme votre nom, votre adresse courriel ou votre numéro de téléphone.',
      n: (n, m) => `${n} caractères sur ${m}`,
      send: 'Envoyer',
      pick: 'Choisissez une note de 1 à 5.',
      thanks: 'Merci de votre rétroaction.',
      avg: (a, n) => `Moyenne de ${a} sur 5 (${n} évaluation${n === '1' ? '' : 's'})`,
      none: 'Aucune évaluation pour l’instant',
      limit: 'Trop d’évaluations envoyées d’ici. Réessayez plus tard.',
      fail: 'Votre évaluation n’a pas pu être envoyée. Réessayez plus tard.',
      link: 'Évaluez ce service',
      hp: 'Laissez ce champ vide'
    }
  };
  // Fixed colours, so the contrast holds on any host page: text 17:1, hint 8:1, borders and focus ring 5:1 or more.
  const CSS = `
:host{display:block;margin:1em 0;color-scheme:light}
*{box-sizing:border-box}
.w{font:400 max(16px,1rem)/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff;border:1px solid #6f6f6f;border-radius:6px;padding:1em;max-width:42em;overflow-wrap:anywhere;position:relative}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:700;font-size:1.15em;padding:0;margin-bottom:.5em}
.o{display:flex;flex-wrap:wrap;gap:.5em}
.o label{display:inline-flex;align-items:center;gap:.5em;min-height:44px;padding:.25em .75em .25em .5em;border:1px solid #6f6f6f;border-radius:4px;cursor:pointer}
.o label:has(:checked){border-color:#1a5a96;background:#e8f1fa;box-shadow:inset 0 0 0 1px #1a5a96}
input[type=radio]{width:24px;height:24px;margin:0;accent-color:#1a5a96}
.c{display:block;font-weight:700;margin-top:1em}
.h,.n{margin:0;color:#4d4d4d;font-size:.9em}
textarea{display:block;width:100%;min-height:5em;font:inherit;color:inherit;background:#fff;border:1px solid #6f6f6f;border-radius:4px;padding:.5em;margin:.25em 0;resize:vertical}
button{font:inherit;font-weight:700;min-height:44px;margin-top:1em;padding:.5em 1.25em;color:#fff;background:#1a5a96;border:2px solid #1a5a96;border-radius:4px;cursor:pointer;transition:background-color .15s}
button:hover{background:#12406b}
:focus-visible{outline:3px solid #1a5a96;outline-offset:2px}
a{color:#1a5a96}
.e{color:#b00020;font-weight:700;margin:.25em 0 0}
.e:empty,.s:empty{margin:0}
.a{margin:.5em 0 0;min-height:1.5em}
.s{margin:.5em 0 0;font-weight:700}
.l{border:0;padding:0}
.s:focus{outline:0}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}`;

  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    e.append(...kids);
    return e;
  };
  const pick = l => (/^fr/i.test(l) ? 'fr' : /^en/i.test(l) ? 'en' : '');
  const rendered = s => s.nextElementSibling?.localName === TAG;

  let fail = () => {};
  const guard = (fn, onError) => (...a) => {
    try {
      return fn(...a);
    } catch (e) {
      (onError || fail)();
    }
  };
  const quiet = fn => guard(fn, () => {});

  const start = () => {
    const script = document.currentScript ||
      [...document.querySelectorAll('script[src*="widget.js"][data-key]')].reverse().find(s => !rendered(s));
    const key = script?.dataset.key;
    if (!key || rendered(script)) return;

    const api = `${new URL(script.src).origin}/widget/${encodeURIComponent(key)}`;
    const page = location.origin + location.pathname;
    const pageLang = pick(document.documentElement.lang) === 'fr' ? 'fr' : 'en';
    let lang = pick(script.dataset.lang || '') || pageLang;
    let cfg = {};
    let max = 1000;
    let summary = null;
    let busy = false;
    const w = () => T[lang];
    const num = (x, digits) => Number(x).toLocaleString(`${lang}-CA`, { minimumFractionDigits: digits, maximumFractionDigits: digits });

    const host = el(TAG);
    const root = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      // Unstyled, it still works.
    }

    // The whole form is built now, in default wording, so that the page does not move when the configuration arrives.
    const legend = el('legend');
    const radios = [1, 2, 3, 4, 5].map(v => el('input', { type: 'radio', name: 'score', value: v }));
    const names = radios.map(() => el('span'));
    const err = el('p', { class: 'e', id: 'e', role: 'alert' });
    const cLabel = el('label', { class: 'c', for: 'c' });
    const hint = el('p', { class: 'h', id: 'h' });
    const ta = el('textarea', { id: 'c', name: 'comment', rows: 4, maxlength: max, 'aria-describedby': 'h n' });
    const count = el('p', { class: 'n', id: 'n' });
    const hpLabel = el('label', { for: 'w' });
    const hp = el('input', { id: 'w', name: 'website', type: 'text', tabindex: -1, autocomplete: 'off' });
    const btn = el('button', { type: 'submit' });
    const avg = el('p', { class: 'a' });
    const status = el('p', { class: 's', role: 'status', 'aria-live': 'polite', tabindex: -1 });
    const body = el('div', {},
      el('fieldset', { 'aria-describedby': 'e' }, legend,
        el('div', { class: 'o' }, ...radios.map((r, i) => el('label', {}, r, names[i]))), err),
      cLabel, hint, ta, count,
      // The honeypot: off-screen, out of the tab order and hidden from assistive technology, so only bots fill it.
      el('div', { class: 'hp', 'aria-hidden': 'true' }, hpLabel, hp),
      btn);
    const form = el('form', { class: 'w', novalidate: '' }, body, status, avg);

    const counter = () => { count.textContent = w().n(num(ta.value.length, 0), num(max, 0)); };
    const showAverage = s => {
      if (!cfg.showAverage || !s) return;
      summary = s;
      avg.textContent = s.count ? w().avg(num(s.average, 1), num(s.count, 0)) : w().none;
    };
    const paint = () => {
      form.setAttribute('lang', lang);
      legend.textContent = cfg.question?.[lang] || w().q;
      names.forEach((n, i) => { n.textContent = `${i + 1} ${w().s[i]}`; });
      cLabel.textContent = w().c;
      hint.textContent = w().hint;
      hpLabel.textContent = w().hp;
      btn.textContent = w().send;
      counter();
      showAverage(summary);
    };
    const say = text => { status.textContent = text; };

    fail = () => {
      try {
        const a = el('a', { href: `${api}/rate?lang=${lang}&page=${encodeURIComponent(page)}` });
        a.textContent = w().link;
        root.replaceChildren(el('p', { class: 'w l', lang }, a));
      } catch (e) {
        // Nothing more is safe to try.
      }
    };

    const done = (code, answer) => {
      if (code === 201) {
        body.hidden = true;
        say(w().thanks);
        // The button that had focus is gone; the message takes it so keyboard users keep their place.
        status.focus();
        showAverage(answer.summary);
        return;
      }
      busy = false;
      const e = answer.error || {};
      say(code === 429 ? w().limit : code >= 400 && code < 500 && ((lang === 'fr' && e.messageFr) || e.message) || w().fail);
    };

    form.addEventListener('submit', guard(ev => {
      ev.preventDefault();
      if (busy) return;
      const chosen = radios.find(r => r.checked);
      if (!chosen) {
        err.textContent = w().pick;
        radios[0].focus();
        return;
      }
      err.textContent = '';
      say('');
      busy = true;
      fetch(`${api}/ratings`, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        // Form-encoded, so the request is a CORS simple request and needs no preflight.
        body: new URLSearchParams({ score: chosen.value, comment: ta.value, page, lang, website: hp.value })
      })
        .then(r => r.json().catch(() => ({})).then(guard(j => done(r.status, j || {}))), guard(() => done(0, {})));
    }));
    ta.addEventListener('input', guard(counter));

    paint();
    root.append(form);
    script.after(host);

    fetch(`${api}/config`, { mode: 'cors', credentials: 'omit' })
      .then(r => {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(guard(c => {
        cfg = c || {};
        lang = pick(script.dataset.lang || '') || pick(cfg.language || '') || pageLang;
        max = cfg.commentMaxLength > 0 ? cfg.commentMaxLength : max;
        ta.maxLength = max;
        paint();
        if (cfg.showAverage && cfg.summary) {
          showAverage(cfg.summary);
          if (cfg.hubUrl && cfg.serviceId) watch(cfg.hubUrl.replace(/^http/, 'ws'), cfg.serviceId, showAverage);
        }
      }))
      .catch(fail);
  };

  // A minimal client of the SignalR JSON protocol over a raw WebSocket: joins the service's group and takes its
  // snapshots. A few retries with growing waits, never a loop: the average is a nicety, not worth a busy socket.
  const watch = (url, id, show) => {
    let retries = 0;
    const open = () => {
      let ws;
      let ping;
      try {
        ws = new WebSocket(url);
      } catch (e) {
        return;
      }
      const send = m => ws.send(JSON.stringify(m) + RS);
      ws.addEventListener('open', quiet(() => {
        send({ protocol: 'json', version: 1 });
        // The server drops a client it has not heard from for 30 s.
        ping = setInterval(quiet(() => send({ type: 6 })), 15000);
      }));
      ws.addEventListener('message', quiet(ev => {
        for (const part of String(ev.data).split(RS)) {
          if (!part) continue;
          const m = JSON.parse(part);
          if (m.type === undefined && !m.error) send({ type: 1, invocationId: '0', target: 'JoinService', arguments: [id] });
          else if (m.type === 3 && m.invocationId === '0' && m.result) show(m.result);
          else if (m.type === 1 && m.target === 'snapshot' && m.arguments?.[0] === `service:${id}`) show(m.arguments[1]);
        }
      }));
      ws.addEventListener('close', quiet(() => {
        clearInterval(ping);
        if (retries < 3) setTimeout(open, 2000 * 4 ** retries++);
      }));
    };
    open();
  };

  try {
    start();
  } catch (e) {
    fail();
  }
})();
