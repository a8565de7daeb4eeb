// staff.test.mjs - the staff list: filters, sorting, paging, bad filters,
// and the HTML pages a board's HR adviser uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './harness.mjs';

let srv, hr, board;
before(async () => {
  srv = await startServer();
  hr = await client(srv.base, 'hr.b1@demo.samen.nl');
  board = hr.user.board_id;
});
after(async () => { await srv.stop(); });

async function all(path) {
  const out = [];
  for (let page = 1; ; page++) {
    const r = await hr.get(`${path}${path.includes('?') ? '&' : '?'}pagina=${page}`);
    assert.equal(r.status, 200, r.text);
    out.push(...r.data.people);
    if (out.length >= r.data.total || r.data.people.length === 0) return { total: r.data.total, people: out };
  }
}

test('the subject filter returns exactly the people qualified in that subject', async () => {
  const { total, people } = await all(`/api/v1/boards/${board}/people?vak=wi`);
  const expected = Number(sql(srv.db, `SELECT COUNT(DISTINCT e.person_id) FROM employment e JOIN qualification q
    ON q.person_id = e.person_id WHERE e.board_id = ${board} AND q.subject_code = 'wi'`));
  assert.equal(total, expected);
  assert.ok(total > 0);
  for (const p of people) assert.ok(p.qualifications.some((q) => q.subject === 'wi'), p.last_name);
});

test('age bands partition the staff', async () => {
  const bands = ['<30', '30-44', '45-54', '55-59', '60+'];
  const limits = { '<30': [0, 29], '30-44': [30, 44], '45-54': [45, 54], '55-59': [55, 59], '60+': [60, 200] };
  let sum = 0;
  for (const b of bands) {
    const { total, people } = await all(`/api/v1/boards/${board}/people?leeftijd=${encodeURIComponent(b)}`);
    sum += total;
    for (const p of people) assert.ok(p.age >= limits[b][0] && p.age <= limits[b][1], `${b}: ${p.age}`);
  }
  const everyone = (await hr.get(`/api/v1/boards/${board}/people`)).data.total;
  assert.equal(sum, everyone);
});

test('contract and school filters combine', async () => {
  const school = Number(sql(srv.db, `SELECT id FROM school WHERE board_id = ${board} ORDER BY id LIMIT 1`));
  const { total, people } = await all(`/api/v1/boards/${board}/people?contract=tijdelijk&school=${school}`);
  const expected = Number(sql(srv.db, `SELECT COUNT(DISTINCT e.person_id) FROM employment e
    JOIN contract c ON c.employment_id = e.id JOIN assignment a ON a.employment_id = e.id
    WHERE e.board_id = ${board} AND c.kind = 'tijdelijk' AND a.school_id = ${school}`));
  assert.equal(total, expected);
  for (const p of people) {
    assert.equal(p.contract, 'tijdelijk');
    assert.ok(p.end_date, 'temporary contracts have an end date');
  }
});

test('sorting by age and by fte, both directions', async () => {
  const up = (await hr.get(`/api/v1/boards/${board}/people?sort=leeftijd`)).data.people.map((p) => p.birth_date);
  const down = (await hr.get(`/api/v1/boards/${board}/people?sort=leeftijd&richting=af`)).data.people.map((p) => p.birth_date);
  assert.deepEqual(up, [...up].sort().reverse(), 'youngest first');
  assert.deepEqual(down, [...down].sort(), 'oldest first');
  const fte = (await hr.get(`/api/v1/boards/${board}/people?sort=fte&richting=af`)).data.people.map((p) => p.fte);
  for (let i = 1; i < fte.length; i++) assert.ok(fte[i - 1] >= fte[i]);
});

test('fte is hours per year / 1659', async () => {
  const { people } = await all(`/api/v1/boards/${board}/people?sort=naam`);
  for (const p of people.slice(0, 50)) assert.ok(Math.abs(p.fte - p.hours_per_year / 1659) < 1e-9);
});

test('paging covers everyone once', async () => {
  const { total, people } = await all(`/api/v1/boards/${board}/people?sort=naam`);
  assert.equal(people.length, total);
  assert.equal(new Set(people.map((p) => p.id)).size, total);
});

