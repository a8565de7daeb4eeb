// split.test.mjs - story 1: splitting lessons off a help request into a new
// request that accepts under-qualified help.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './harness.mjs';

let srv, hr, other, req;
before(async () => {
  srv = await startServer();
  // The demo's lesson-based request (scheikunde havo 4-5) and its board's HR adviser.
  const row = sql(srv.db, `SELECT r.id, r.board_id FROM match_request r WHERE r.status = 'open'
    AND (SELECT COUNT(*) FROM match_request_lesson l WHERE l.request_id = r.id) >= 3 ORDER BY r.id LIMIT 1`);
  assert.ok(row, 'the demo has a lesson-based request');
  const [id, board] = row.split('|').map(Number);
  req = id;
  const email = sql(srv.db, `SELECT email FROM app_user WHERE role = 'hr' AND board_id = ${board}`);
  const otherEmail = sql(srv.db, `SELECT email FROM app_user WHERE role = 'hr' AND board_id <> ${board} ORDER BY id LIMIT 1`);
  hr = await client(srv.base, email);
  other = await client(srv.base, otherEmail);
});
after(async () => { await srv.stop(); });

const post = (c, path, fields) => fetch(srv.base + path, {
  method: 'POST', redirect: 'manual',
  headers: { Cookie: c.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: c.csrf, ...fields }),
});

const lessonsOf = (id) => sql(srv.db, `SELECT id FROM match_request_lesson WHERE request_id = ${id} ORDER BY weekday, period`)
  .split('\n').filter(Boolean).map(Number);
const hoursOf = (id) => Number(sql(srv.db, `SELECT hours_per_week FROM match_request WHERE id = ${id}`));

test('the requesting board splits two lessons off into a request that accepts under-qualified help', async () => {
  const page = await hr.get(`/hulp/${req}`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`action="/hulp/${req}/splitsen"`));
  const all = lessonsOf(req);
  const moved = all.slice(-2);
  const fields = { onderbevoegd: '1' };
  for (const l of moved) fields[`les_${l}`] = '1';
  const res = await post(hr, `/hulp/${req}/splitsen`, fields);
  assert.equal(res.status, 303, await res.text());
  const fresh = Number(res.headers.get('location').split('/').pop());
  assert.deepEqual(lessonsOf(fresh), moved);
  assert.deepEqual(lessonsOf(req), all.slice(0, -2));
  const row = sql(srv.db, `SELECT parent_id, accept_under, subject_code, status FROM match_request WHERE id = ${fresh}`);
  const parent = sql(srv.db, `SELECT subject_code FROM match_request WHERE id = ${req}`);
  assert.equal(row, `${req}|1|${parent}|open`);
  // Hours follow the lessons: lessons x 50 minutes (rule 14), in centi-hours.
  const minutes = Number(sql(srv.db, `SELECT COALESCE((SELECT lesson_minutes FROM match_school_setting ms
    WHERE ms.school_id = r.school_id), 50) FROM match_request r WHERE r.id = ${req}`));
  assert.equal(hoursOf(fresh), Math.floor((2 * minutes * 100) / 60));
  assert.equal(hoursOf(req), Math.floor(((all.length - 2) * minutes * 100) / 60));
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'match.request.split' AND object_id = '${req}'`), '1');
});

test('splits that make no sense, or by another board, are refused and change nothing', async () => {
  const before = lessonsOf(req);
  const all = {};
  for (const l of before) all[`les_${l}`] = '1';
  let res = await post(hr, `/hulp/${req}/splitsen`, all); // nothing would stay behind
  assert.equal(res.status, 400);
  res = await post(hr, `/hulp/${req}/splitsen`, {}); // nothing chosen
  assert.equal(res.status, 400);
  res = await post(other, `/hulp/${req}/splitsen`, { [`les_${before[0]}`]: '1' });
  assert.equal(res.status, 403);
  assert.deepEqual(lessonsOf(req), before);
});
