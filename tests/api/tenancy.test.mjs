// tenancy.test.mjs - person-level data of one board is never visible to the
// users of another board, for every role (DESIGN.md section 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './harness.mjs';

let srv;
const users = {};
before(async () => {
  srv = await startServer();
  const emails = ['admin', 'coordinator', 'bestuurder.b1', 'hr.b1', 'hr.b2', 'schoolleider.b1', 'docent.b1', 'docent.b2'];
  for (const e of emails) users[e] = await client(srv.base, `${e}@demo.samen.nl`);
});
after(async () => { await srv.stop(); });

async function allPeople(c, query = '') {
  const out = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/v1/people?pagina=${page}${query}`);
    assert.equal(r.status, 200, r.text);
    out.push(...r.data.people);
    if (out.length >= r.data.total || r.data.people.length === 0) return { total: r.data.total, people: out };
  }
}

function boardOf(c) { return c.user.board_id; }

test('an HR adviser sees exactly their own board\'s staff', async () => {
  const hr = users['hr.b1'];
  const { total, people } = await allPeople(hr);
  const expected = Number(sql(srv.db, `SELECT COUNT(*) FROM employment WHERE board_id = ${boardOf(hr)}`));
  assert.equal(total, expected);
  assert.ok(total > 100);
  for (const p of people) assert.equal(p.board_id ?? boardOf(hr), boardOf(hr));
  const ids = new Set(people.map((p) => p.id));
  const other = sql(srv.db, `SELECT person_id FROM employment WHERE board_id = ${boardOf(users['hr.b2'])}
    AND person_id NOT IN (SELECT person_id FROM employment WHERE board_id = ${boardOf(hr)}) LIMIT 20`).split('\n').map(Number);
  for (const id of other) assert.ok(!ids.has(id), `person ${id} of another board leaked`);
});

test('executive and HR of one board are refused another board\'s list and people', async () => {
  for (const who of ['hr.b1', 'bestuurder.b1']) {
    const c = users[who];
    const otherBoard = boardOf(users['hr.b2']);
    const list = await c.get(`/api/v1/boards/${otherBoard}/people`);
    assert.equal(list.status, 403, who);
    assert.equal(list.data.error.code, 'forbidden');
    const page = await c.get(`/besturen/${otherBoard}/personeel`);
    assert.equal(page.status, 403, who);
    const someone = Number(sql(srv.db, `SELECT person_id FROM employment WHERE board_id = ${otherBoard}
      AND person_id NOT IN (SELECT person_id FROM employment WHERE board_id = ${boardOf(c)}) LIMIT 1`));
    assert.equal((await c.get(`/api/v1/people/${someone}`)).status, 403, who);
    assert.equal((await c.get(`/personen/${someone}`)).status, 403, who);
    assert.equal((await c.get(`/api/v1/boards/${boardOf(c)}/people`)).status, 200, who);
  }
});

test('a person employed by two boards shows each board only its own contract', async () => {
  const row = sql(srv.db, `SELECT e1.person_id, e1.board_id, e2.board_id FROM employment e1
    JOIN employment e2 ON e2.person_id = e1.person_id AND e2.board_id > e1.board_id LIMIT 1`);
  assert.ok(row, 'the demo region has people employed by two boards');
  const [pid, b1, b2] = row.split('|').map(Number);
  const hrOf = (b) => Object.values(users).find((c) => c.user.role === 'hr' && c.user.board_id === b);
  for (const b of [b1, b2]) {
    const hr = hrOf(b);
    if (!hr) continue;
    const r = await hr.get(`/api/v1/people/${pid}`);
    assert.equal(r.status, 200);
    assert.equal(r.data.employments.length, 1);
    assert.equal(r.data.employments[0].board_id, b);
  }
});

test('the coordinator sees aggregates but no person-level data', async () => {
  const c = users.coordinator;
  const list = await c.get('/api/v1/people');
  assert.equal(list.status, 200);
  assert.equal(list.data.total, 0);
  assert.equal(list.data.people.length, 0);
  const board = boardOf(users['hr.b1']);
  assert.equal((await c.get(`/api/v1/boards/${board}/people`)).status, 403);
  const someone = Number(sql(srv.db, 'SELECT person_id FROM employment LIMIT 1'));
  assert.equal((await c.get(`/api/v1/people/${someone}`)).status, 403);
  const ov = await c.get(`/api/v1/regions/${c.user.region_id}/overview`);
  assert.equal(ov.status, 200);
  assert.equal(ov.data.boards.length, 3);
  const heads = ov.data.boards.reduce((a, b) => a + b.headcount, 0);
  assert.ok(heads > 800);
  const school = ov.data.schools[0].id;
  const sc = await c.get(`/api/v1/schools/${school}`);
  assert.equal(sc.status, 200);
  assert.equal(sc.data.people, undefined, 'no people on a school for the coordinator');
});

test('a school leader sees only the people of their own school', async () => {
  const c = users['schoolleider.b1'];
  const { total, people } = await allPeople(c);
  const expected = Number(sql(srv.db, `SELECT COUNT(DISTINCT e.person_id) FROM assignment a JOIN employment e
    ON e.id = a.employment_id WHERE a.school_id = ${c.user.school_id} AND e.board_id = ${c.user.board_id}`));
  assert.equal(total, expected);
  const atSchool = new Set(sql(srv.db, `SELECT e.person_id FROM assignment a JOIN employment e ON e.id = a.employment_id
    WHERE a.school_id = ${c.user.school_id}`).split('\n').map(Number));
  for (const p of people) assert.ok(atSchool.has(p.id));
  const elsewhere = Number(sql(srv.db, `SELECT e.person_id FROM employment e WHERE e.board_id = ${c.user.board_id}
    AND e.person_id NOT IN (SELECT e2.person_id FROM assignment a JOIN employment e2 ON e2.id = a.employment_id
    WHERE a.school_id = ${c.user.school_id}) LIMIT 1`));
  assert.equal((await c.get(`/api/v1/people/${elsewhere}`)).status, 403);
  assert.equal((await c.get(`/api/v1/boards/${c.user.board_id}/people`)).status, 403);
  const other = await c.get(`/api/v1/people?school=${c.user.school_id + 1}`);
  assert.ok([400, 403].includes(other.status));
});

test('a staff member sees only themself', async () => {
  const c = users['docent.b1'];
  const list = await c.get('/api/v1/people');
  assert.equal(list.status, 200);
  assert.ok(list.data.people.length >= 1);
  for (const p of list.data.people) assert.equal(p.id, c.user.person_id);
  assert.equal((await c.get(`/api/v1/people/${c.user.person_id}`)).status, 200);
  const colleague = users['docent.b2'].user.person_id;
  assert.equal((await c.get(`/api/v1/people/${colleague}`)).status, 403);
  assert.equal((await c.get(`/api/v1/regions/${c.user.region_id}/overview`)).status, 403);
  assert.equal((await c.get(`/api/v1/boards/${c.user.board_id}/people`)).status, 403);
});

test('admin reads of person-level data are written to the audit log', async () => {
  const c = users.admin;
  const before = Number(sql(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read'"));
  const board = boardOf(users['hr.b1']);
  assert.equal((await c.get(`/api/v1/boards/${board}/people`)).status, 200);
  const someone = Number(sql(srv.db, `SELECT person_id FROM employment WHERE board_id = ${board} LIMIT 1`));
  assert.equal((await c.get(`/api/v1/people/${someone}`)).status, 200);
  const after = Number(sql(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read'"));
  assert.equal(after - before, 2);
  const last = sql(srv.db, "SELECT actor, object_id FROM audit_log WHERE action = 'read' ORDER BY id DESC LIMIT 1");
  assert.equal(last, `admin@demo.samen.nl|/api/v1/people/${someone}`);
});

test('reads inside one\'s own board are not flagged as cross-board', async () => {
  const before = Number(sql(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read'"));
  await users['hr.b1'].get(`/api/v1/boards/${boardOf(users['hr.b1'])}/people`);
  const after = Number(sql(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read'"));
  assert.equal(after, before);
});
