/*
 * Engagement live results: the browser client of the live hub at /hubs/live, for the pages and the rating widget.
 *
 * INCLUDE — the SignalR client first, then this file; `defer` keeps that order and never blocks the page:
 *
 *   <script src="/assets/lib/signalr/signalr.min.js" defer></script>
 *   <script src="/assets/live.js" defer></script>
 *
 * API — one global, window.EngagementLive. It never throws at the page because of the network or the server: when
 * the hub is unreachable (or signalr.min.js did not load) watchers simply get no snapshot and the status says
 * 'offline'. It throws a TypeError only for a mistake in the calling code (an unknown kind, an empty id, no callback).
 *
 *   var stop = EngagementLive.watch(kind, id, onSnapshot[, onError])
 *       kind is 'consultation', 'survey', 'service', or 'moderation-queue' and 'backlog' (staff only; the id is the
 *       organisation's).
 *       Opens the connection on first use, joins the topic's group, and calls onSnapshot(snapshot, topic) with the
 *       snapshot the join returns, then with every later update of that topic. After a reconnect it joins again and
 *       calls onSnapshot with the fresh snapshot, since updates may have been missed meanwhile. onError(error) is
 *       called when the server refuses the join (no such thing, not allowed, too many watched on one connection).
 *       Returns a function that ends this one watch.
 *   EngagementLive.unwatch(kind, id[, onSnapshot])
 *       Ends the watches of that topic with that callback, or all of them. The hub has no "leave", so the connection
 *       stays in the group until it reconnects; updates of a topic nobody watches are dropped here.
 *   var remove = EngagementLive.onStatus(callback)
 *       callback(status) now and on every change: 'connecting' (first connection, or just lost and retrying at
 *       once), 'live' (connected; updates arrive), 'offline' (not connected; retrying in the background, quickly at
 *       first and then once a minute, for as long as the page is open). Returns a function that removes the callback.
 *   EngagementLive.status
 *       The current status; 'offline' until the first watch opens the connection.
 *   EngagementLive.configure({ url: '/hubs/live', withCredentials: true })
 *       Optional, before the first watch (returns false, changing nothing, once connected). A page on another origin
 *       (the widget) gives the hub's absolute URL, and withCredentials: false since it watches public data only.
 *   EngagementLive.topic(kind, id)
 *       The topic's name as the server sends it with updates: 'service:abc', 'moderation-queue:org1', 'backlog:org1'.
 *
 *   EngagementLive.watch('service', serviceId, function (summary) { average.textContent = summary.average; });
 *
 * CONTENT-SECURITY-POLICY — no inline script or style and no eval are needed, so `default-src 'self'` suffices on
 * the same origin: script-src 'self' for the two files, and connect-src 'self' for the negotiate request, the
 * WebSocket (ws:/wss: to this host; CSP Level 3 browsers count it as 'self') and the fallback transports. For
 * browsers that predate that rule, or a hub on another origin, list it: connect-src 'self' wss://engagement.example.
 */
