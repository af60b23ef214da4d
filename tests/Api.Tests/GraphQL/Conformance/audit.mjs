// Runs graphql-http's server audits against the GraphQL endpoint at the URL given as the only argument and prints
// one JSON array: for each audit its id, name, requirement (MUST, SHOULD or MAY), status and, when it failed, the reason
// with the response's status and body, so the .NET test can say what went wrong without rerunning anything.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

const results = [];
// One audit at a time: the host under test shares two cores with the rest of the test run.
for (const audit of serverAudits({ url })) {
  const requirement = audit.name.split(' ', 1)[0];
  let result;
  try {
    result = await audit.fn();
  } catch (error) {
    // graphql-http throws only when an audit cannot run at all (the server is unreachable, say).
    results.push({ id: audit.id, name: audit.name, requirement, status: 'error', reason: `The audit could not run: ${error}` });
    continue;
  }
  const entry = { id: result.id, name: result.name, requirement, status: result.status };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    entry.responseStatus = result.response.status;
    entry.responseBody = await result.response.text().catch(() => '');
  }
  results.push(entry);
}
process.stdout.write(JSON.stringify(results));
