// mailer.test.mjs - `samen serve --smtp`: the web server e-mails pending
// notifications itself, once each, and keeps them when the relay is down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startServer, sql } from './harness.mjs';

// A tiny SMTP sink: accepts every message and keeps recipient and body.
function smtpSink() {
  const got = [];
  const server = createServer((sock) => {
    let buf = '';
    let data = false;
    let msg = { rcpt: '', body: '' };
    sock.write('220 sink ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      let i;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (data) {
          if (line === '.') { data = false; got.push(msg); msg = { rcpt: '', body: '' }; sock.write('250 queued\r\n'); }
          else msg.body += line + '\n';
        } else if (line.startsWith('EHLO')) sock.write('250-sink\r\n250 8BITMIME\r\n');
        else if (line.startsWith('RCPT TO:')) { msg.rcpt = line.slice(9, -1); sock.write('250 ok\r\n'); }
        else if (line === 'DATA') { data = true; sock.write('354 go on\r\n'); }
        else if (line === 'QUIT') sock.end('221 bye\r\n');
        else sock.write('250 ok\r\n');
      }
    });
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res({ server, got, port: server.address().port })));
}

const until = async (cond, ms = 8000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

function addNotification(db, text) {
  const person = Number(sql(db, "SELECT id FROM person WHERE email IS NOT NULL AND email <> '' ORDER BY id LIMIT 1"));
  sql(db, `INSERT INTO notification (person_id, kind, object_type, object_id, text, created_at)
    VALUES (${person}, 'offer.proposed', 'match_offer', '0', '${text}', '2026-11-24T12:00:00Z')`);
  return sql(db, `SELECT email FROM person WHERE id = ${person}`);
}

test('the server e-mails pending notifications through its relay, once each', async () => {
  const sink = await smtpSink();
  const srv = await startServer({ serveArgs: ['--smtp', `127.0.0.1:${sink.port}`, '--mail-from', 'samen@demo.samen.nl', '--mail-interval', '1'] });
  try {
    const pending = () => Number(sql(srv.db, `SELECT COUNT(*) FROM notification n JOIN person p ON p.id = n.person_id
      WHERE n.emailed_at IS NULL AND p.email IS NOT NULL AND p.email <> ''`));
    const email = addNotification(srv.db, 'Aanbod: scheikunde havo 4');
    assert.ok(await until(() => pending() === 0), 'everything pending was mailed');
    const mine = sink.got.filter((m) => m.rcpt === email && /scheikunde havo 4/.test(m.body));
    assert.equal(mine.length, 1);
    assert.match(mine[0].body, /From: .*samen@demo\.samen\.nl/);
    const total = sink.got.length;
    await new Promise((r) => setTimeout(r, 2500)); // two more rounds: nothing is sent twice
    assert.equal(sink.got.length, total);
  } finally {
    await srv.stop();
    sink.server.close();
  }
});

test('with the relay down the notification stays pending and the server keeps serving', async () => {
  const sink = await smtpSink();
  const port = sink.port;
  sink.server.close(); // nothing listens there now
  const srv = await startServer({ serveArgs: ['--smtp', `127.0.0.1:${port}`, '--mail-interval', '1'] });
  try {
    addNotification(srv.db, 'Aanbod: blijft staan');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(sql(srv.db, "SELECT COUNT(*) FROM notification WHERE text = 'Aanbod: blijft staan' AND emailed_at IS NULL"), '1');
    assert.equal((await fetch(srv.base + '/api/v1/health')).status, 200);
    assert.match(srv.stderr(), /"event":"mailer"/);
  } finally {
    await srv.stop();
  }
});