(function (root) {
  'use strict';

  // A page and a widget on it may both load this file: the first copy, and its one connection, serve both.
  if (root.EngagementLive) {
    return;
  }

  // The kinds as LiveTopic names them on the server (src/Core/Live/LiveTopic.cs), with the hub method that joins each.
  var JOIN_METHODS = {
    consultation: 'JoinConsultation',
    survey: 'JoinSurvey',
    service: 'JoinService',
    'moderation-queue': 'JoinModerationQueue',
    backlog: 'JoinBacklog'
  };
  var UPDATE_METHOD = 'snapshot';
  // Waits before each retry, by attempt; the last repeats. Jitter spreads the clients of a restarted node.
  var RETRY_DELAYS_MS = [0, 2000, 10000, 30000, 60000];
  var LOG_LEVEL_NONE = 6;

  var settings = { url: '/hubs/live', withCredentials: undefined };
  var topics = new Map(); // topic name -> { name, method, id, watches: [{ onSnapshot, onError }] }
  var statusCallbacks = [];
  var status = 'offline';
  var connection = null;
  var live = false;
  // Changes whenever the connection comes up or goes down, so a failed join can tell a refusal from a lost connection.
  var epoch = 0;
  var startAttempts = 0;
  var startPending = false;

  function topicName(kind, id) {
    if (!Object.prototype.hasOwnProperty.call(JOIN_METHODS, kind)) {
      throw new TypeError('EngagementLive: kind must be one of ' + Object.keys(JOIN_METHODS).join(', ') + '.');
    }
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
      throw new TypeError('EngagementLive: give the id of the ' + kind + ' to watch.');
    }
    return kind + ':' + id;
  }

  function watch(kind, id, onSnapshot, onError) {
    var name = topicName(kind, id);
    if (typeof onSnapshot !== 'function') {
      throw new TypeError('EngagementLive.watch: onSnapshot must be a function.');
    }
    var entry = { onSnapshot: onSnapshot, onError: typeof onError === 'function' ? onError : null };
    var topic = topics.get(name);
    if (!topic) {
      topic = { name: name, method: JOIN_METHODS[kind], id: String(id), watches: [] };
      topics.set(name, topic);
    }
    topic.watches.push(entry);
    if (live) {
      join(topic);
    } else {
      connect();
    }
    return function stop() {
      remove(name, function (watch) { return watch === entry; });
    };
  }

  function unwatch(kind, id, onSnapshot) {
    remove(topicName(kind, id), function (watch) { return !onSnapshot || watch.onSnapshot === onSnapshot; });
  }

  function remove(name, matches) {
    var topic = topics.get(name);
    if (!topic) {
      return;
    }
    topic.watches = topic.watches.filter(function (watch) { return !matches(watch); });
    if (topic.watches.length === 0) {
      topics.delete(name);
    }
  }

  function onStatus(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError('EngagementLive.onStatus: callback must be a function.');
    }
    statusCallbacks.push(callback);
    safely(callback, status);
    return function removeCallback() {
      statusCallbacks = statusCallbacks.filter(function (c) { return c !== callback; });
    };
  }

  function configure(options) {
    if (connection || !options) {
      return false;
    }
    if (typeof options.url === 'string' && options.url !== '') {
      settings.url = options.url;
    }
    if (typeof options.withCredentials === 'boolean') {
      settings.withCredentials = options.withCredentials;
    }
    return true;
  }

  function connect() {
    if (connection) {
      return;
    }
    var signalR = root.signalR;
    if (!signalR || typeof signalR.HubConnectionBuilder !== 'function') {
      setStatus('offline');
      return;
    }
    try {
      var options = typeof settings.withCredentials === 'boolean' ? { withCredentials: settings.withCredentials } : undefined;
      connection = new signalR.HubConnectionBuilder()
        .withUrl(settings.url, options)
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: nextReconnectDelay })
        // The host page's console is not ours to fill: network failures show in the status instead.
        .configureLogging(signalR.LogLevel && typeof signalR.LogLevel.None === 'number' ? signalR.LogLevel.None : LOG_LEVEL_NONE)
        .build();
      connection.on(UPDATE_METHOD, onUpdate);
      connection.onreconnecting(function () { wentDown('connecting'); });
      connection.onreconnected(cameUp);
      // Reached only when the server closes the connection for good or automatic reconnects stop: start over.
      connection.onclose(function () {
        wentDown('offline');
        scheduleStart();
      });
    } catch (e) {
      connection = null;
      setStatus('offline');
      return;
    }
    setStatus('connecting');
    start();
  }

  // SignalR asks before each automatic reconnect attempt; previousRetryCount > 0 means one attempt already failed.
  function nextReconnectDelay(context) {
    var failed = context && context.previousRetryCount > 0;
    if (failed) {
      setStatus('offline');
    }
    return retryDelay(context ? context.previousRetryCount : 0);
  }

  function retryDelay(attempt) {
    var base = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    return Math.round(base * (0.8 + 0.4 * Math.random()));
  }

  // Automatic reconnects cover a connection that was up; a first start that fails, or a close, retries from here.
  function start() {
    startPending = false;
    var starting;
    try {
      starting = Promise.resolve(connection.start());
    } catch (e) {
      starting = Promise.reject(e);
    }
    starting.then(function () {
      startAttempts = 0;
      cameUp();
    }, function () {
      setStatus('offline');
      scheduleStart();
    });
  }

  function scheduleStart() {
    if (startPending) {
      return;
    }
    startPending = true;
    setTimeout(start, retryDelay(startAttempts++));
  }

  function cameUp() {
    live = true;
    epoch++;
    setStatus('live');
    // A new or resumed connection is in no group, and updates may have been missed: join everything again.
    topics.forEach(join);
  }

  function wentDown(next) {
    live = false;
    epoch++;
    setStatus(next);
  }

  function join(topic) {
    var joinedAt = epoch;
    var joining;
    try {
      joining = Promise.resolve(connection.invoke(topic.method, topic.id));
    } catch (e) {
      joining = Promise.reject(e);
    }
    joining.then(function (snapshot) {
      if (topics.get(topic.name) === topic) {
        deliver(topic, snapshot);
      }
    }, function (error) {
      // A join lost with the connection is made again when it comes back; only a refusal goes to the page.
      if (live && joinedAt === epoch && topics.get(topic.name) === topic) {
        topic.watches.slice().forEach(function (watch) {
          if (watch.onError) {
            safely(watch.onError, error);
          }
        });
      }
    });
  }

  function onUpdate(name, snapshot) {
    var topic = typeof name === 'string' ? topics.get(name) : undefined;
    if (topic) {
      deliver(topic, snapshot);
    }
  }

  function deliver(topic, snapshot) {
    // A copy, so a callback that ends its own watch does not make the next one skipped.
    topic.watches.slice().forEach(function (watch) {
      safely(watch.onSnapshot, snapshot, topic.name);
    });
  }

  function setStatus(next) {
    if (next === status) {
      return;
    }
    status = next;
    statusCallbacks.slice().forEach(function (callback) { safely(callback, next); });
  }

  // A page's callback that throws must not stop the others or this client; its error still reaches the console.
  function safely(callback, a, b) {
    try {
      callback(a, b);
    } catch (e) {
      setTimeout(function () { throw e; }, 0);
    }
  }

  var api = {
    watch: watch,
    unwatch: unwatch,
    onStatus: onStatus,
    configure: configure,
    topic: topicName
  };
  Object.defineProperty(api, 'status', { enumerable: true, get: function () { return status; } });
  root.EngagementLive = Object.freeze(api);
})(globalThis);
