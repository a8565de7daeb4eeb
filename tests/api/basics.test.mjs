// basics.test.mjs - health, routing errors, limits and security headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, client } from './harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

test('health reports ok and the engine', async () => {
  const r = await fetch(srv.base + '/api/v1/health');
  assert.equal(r.status, 200);
  const body = await r.json();
  assert.equal(body.status, 'ok');
  assert.equal(body.database, process.env.SAMEN_TEST_PG ? 'postgresql' : 'sqlite');
});

test('every response carries the security headers', async () => {
  const r = await fetch(srv.base + '/aanmelden');
  const csp = r.headers.get('content-security-policy');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  assert.equal(r.headers.get('cache-control'), 'no-store');
});

test('unknown API route is a 404 with a JSON error', async () => {
  const r = await fetch(srv.base + '/api/v1/nothing-here');
  assert.equal(r.status, 404);
  assert.equal((await r.json()).error.code, 'not_found');
});

test('a known route with the wrong method is a 405', async () => {
  const r = await fetch(srv.base + '/api/v1/health', { method: 'PUT' });
  assert.equal(r.status, 405);
  assert.equal((await r.json()).error.code, 'method_not_allowed');
});

// Raw HTTP over a socket, so the test controls exactly what is sent.
function rawRequest(base, text, { body = null, chunks = 0 } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname, () => {
      sock.write(text);
      if (body) sock.write(body);
      for (let i = 0; i < chunks; i++) sock.write('10000\r\n' + 'y'.repeat(0x10000) + '\r\n');
      if (chunks) sock.write('0\r\n\r\n');
    });
    let data = '';
    sock.on('data', (d) => { data += d; if (/\r\n\r\n/.test(data) && data.includes('}}')) sock.end(); });
    sock.on('end', () => resolve(data));
    sock.on('close', () => resolve(data));
    sock.on('error', (e) => (data ? resolve(data) : reject(e)));
  });
}

test('a declared oversized body is refused with 413 before it is read', async () => {
  const head = 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${2 * 1024 * 1024}\r\n\r\n`;
  const res = await rawRequest(srv.base, head);
  assert.match(res, /^HTTP\/1\.1 413 /);
  assert.match(res, /"code":"too_large"/);
});

test('a chunked body that grows past the cap is refused with 413', async () => {
  const head = 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
    'Transfer-Encoding: chunked\r\n\r\n';
  const res = await rawRequest(srv.base, head, { chunks: 24 });
  assert.match(res, /^HTTP\/1\.1 413 /);
  assert.match(res, /"code":"too_large"/);
});

test('malformed JSON is a 400 naming the line', async () => {
  const r = await fetch(srv.base + '/api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{\n"email": "a@b.nl",\n"password": }',
  });
  assert.equal(r.status, 400);
  const e = (await r.json()).error;
  assert.equal(e.code, 'invalid_input');
  assert.equal(e.line, 3);
  assert.equal(e.field, 'body');
});

test('duplicate keys in JSON are refused', async () => {
  const r = await fetch(srv.base + '/api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: '{"email": "a@b.nl", "email": "c@d.nl", "password": "x"}',
  });
  assert.equal(r.status, 400);
});

test('static assets are served from the binary and path tricks find nothing', async () => {
  const css = await fetch(srv.base + '/static/css/samen.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /text\/css/);
  for (const p of ['/static/../meson.build', '/static/%2e%2e/meson.build', '/static/css/../../src/main.c']) {
    const r = await fetch(srv.base + p);
    assert.notEqual(r.status, 200, p);
  }
});

test('pages need a sign-in and send the user to the form', async () => {
  const r = await fetch(srv.base + '/besturen/1/personeel', { redirect: 'manual' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/aanmelden?terug=%2Fbesturen%2F1%2Fpersoneel');
  const api = await fetch(srv.base + '/api/v1/people');
  assert.equal(api.status, 401);
  assert.equal((await api.json()).error.code, 'unauthenticated');
});

test('the API sign-in needs a JSON body', async () => {
  const r = await fetch(srv.base + '/api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'email=admin%40demo.samen.nl&password=samen-demo-2026',
  });
  assert.equal(r.status, 400);
});

test('wrong password and unknown e-mail give the same 401', async () => {
  const post = (email, password) => fetch(srv.base + '/api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  const a = await post('hr.b1@demo.samen.nl', 'wrong-password-1');
  const b = await post('nobody@demo.samen.nl', 'wrong-password-1');
  assert.equal(a.status, 401);
  assert.equal(b.status, 401);
  assert.deepEqual(await a.json(), await b.json());
});

test('state-changing requests need the CSRF token; sign-out ends the session', async () => {
  const c = await client(srv.base, 'hr.b1@demo.samen.nl');
  const bad = await c.req('DELETE', '/api/v1/session', { headers: { 'X-CSRF-Token': 'forged' } });
  assert.equal(bad.status, 403);
  assert.equal(bad.data.error.code, 'csrf_failed');
  assert.equal((await c.get('/api/v1/session')).status, 200);
  const ok = await c.req('DELETE', '/api/v1/session');
  assert.equal(ok.status, 200);
  assert.equal((await c.get('/api/v1/session')).status, 401);
});

test('the session cookie is HttpOnly and SameSite=Strict', async () => {
  const r = await fetch(srv.base + '/api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.samen.nl', password: 'samen-demo-2026' }),
  });
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /^samen_session=[A-Za-z0-9_-]{43};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
});
