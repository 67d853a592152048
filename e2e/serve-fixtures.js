/*
 * Serves e2e/fixtures/ over http on localhost, so that the catalog import
 * page can read the fixture YAML files (app-config.yaml allows the backend to
 * read from localhost:8000). Started by scripts/e2e.sh; by hand:
 *
 *   node e2e/serve-fixtures.js [port]
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, 'fixtures');
const port = Number(process.argv[2] || process.env.E2E_FIXTURES_PORT || 8000);

const types = {
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function handler(req, res) {
  const { pathname } = new URL(req.url, 'http://localhost');
  const file = path.join(root, path.normalize(decodeURIComponent(pathname)));
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end('forbidden\n');
    return;
  }
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const type = types[path.extname(file)] || 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

// localhost may resolve to either address family: listen on both loopbacks,
// and on nothing else.
let listening = 0;
for (const host of ['127.0.0.1', '::1']) {
  const server = http.createServer(handler);
  server.on('error', err => {
    if (
      host === '::1' &&
      ['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(err.code)
    ) {
      return; // no IPv6 loopback on this machine
    }
    console.error(`serve-fixtures: ${host}:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    listening += 1;
    if (listening === 1) {
      console.log(`serve-fixtures: ${root} on http://localhost:${port}/`);
    }
  });
}
