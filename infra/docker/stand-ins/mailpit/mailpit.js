#!/usr/local/bin/node
'use strict';
/**
 * Stand-in for axllent/mailpit's /mailpit binary, for `npm run test:compose` only (see contract.yml).
 * What docker-compose.yml relies on: SMTP on :1025 accepting any message without TLS or auth, the web
 * server on :8025 with /readyz, `/mailpit readyz` exiting 0 once that answers 200, MP_DATABASE as the
 * place messages are kept (a JSON-lines file here; Mailpit's is SQLite) and MP_MAX_MESSAGES pruning.
 * Plus the part of Mailpit's REST API the test reads: GET /api/v1/messages (newest first, summaries).
 */
const http = require('node:http');
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');

const env = process.env;
const uiListen = env.MP_UI_BIND_ADDR || '[::]:8025';
const smtpListen = env.MP_SMTP_BIND_ADDR || '[::]:1025';
const maxMessages = Number(env.MP_MAX_MESSAGES || 500);
const database = env.MP_DATABASE || '';

/** `host:port` or `[v6]:port` into listen/connect arguments. */
function address(listen) {
  const match = /^(?:\[([^\]]*)\]|([^:]*)):(\d+)$/.exec(listen);
  if (!match) throw new Error(`unsupported bind address ${listen}`);
  return { host: match[1] ?? match[2] ?? '', port: Number(match[3]) };
}

function readyz() {
  // Like Mailpit's readyz command: GET http://<MP_UI_BIND_ADDR>/readyz, exit 0 on a 200.
  const { host, port } = address(uiListen);
  const target = !host || host === '::' || host === '0.0.0.0' ? '127.0.0.1' : host;
  const request = http.get({ host: target, port, path: '/readyz', timeout: 5000 }, (response) => {
    response.resume();
    process.exit(response.statusCode === 200 ? 0 : 1);
  });
  request.on('timeout', () => request.destroy(new Error('timeout')));
  request.on('error', () => process.exit(1));
}

/** RFC 2047 encoded words (=?utf-8?B?...?= and =?utf-8?Q?...?=), as nodemailer writes non-ASCII headers. */
function decodeWords(value) {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_, _charset, encoding, text) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function headers(raw) {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const result = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      result[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return result;
}

function addresses(list) {
  return (list || '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(.*)<([^>]+)>$/.exec(entry);
      return match
        ? { Name: match[1].trim().replace(/^"|"$/g, ''), Address: match[2] }
        : { Name: '', Address: entry };
    });
}

function serve() {
  const { SMTPServer } = require('smtp-server');
  const messages = [];
  if (database && fs.existsSync(database))
    for (const line of fs.readFileSync(database, 'utf8').split('\n'))
      if (line) messages.push(JSON.parse(line));

  const store = (raw) => {
    const h = headers(raw);
    const body = raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n');
    const message = {
      ID: randomUUID(),
      MessageID: (h['message-id'] || '').replace(/^<|>$/g, ''),
      From: addresses(h.from)[0] ?? { Name: '', Address: '' },
      To: addresses(h.to),
      Subject: h.subject || '',
      Created: new Date().toISOString(),
      Size: Buffer.byteLength(raw),
      Snippet: body.replace(/\s+/g, ' ').trim().slice(0, 250),
    };
    messages.push(message);
    while (messages.length > maxMessages) messages.shift();
    if (database) fs.writeFileSync(database, messages.map((m) => JSON.stringify(m) + '\n').join(''));
    console.log(
      `saved message ${message.ID} to ${message.To.map((t) => t.Address).join(', ')}: ${message.Subject}`,
    );
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        store(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  const smtpAddress = address(smtpListen);
  smtp.listen(smtpAddress.port, smtpAddress.host || undefined);

  const web = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://mailpit');
    const json = (status, value) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (url.pathname === '/readyz' || url.pathname === '/livez') return response.end('ok');
    if (request.method === 'GET' && url.pathname === '/api/v1/messages') {
      const newest = [...messages].reverse();
      return json(200, {
        total: messages.length,
        unread: messages.length,
        count: newest.length,
        start: 0,
        messages: newest,
      });
    }
    json(404, { error: 'not found (stand-in: only /readyz, /livez and GET /api/v1/messages)' });
  });
  const webAddress = address(uiListen);
  web.listen(webAddress.port, webAddress.host || undefined);
  console.log(
    `stand-in mailpit: SMTP on ${smtpListen}, web on ${uiListen}, ${messages.length} stored messages`,
  );

  const stop = () => {
    web.close();
    smtp.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const command = process.argv[2];
if (command === 'readyz') readyz();
else if (command === undefined) serve();
else {
  console.error(`stand-in mailpit: unsupported command ${command} (only none, to serve, and readyz)`);
  process.exit(2);
}