test('bad filter values are refused naming the parameter', async () => {
  const cases = [['vak=xx', 'vak'], ['leeftijd=20-25', 'leeftijd'], ['contract=flex', 'contract'],
    ['school=abc', 'school'], ['sort=salaris', 'sort'], ['pagina=0', 'pagina'], ['richting=x', 'richting']];
  for (const [q, field] of cases) {
    const r = await hr.get(`/api/v1/boards/${board}/people?${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.data.error.field, field, q);
  }
  const otherSchool = Number(sql(srv.db, `SELECT id FROM school WHERE board_id <> ${board} LIMIT 1`));
  const r = await hr.get(`/api/v1/boards/${board}/people?school=${otherSchool}`);
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'school');
});

test('HTML: sign-in form, staff list with filters, person and school pages', async () => {
  // The form sets a double-submit cookie that the POST must repeat.
  const form = await fetch(srv.base + '/aanmelden');
  const pre = form.headers.get('set-cookie').split(';')[0];
  const token = (await form.text()).match(/name="pre" value="([^"]+)"/)[1];
  const forged = await fetch(srv.base + '/aanmelden', {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: pre },
    body: new URLSearchParams({ pre: 'x'.repeat(32), email: 'hr.b1@demo.samen.nl', password: 'samen-demo-2026' }),
  });
  assert.equal(forged.status, 403);
  const wrong = await fetch(srv.base + '/aanmelden', {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: pre },
    body: new URLSearchParams({ pre: token, email: 'hr.b1@demo.samen.nl', password: 'nope-nope-nope' }),
  });
  assert.equal(wrong.status, 401);
  assert.match(await wrong.text(), /Het e-mailadres of het wachtwoord klopt niet/);
  const ok = await fetch(srv.base + '/aanmelden', {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: pre },
    body: new URLSearchParams({ pre: token, email: 'hr.b1@demo.samen.nl', password: 'samen-demo-2026', terug: `/besturen/${board}/personeel` }),
  });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), `/besturen/${board}/personeel`);
  const cookie = ok.headers.get('set-cookie').split(';')[0];
  const page = await fetch(srv.base + `/besturen/${board}/personeel?vak=sk&sort=leeftijd`, { headers: { Cookie: cookie } });
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<html lang="nl"/);
  assert.match(html, /<option value="sk" selected>Scheikunde<\/option>/);
  const rows = html.match(/<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row"><a/g) || [];
  const expected = Number(sql(srv.db, `SELECT COUNT(DISTINCT e.person_id) FROM employment e JOIN qualification q
    ON q.person_id = e.person_id WHERE e.board_id = ${board} AND q.subject_code = 'sk'`));
  assert.equal(rows.length, Math.min(expected, 100));
  const person = html.match(/href="\/personen\/(\d+)"/)[1];
  const pp = await fetch(srv.base + `/personen/${person}`, { headers: { Cookie: cookie } });
  assert.equal(pp.status, 200);
  assert.match(await pp.text(), /Bevoegdheden/);
  const en = await fetch(srv.base + `/personen/${person}`, { headers: { Cookie: `${cookie}; samen_lang=en` } });
  assert.match(await en.text(), /<html lang="en"[\s\S]*Qualifications/);
  const school = Number(sql(srv.db, `SELECT id FROM school WHERE board_id = ${board} LIMIT 1`));
  const sp = await fetch(srv.base + `/scholen/${school}`, { headers: { Cookie: cookie } });
  assert.equal(sp.status, 200);
  assert.match(await sp.text(), /Personeel op deze locatie/);
  // A forged form post without the CSRF field is refused.
  const out = await fetch(srv.base + '/afmelden', { method: 'POST', redirect: 'manual', headers: { Cookie: cookie } });
  assert.equal(out.status, 403);
});

test('the staff list exports as CSV and XLSX with the same filter, and the export is audited', async () => {
  const total = (await hr.get(`/api/v1/boards/${board}/people?vak=du`)).data.total;
  const before = Number(sql(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'export'"));
  const csv = await hr.get(`/besturen/${board}/personeel/export?formaat=csv&vak=du`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /^attachment; filename="personeel-\d+-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0].split(';')[0], 'personeelsnummer');
  assert.equal(lines.length - 1, total);
  for (const l of lines.slice(1)) assert.match(l, /du:/);
  const res = await fetch(srv.base + `/besturen/${board}/personeel/export?formaat=xlsx`, { headers: { Cookie: hr.cookie } });
  assert.equal(res.status, 200);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const after = Number(sql(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'export'"));
  assert.equal(after - before, 2);
  assert.equal((await hr.get(`/besturen/${board}/personeel/export?formaat=pdf`)).status, 400);
});

test('the region overview exports for the coordinator; the staff export is refused', async () => {
  const c = await client(srv.base, 'coordinator@demo.samen.nl');
  const r = await c.get(`/regio/${c.user.region_id}/export?formaat=csv`);
  assert.equal(r.status, 200);
  const lines = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  const schools = Number(sql(srv.db, `SELECT COUNT(*) FROM school s JOIN board b ON b.id = s.board_id WHERE b.region_id = ${c.user.region_id}`));
  assert.equal(lines.length - 1, schools);
  assert.equal((await c.get(`/besturen/${board}/personeel/export?formaat=csv`)).status, 403);
});

test('names sort on the surname without its tussenvoegsel', async () => {
  const { people } = await all(`/api/v1/boards/${board}/people?sort=naam`);
  const key = (n) => n.toLowerCase().replace(/^((van|von|de|den|der|des|het|te|ter|ten|in|op|uit|aan|'t) )+/, '');
  const keys = people.map((p) => key(p.last_name));
  for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1] <= keys[i], `${keys[i - 1]} before ${keys[i]}`);
  const withPrefix = people.filter((p) => /^(van|de) /.test(p.last_name));
  assert.ok(withPrefix.length > 0, 'the demo has surnames with a tussenvoegsel');
});

test('the region total counts a person employed by two boards once', async () => {
  const c = await client(srv.base, 'coordinator@demo.samen.nl');
  const ov = await c.get(`/api/v1/regions/${c.user.region_id}/overview`);
  const byBoard = ov.data.boards.reduce((a, b) => a + b.headcount, 0);
  const distinct = Number(sql(srv.db, 'SELECT COUNT(DISTINCT person_id) FROM employment'));
  const twice = Number(sql(srv.db, 'SELECT COUNT(*) FROM (SELECT person_id FROM employment GROUP BY person_id HAVING COUNT(*) > 1) t'));
  assert.ok(twice > 0);
  assert.equal(ov.data.totals.headcount, distinct);
  assert.equal(byBoard, distinct + twice);
  const page = await c.get(`/regio/${c.user.region_id}`);
  assert.match(page.text, new RegExp(`<dd class="samen-stat__value">${distinct}</dd>`));
});
