// Mounts GraphiQL on #graphiql against this origin's /graphql endpoint. It is a file rather than an inline script
// so that the page works under a Content-Security-Policy without 'unsafe-inline'.
(function () {
  'use strict';

  var endpoint = '/graphql';
  var container = document.getElementById('graphiql');

  if (typeof GraphiQL === 'undefined' || typeof React === 'undefined' || typeof ReactDOM === 'undefined') {
    container.textContent = 'GraphiQL could not load its scripts from /assets. The API still answers POST requests to /graphql.';
    return;
  }

  async function fetcher(params, options) {
    // Headers typed in GraphiQL's header editor (an API token, say) go along, but never replace ours.
    var headers = new Headers(options && options.headers);
    headers.set('accept', 'application/graphql-response+json, application/json');
    headers.set('content-type', 'application/json');
    // A cross-site form cannot send this header, and cross-origin script must pass a CORS preflight to send it,
    // so the API can tell this page's cookie-authenticated requests from forged ones.
    headers.set('X-Requested-With', 'GraphiQL');

    var response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(params)
    });
    var type = response.headers.get('content-type') || '';
    if (type.indexOf('json') !== -1) {
      return response.json();
    }
    // A proxy's error page or a rate limiter's text reads better as a GraphQL error than as a JSON parse failure.
    var text = await response.text();
    return { errors: [{ message: 'HTTP ' + response.status + ': ' + text.slice(0, 500) }] };
  }

  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true })
  );
})();
