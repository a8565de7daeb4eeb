// harness.mjs - starts a real `samen serve` for API tests.
//
// Each test file calls startServer() once: it creates a fresh database (a
// temporary SQLite file, or - when SAMEN_TEST_PG holds a postgres URL - a new
// PostgreSQL database on that server), fills it with the demo region through
// `samen demo`, starts `samen serve` on a free port and waits for
// /api/v1/health. SAMEN_BIN names the binary (default build/samen).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

export const BIN = resolve(process.env.SAMEN_BIN || 'build/samen');
export const PASSWORD = 'samen-demo-2026';
export const ENGINE = process.env.SAMEN_TEST_PG ? 'postgresql' : 'sqlite';

async function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function newDatabase() {
  if (!process.env.SAMEN_TEST_PG) {
    const dir = mkdtempSync(join(tmpdir(), 'samen-api-'));
    return { target: join(dir, 'samen.db'), drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new URL(process.env.SAMEN_TEST_PG);
  const name = `samen_t_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  execFileSync('psql', [admin.href, '-q', '-c', `CREATE DATABASE ${name}`]);
  const url = new URL(admin.href);
  url.pathname = '/' + name;
  return {
    target: url.href,
    drop: () => execFileSync('psql', [admin.href, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

export function samen(args, opts = {}) {
  return execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

export async function startServer({ demo = true, serveArgs = [] } = {}) {
  const db = newDatabase();
  if (demo) samen(['demo', '--db', db.target]);
  else samen(['init', '--db', db.target]);
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--db', db.target, '--port', String(port), '--quiet', ...serveArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(base + '/api/v1/health');
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (i > 100) throw new Error('server did not start: ' + stderr);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    db: db.target,
    stderr: () => stderr,
    async stop() {
      const exited = new Promise((r) => proc.on('exit', r));
      proc.kill('SIGTERM');
      await exited;
      db.drop();
    },
  };
}

// Run SQL against the test database (read-only checks such as the audit log).
export function sql(target, query) {
  if (target.startsWith('postgres')) {
    return execFileSync('psql', [target, '-At', '-F', '|', '-c', query], { encoding: 'utf8' }).trim();
  }
  return execFileSync('sqlite3', ['-separator', '|', target, query], { encoding: 'utf8' }).trim();
}

// A signed-in API client: keeps the session cookie and sends the CSRF token.
export async function client(base, email, password = PASSWORD) {
  const r = await fetch(base + '/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 201) throw new Error(`sign-in as ${email} failed: ${r.status} ${await r.text()}`);
  const body = await r.json();
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const c = {
    user: body.user,
    csrf: body.csrf_token,
    cookie,
    async req(method, path, { json, headers = {}, raw } = {}) {
      const h = { Cookie: cookie, ...headers };
      if (method !== 'GET' && !('X-CSRF-Token' in headers)) h['X-CSRF-Token'] = body.csrf_token;
      let payload = raw;
      if (json !== undefined) {
        h['Content-Type'] = 'application/json';
        payload = JSON.stringify(json);
      }
      const res = await fetch(base + path, { method, headers: h, body: payload, redirect: 'manual' });
      const text = await res.text();
      let data = null;
      try { data = JSON.parse(text); } catch { /* HTML or empty */ }
      return { status: res.status, headers: res.headers, text, data };
    },
    get(path, o) { return c.req('GET', path, o); },
  };
  return c;
}
