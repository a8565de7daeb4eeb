// timetable.test.mjs - the timetable settings of a school and the matching
// settings of a region, on the screens and through the API (issue 4; docs/match.md):
// who may see and change them, refusals of bad bell schedules, all-or-nothing
// uploads of Untis/Zermelo exports and travel times with line and field in
// every error, dry runs, oversized bodies, and the `samen match-settings` command.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { startServer, client, sql, samen } from './harness.mjs';

const FX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'timetable');
const fx = (name) => readFileSync(join(FX, name), 'utf8');
const TEN = '1=08:30-09:20,2=09:20-10:10,3=10:10-11:00,4=11:15-12:05,5=12:05-12:55,'
  + '6=13:25-14:15,7=14:15-15:05,8=15:05-15:55,9=15:55-16:45,10=16:45-17:35';

let srv, admin, coord, leader1, leader2, hr1, hr2, exec1, staff1, kn, kn01, region, codesCsv;

const lessons = (school, where = "IN ('untis','zermelo')") =>
  Number(sql(srv.db, `SELECT COUNT(*) FROM match_lesson WHERE school_id = ${school} AND source ${where}`));
const periods = (school) => Number(sql(srv.db, `SELECT COUNT(*) FROM school_period WHERE school_id = ${school}`));

before(async () => {
  srv = await startServer();
  admin = await client(srv.base, 'admin@demo.samen.nl');
  coord = await client(srv.base, 'coordinator@demo.samen.nl');
  leader1 = await client(srv.base, 'schoolleider.b1@demo.samen.nl');
  leader2 = await client(srv.base, 'schoolleider.b2@demo.samen.nl');
  hr1 = await client(srv.base, 'hr.b1@demo.samen.nl');
  hr2 = await client(srv.base, 'hr.b2@demo.samen.nl');
  exec1 = await client(srv.base, 'bestuurder.b1@demo.samen.nl');
  staff1 = await client(srv.base, 'docent.b1@demo.samen.nl');
  kn = leader1.user.school_id;
  kn01 = Number(sql(srv.db, "SELECT id FROM school WHERE brin = '31KN' AND vestiging = '01'"));
  region = coord.user.region_id;
  const emp = sql(srv.db, `SELECT employee_number FROM employment WHERE board_id = ${leader1.user.board_id}
    ORDER BY employee_number LIMIT 8`).split('\n');
  const codes = ['BAK', 'DEV', 'EKS', 'JAN', 'HER', 'SMI', 'kzp', 'abc'];
  codesCsv = 'code;personeelsnummer\n' + codes.map((c, i) => `${c};${emp[i]}`).join('\n') + '\n';
});
after(async () => { await srv.stop(); });

// A multipart POST with the session cookie (and the CSRF token as header or form field).
async function upload(c, path, parts, { csrfField = false } = {}) {
  const form = new FormData();
  if (csrfField) form.append('csrf', c.csrf);
  for (const [name, value, filename] of parts) {
    if (filename) form.append(name, new Blob([value], { type: 'text/plain' }), filename);
    else form.append(name, value);
  }
  const headers = { Cookie: c.cookie };
  if (!csrfField) headers['X-CSRF-Token'] = c.csrf;
  const res = await fetch(srv.base + path, { method: 'POST', body: form, headers, redirect: 'manual' });
  const text = await res.text();
  let data = null;
  try { data = JSON.parse(text); } catch { /* HTML */ }
  return { status: res.status, text, data, headers: res.headers };
}

// Raw HTTP over a socket (the body is never sent: the declared length is refused first).
function rawRequest(base, text) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname, () => sock.write(text));
    let data = '';
    sock.on('data', (d) => { data += d; if (/\r\n\r\n/.test(data) && data.includes('}}')) sock.end(); });
    sock.on('end', () => resolve(data));
    sock.on('close', () => resolve(data));
    sock.on('error', (e) => (data ? resolve(data) : reject(e)));
  });
}

// A urlencoded form POST as a browser sends it.
async function postForm(c, path, fields) {
  const body = new URLSearchParams({ csrf: c.csrf, ...fields });
  const res = await fetch(srv.base + path, {
    method: 'POST', body, redirect: 'manual',
    headers: { Cookie: c.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

test('who may see and change a school timetable: its leader, its board HR/executive, admin', async () => {
  for (const c of [leader1, hr1, exec1, admin]) {
    const r = await c.get(`/api/v1/schools/${kn}/bells`);
    assert.equal(r.status, 200, `${c.user.email}: ${r.text}`);
    assert.equal(r.data.periods.length, periods(kn));
    assert.equal((await c.get(`/scholen/${kn}/rooster`)).status, 200);
  }
  // The leader of another school of the same board, another board's leader and HR,
  // a teacher and the coordinator: 403, on the page, the API and every change.
  const others = [[leader1, kn01], [leader2, kn], [hr2, kn], [staff1, kn], [coord, kn]];
  for (const [c, school] of others) {
    const who = `${c.user.email} on school ${school}`;
    assert.equal((await c.get(`/api/v1/schools/${school}/bells`)).status, 403, who);
    assert.equal((await c.get(`/scholen/${school}/rooster`)).status, 403, who);
    assert.equal((await c.get(`/api/v1/schools/${school}/teacher-codes`)).status, 403, who);
    const put = await c.req('PUT', `/api/v1/schools/${school}/bells`, { json: { schedule: '1=08:00-08:45' } });
    assert.equal(put.status, 403, who);
    const up = await upload(c, `/api/v1/schools/${school}/timetable/import`,
      [['gpu001', fx('gpu001_utf8_lf.txt'), 'GPU001.TXT'], ['gpu004', fx('gpu004_utf8_lf.txt'), 'GPU004.TXT']]);
    assert.equal(up.status, 403, who);
    const form = await postForm(c, `/scholen/${school}/rooster/codes`, { code: 'XX', personeelsnummer: '100000' });
    assert.equal(form.status, 403, who);
  }
  assert.ok(periods(kn01) > 1, 'the refused PUT left the other school alone');
  assert.equal(Number(sql(srv.db, 'SELECT COUNT(*) FROM teacher_code')), 0);
});

test('bell schedule: bad periods, overlaps and bad times are refused and nothing changes', async () => {
  const before = (await leader1.get(`/api/v1/schools/${kn}/bells`)).data;
  const cases = [
    [{ periods: [{ period: 1, start: '08:30', end: '09:20' }, { period: 3, start: '09:20', end: '10:10' }] },
      /item 2: periods must be numbered 1, 2, 3/],
    [{ periods: [{ period: 0, start: '08:30', end: '09:20' }] }, /item 1/],
    [{ schedule: Array.from({ length: 17 }, (_, i) => `${i + 1}=${String(6 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}-${String(6 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '59' : '29'}`).join(',') }, /item 17: more than 16 periods/],
    [{ schedule: '1=08:30-09:20,2=09:10-10:00' }, /period 2 starts before period 1 ends/],
    [{ periods: [{ period: 1, start: '8:3x', end: '09:20' }] }, /bad start time|time/],
    [{ periods: [{ period: 1, start: '09:20', end: '08:30' }] }, /start|end/],
    [{ schedule: '1=08:30-09:20', lesson_minutes: 5 }, /lesson_minutes/],
    [{ schedule: '1=08:30-09:20', teaching_cap: 2000 }, /teaching_cap/],
    [{}, /periods/],
  ];
  for (const [body, re] of cases) {
    const r = await leader1.req('PUT', `/api/v1/schools/${kn}/bells`, { json: body });
    assert.equal(r.status, 400, JSON.stringify(body) + ' ' + r.text);
    assert.match(r.data.error.message + ' ' + (r.data.error.field || ''), re, JSON.stringify(body));
    assert.ok(r.data.error.field, 'the error names its field');
  }
  assert.deepEqual((await leader1.get(`/api/v1/schools/${kn}/bells`)).data, before);

  // The screen: the same refusal on the form, the rows kept as typed.
  const bad = await postForm(leader1, `/scholen/${kn}/rooster`, {
    rijen: '3', uur1: '1', begin1: '08:30', eind1: '09:20', uur2: '2', begin2: '09:10', eind2: '10:00',
    uur3: '', begin3: '', eind3: '', lesduur: '50', lesnorm: '720',
  });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /period 2 starts before period 1 ends/);
  assert.match(bad.text, /value="09:10"/);
  assert.deepEqual((await leader1.get(`/api/v1/schools/${kn}/bells`)).data, before);

  // A good schedule through the form (empty rows skipped, "8:00" and "8.45" read as times),
  // then ten periods through the API.
  const good = await postForm(leader1, `/scholen/${kn}/rooster`, {
    rijen: '4', uur1: '1', begin1: '8:00', eind1: '8.45', uur2: '2', begin2: '08:45', eind2: '09:30',
    uur3: '', begin3: '', eind3: '', uur4: '', begin4: '', eind4: '', lesduur: '45', lesnorm: '750,5',
  });
  assert.equal(good.status, 303, good.text);
  const mid = (await hr1.get(`/api/v1/schools/${kn}/bells`)).data;
  assert.equal(mid.schedule, '1=08:00-08:45,2=08:45-09:30,lesson=45');
  assert.equal(mid.teaching_cap, 750.5);
  const put = await exec1.req('PUT', `/api/v1/schools/${kn}/bells`, {
    json: { schedule: TEN, lesson_minutes: 50, teaching_cap: 750 },
  });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.data.periods.length, 10);
  assert.deepEqual(put.data.periods[3], { period: 4, start: '11:15', end: '12:05' });
  assert.equal(periods(kn), 10);
  assert.match(sql(srv.db, "SELECT detail FROM audit_log WHERE action = 'timetable.settings' ORDER BY id DESC LIMIT 1"), /10=16:45-17:35/);
});

test('timetable upload: all or nothing, every error with its file, line and field', async () => {
  const url = `/api/v1/schools/${kn}/timetable/import`;
  const g1 = fx('gpu001_utf8_lf.txt'), g4 = fx('gpu004_utf8_lf.txt');
  // Unknown codes (no codes known yet): refused naming the GPU001 line, nothing written.
  let r = await leader1.req('POST', url, { json: { gpu001: g1, gpu004: g4 } });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.data.error.file, 'gpu001');
  assert.ok(r.data.problems.some((p) => p.line === 7 && p.field === 'teacher' && /JAN/.test(p.message)), r.text);
  assert.equal(lessons(kn), 0);

  // A dry run with the codes: figures of a real import, nothing stored (codes neither).
  r = await upload(leader1, url, [['gpu001', g1, 'GPU001.TXT'], ['gpu004', g4, 'GPU004.TXT'],
    ['codes', codesCsv, 'codes.csv'], ['dry_run', '1']]);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.data.dry_run, r.data.lessons, r.data.teachers, r.data.codes], [true, 5, 4, 8]);
  assert.equal(lessons(kn), 0);
  assert.equal(Number(sql(srv.db, 'SELECT COUNT(*) FROM teacher_code')), 0);

  // The real import (multipart): 5 lessons of 4 teachers, 8 codes.
  r = await upload(leader1, url, [['gpu001', g1, 'GPU001.TXT'], ['gpu004', g4, 'GPU004.TXT'],
    ['codes', codesCsv, 'codes.csv']]);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.data.source, r.data.lessons, r.data.teachers, r.data.codes, r.data.replaced],
    ['untis', 5, 4, 8, 0]);
  assert.equal(lessons(kn), 5);
  const demoLessons = lessons(kn, "= 'demo'");

  // Broken uploads: each refused with its file, line and field; the 5 lessons stay.
  const broken = [
    [{ gpu001: fx('gpu001_period12.txt'), gpu004: g4 }, 'gpu001', 1, 'stunde', /period 12 is outside the bell schedule/],
    [{ gpu001: fx('gpu001_overlap.txt'), gpu004: g4 }, 'gpu001', null, 'stunde', /two lessons at the same time/],
    [{ gpu001: fx('gpu001_malformed.txt'), gpu004: g4 }, 'gpu001', null, null, /./],
    [{ gpu001: g1, gpu004: g4, codes: 'code;personeelsnummer\nBAK;999999\n' }, 'codes', 2, 'personeelsnummer', /no employee 999999/],
    [{ gpu001: g1, gpu004: g4, codes: 'BAK;1\nBAK;2\n' }, 'codes', 2, 'code', /also on line 1/],
    [{ zermelo: fx('zermelo_faulty.json') }, 'zermelo', null, /^data\[\d+\]\./, /./],
    [{ zermelo: '{"response": ' }, 'zermelo', 1, 'json', /./],
    [{ gpu001: g1 }, '', null, 'gpu004', /GPU004/],
  ];
  for (const [body, file, line, field, re] of broken) {
    const res = await leader1.req('POST', url, { json: body });
    const what = JSON.stringify(body).slice(0, 80);
    assert.equal(res.status, 400, what + ' ' + res.text);
    assert.equal(res.data.error.file || '', file, what);
    assert.ok(res.data.problems.length >= 1 && res.data.problems_total >= res.data.problems.length, what);
    const p = res.data.problems[0];
    if (line !== null) assert.equal(p.line, line, what + ' ' + res.text);
    if (field instanceof RegExp) assert.match(p.field, field, what);
    else if (field !== null) assert.equal(p.field, field, what + ' ' + res.text);
    assert.match(p.message, re, what);
    assert.equal(lessons(kn), 5, 'earlier lessons still there after ' + what);
    assert.equal(lessons(kn, "= 'demo'"), demoLessons);
  }
  assert.equal(Number(sql(srv.db, 'SELECT COUNT(*) FROM teacher_code')), 8, 'no codes written by refusals');

  // Bytes that are no text (sent as a file, not in JSON): refused naming GPU004's line and field.
  const enc = await upload(leader1, url, [['gpu001', g1, 'GPU001.TXT'],
    ['gpu004', readFileSync(join(FX, 'gpu004_broken_encoding.txt')), 'GPU004.TXT']]);
  assert.equal(enc.status, 400, enc.text);
  assert.equal(enc.data.error.file, 'gpu004');
  assert.equal(enc.data.problems[0].field, 'encoding');
  assert.ok(enc.data.problems[0].line >= 1);
  assert.equal(lessons(kn), 5);

  // The screen shows every problem with line and field, and stores nothing.
  const page = await upload(leader1, `/scholen/${kn}/rooster/import`,
    [['gpu001', fx('gpu001_period12.txt'), 'GPU001.TXT'], ['gpu004', g4, 'GPU004.TXT']], { csrfField: true });
  assert.equal(page.status, 400);
  assert.match(page.text, /gpu001, regel 1, veld stunde: period 12 is outside the bell schedule/);
  assert.equal(lessons(kn), 5);
  // ... and the result of a good upload (check only).
  const ok = await upload(leader1, `/scholen/${kn}/rooster/import`,
    [['gpu001', g1, 'GPU001.TXT'], ['gpu004', g4, 'GPU004.TXT'], ['controle', '1']], { csrfField: true });
  assert.equal(ok.status, 200, ok.text);
  assert.match(ok.text, /Controle geslaagd/);
  assert.match(ok.text, />Lessen<\/dt><dd class="samen-stat__value">5<\/dd>/);
  // Without the CSRF token the upload is refused before it is read.
  const forged = await fetch(`${srv.base}/scholen/${kn}/rooster/import`, {
    method: 'POST', body: new FormData(), headers: { Cookie: leader1.cookie }, redirect: 'manual',
  });
  assert.equal(forged.status, 403);

  // A second real import replaces the 5 lessons (Windows-1252, CRLF, sent as bytes).
  r = await upload(hr1, url, [['gpu001', readFileSync(join(FX, 'gpu001_cp1252_crlf.txt')), 'GPU001.TXT'],
    ['gpu004', readFileSync(join(FX, 'gpu004_cp1252_crlf.txt')), 'GPU004.TXT']]);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.data.lessons, r.data.teachers, r.data.replaced], [2, 2, 5]);
  assert.equal(lessons(kn, "= 'untis'"), 2);
  // Zermelo as a JSON value in a JSON body replaces the Untis lessons; demo lessons stay.
  r = await admin.req('POST', url, { json: { zermelo: JSON.parse(fx('zermelo_dst.json')) } });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.data.source, r.data.lessons, r.data.replaced], ['zermelo', 3, 2]);
  assert.equal(lessons(kn, "= 'untis'"), 0);
  assert.equal(lessons(kn, "= 'zermelo'"), 3);
  assert.equal(lessons(kn, "= 'demo'"), demoLessons);
  assert.equal((await leader1.get(`/api/v1/schools/${kn}/bells`)).data.lessons.zermelo, 3);
});

test('oversized uploads are refused and change nothing', async () => {
  const before = lessons(kn);
  assert.equal(before, 3);
  // Over the 16 MiB request cap.
  const head = `POST /api/v1/schools/${kn}/timetable/import HTTP/1.1\r\nHost: x\r\n`
    + `Cookie: ${leader1.cookie}\r\nX-CSRF-Token: ${leader1.csrf}\r\n`
    + 'Content-Type: multipart/form-data; boundary=b\r\n'
    + `Content-Length: ${17 * 1024 * 1024}\r\n\r\n`;
  const r1 = await rawRequest(srv.base, head);
  assert.match(r1, /^HTTP\/1\.1 413 /);
  // Within the request cap but over the 8 MiB limit of a GPU file.
  const big = '1;"H4a";"BAK";"wi";"101";1;1;;\n'.repeat(Math.ceil(8.5 * 1024 * 1024 / 30));
  const r2 = await upload(leader1, `/api/v1/schools/${kn}/timetable/import`,
    [['gpu001', big, 'GPU001.TXT'], ['gpu004', fx('gpu004_utf8_lf.txt'), 'GPU004.TXT']]);
  assert.equal(r2.status, 413, r2.text.slice(0, 200));
  assert.equal(r2.data.error.file, 'gpu001');
  // A bell schedule body over the 1 MiB cap of ordinary routes.
  const r3 = await rawRequest(srv.base, `PUT /api/v1/schools/${kn}/bells HTTP/1.1\r\nHost: x\r\n`
    + `Cookie: ${leader1.cookie}\r\nX-CSRF-Token: ${leader1.csrf}\r\nContent-Type: application/json\r\n`
    + `Content-Length: ${2 * 1024 * 1024}\r\n\r\n`);
  assert.match(r3, /^HTTP\/1\.1 413 /);
  assert.equal(lessons(kn), before);
  assert.equal(periods(kn), 10);
});

test('teacher codes: list, set by employee number or person, remove; other boards refused', async () => {
  const url = `/api/v1/schools/${kn}/teacher-codes`;
  let r = await hr1.get(url);
  assert.equal(r.status, 200);
  assert.equal(r.data.codes.length, 8);
  assert.deepEqual(r.data.codes.map((c) => c.code), ['BAK', 'DEV', 'EKS', 'HER', 'JAN', 'SMI', 'abc', 'kzp']);
  const other = sql(srv.db, `SELECT employee_number FROM employment WHERE board_id = ${leader2.user.board_id} LIMIT 1`);
  r = await leader1.req('PUT', `${url}/NEW`, { json: { employee_number: other } });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'personeelsnummer');
  const otherPerson = Number(sql(srv.db, `SELECT person_id FROM employment WHERE board_id = ${leader2.user.board_id}
    AND person_id NOT IN (SELECT person_id FROM employment WHERE board_id = ${leader1.user.board_id}) LIMIT 1`));
  r = await leader1.req('PUT', `${url}/NEW`, { json: { person_id: otherPerson } });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'person_id');
  r = await leader1.req('PUT', `${url}/${'X'.repeat(16)}`, { json: { employee_number: '100000' } });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'code');
  const mine = sql(srv.db, `SELECT e.employee_number || '|' || e.person_id FROM employment e JOIN assignment a
    ON a.employment_id = e.id WHERE e.board_id = ${leader1.user.board_id} AND a.school_id = ${kn}
    ORDER BY e.employee_number DESC LIMIT 1`).split('|');
  r = await leader1.req('PUT', `${url}/NEW`, { json: { person_id: Number(mine[1]) } });
  assert.equal(r.status, 200, r.text);
  // A person of the board at another school: the leader names them by employee number, HR also by id.
  const away = sql(srv.db, `SELECT e.employee_number || '|' || e.person_id FROM employment e
    WHERE e.board_id = ${leader1.user.board_id} AND NOT EXISTS (SELECT 1 FROM assignment a
    WHERE a.employment_id = e.id AND a.school_id = ${kn}) ORDER BY e.employee_number LIMIT 1`).split('|');
  r = await leader1.req('PUT', `${url}/FAR`, { json: { person_id: Number(away[1]) } });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'person_id');
  r = await hr1.req('PUT', `${url}/FAR`, { json: { person_id: Number(away[1]) } });
  assert.equal(r.status, 200, r.text);
  r = await leader1.req('PUT', `${url}/FAR`, { json: { employee_number: away[0] } });
  assert.equal(r.status, 200, r.text);
  const page = await leader1.get(`/scholen/${kn}/rooster`);
  assert.doesNotMatch(page.text, new RegExp(`<option value="${away[0]}">`), 'the select shows only staff of the school');
  assert.match(page.text, new RegExp(`<option value="${mine[0]}">`));
  const hrPage = await hr1.get(`/scholen/${kn}/rooster`);
  assert.match(hrPage.text, new RegExp(`<option value="${away[0]}">`), 'HR sees the whole board');
  r = await leader1.req('DELETE', `${url}/FAR`);
  assert.equal(r.status, 200);
  assert.equal(r.data.codes.find((c) => c.code === 'NEW').employee_number, mine[0]);
  // Change BAK to that person through the form (the select), then remove NEW.
  const form = await postForm(leader1, `/scholen/${kn}/rooster/codes`, { code: 'BAK', persoon: mine[0], personeelsnummer: '' });
  assert.equal(form.status, 303);
  assert.equal(Number(sql(srv.db, `SELECT person_id FROM teacher_code WHERE school_id = ${kn} AND code = 'BAK'`)), Number(mine[1]));
  const bad = await postForm(leader1, `/scholen/${kn}/rooster/codes`, { code: 'Q', persoon: '', personeelsnummer: '999999' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /veld personeelsnummer: no employee 999999/);
  r = await leader1.req('DELETE', `${url}/NEW`);
  assert.equal(r.status, 200);
  assert.equal(r.data.codes.length, 8);
  r = await leader1.req('DELETE', `${url}/NEW`);
  assert.equal(r.status, 404);
  const del = await postForm(leader1, `/scholen/${kn}/rooster/codes/verwijderen`, { code: 'abc' });
  assert.equal(del.status, 303);
  assert.equal(Number(sql(srv.db, `SELECT COUNT(*) FROM teacher_code WHERE school_id = ${kn}`)), 7);
  assert.ok(Number(sql(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action IN ('timetable.code_set','timetable.code_delete')")) >= 4);
});

test('region matching settings: the region may look, coordinator and admin change', async () => {
  const url = `/api/v1/regions/${region}/match-settings`;
  let r = await leader1.get(url);
  assert.equal(r.status, 200);
  assert.deepEqual([r.data.speed_kmh, r.data.weeks_per_year, r.data.offer_days], [30, 40, 3]);
  assert.equal((await staff1.get(url)).status, 403);
  assert.equal((await staff1.get(`/regio/${region}/matchinstellingen`)).status, 403);
  for (const c of [leader1, hr1, exec1]) {
    assert.equal((await c.req('PUT', url, { json: { speed_kmh: 50 } })).status, 403, c.user.email);
    assert.equal((await postForm(c, `/regio/${region}/matchinstellingen`, { snelheid: '50', weken: '40', aanbieddagen: '3' })).status, 403);
  }
  const page = await leader1.get(`/regio/${region}/matchinstellingen`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /name="snelheid"/, 'no form for those who only look');
  const bad = [[{ speed_kmh: 0 }, 'speed_kmh'], [{ speed_kmh: 250 }, 'speed_kmh'], [{ weeks_per_year: 53 }, 'weeks_per_year'],
    [{ offer_days: 0 }, 'offer_days'], [{ offer_days: 2.5 }, 'offer_days'], [{ speed_kmh: '30' }, 'speed_kmh']];
  for (const [body, field] of bad) {
    r = await coord.req('PUT', url, { json: body });
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.data.error.field, field);
  }
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM match_setting WHERE region_id = ${region}`), '0');
  r = await coord.req('PUT', url, { json: { speed_kmh: 25.5, offer_days: 5 } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.data.speed_kmh, r.data.weeks_per_year, r.data.offer_days, r.data.stored], [25.5, 40, 5, true]);
  const form = await postForm(admin, `/regio/${region}/matchinstellingen`, { snelheid: '35,5', weken: '38', aanbieddagen: '4' });
  assert.equal(form.status, 303, form.text);
  assert.equal(sql(srv.db, `SELECT speed_kmh || '|' || weeks_per_year || '|' || offer_days FROM match_setting WHERE region_id = ${region}`), '35.5|38|4');
  const badForm = await postForm(coord, `/regio/${region}/matchinstellingen`, { snelheid: '35', weken: '99', aanbieddagen: '4' });
  assert.equal(badForm.status, 400);
  assert.match(badForm.text, /veld weken/);
  assert.equal(sql(srv.db, `SELECT weeks_per_year FROM match_setting WHERE region_id = ${region}`), '38');
  // The command line sets the same row; a value left out keeps its value.
  const out = samen(['match-settings', '--db', srv.db, '--region', String(region), '--weeks', '39']);
  assert.match(out, /speed 35\.5 km\/h, 39 weeks per year, offers run 4 days/);
  assert.equal((await hr1.get(url)).data.weeks_per_year, 39);
  assert.throws(() => samen(['match-settings', '--db', srv.db, '--region', String(region), '--offer-days', '31']));
});

test('travel times: upload all or nothing with line and field, schools of the region only', async () => {
  const url = `/api/v1/regions/${region}/travel-times/import`;
  const count = () => Number(sql(srv.db, 'SELECT COUNT(*) FROM travel_time'));
  // A school of another region.
  sql(srv.db, "INSERT INTO region (code, name) VALUES ('elders', 'Elders')");
  const r2 = sql(srv.db, "SELECT id FROM region WHERE code = 'elders'");
  sql(srv.db, `INSERT INTO board (region_id, bestuursnummer, name) VALUES (${r2}, '99999', 'Elders')`);
  const b2 = sql(srv.db, "SELECT id FROM board WHERE bestuursnummer = '99999'");
  sql(srv.db, `INSERT INTO school (board_id, brin, vestiging, name, municipality, province, school_types, holiday_region)
    VALUES (${b2}, '99EL', '00', 'Elders College', 'Woerden', 'Utrecht', 'havo', 'midden')`);
  const bad = [
    ['from_brinvest;to_brinvest;minutes\n31KN00;27AK00;14\n27AK00;31KN00;veertien\n', 3, 'minutes'],
    ['31KN00;27AK00;14\n31KN00;99XX00;9\n', 2, 'to_brinvest'],
    ['31KN00;27AK00;14\n99EL00;31KN00;9\n', 2, 'from_brinvest'],
    ['31KN00;27AK00\n', 1, 'minutes'],
    ['31KN00;27AK00;1441\n', 1, 'minutes'],
  ];
  for (const [csv, line, field] of bad) {
    const r = await coord.req('POST', url, { raw: csv, headers: { 'Content-Type': 'text/csv' } });
    assert.equal(r.status, 400, csv + r.text);
    assert.equal(r.data.error.line, line, csv);
    assert.equal(r.data.error.field, field, csv);
    assert.equal(count(), 0, 'nothing written');
  }
  assert.equal((await leader1.req('POST', url, { raw: '31KN00;27AK00;14\n', headers: { 'Content-Type': 'text/csv' } })).status, 403);
  let r = await coord.req('POST', url, { json: { csv: '31KN00;27AK00;14\n27AK00;31KN00;15\n' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.imported, 2);
  // The screen: multipart upload, then the list.
  const page = await upload(coord, `/regio/${region}/matchinstellingen/import`,
    [['bestand', 'from;to;minutes\n31KN00;33WL00;20\n', 'reis.csv']], { csrfField: true });
  assert.equal(page.status, 303, page.text);
  const badPage = await upload(coord, `/regio/${region}/matchinstellingen/import`,
    [['bestand', '31KN00;33WL00;20\nxx;yy\n', 'reis.csv']], { csrfField: true });
  assert.equal(badPage.status, 400);
  assert.match(badPage.text, /regel 2, veld/);
  r = await hr1.get(`/api/v1/regions/${region}/travel-times`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.data.travel_times.map((t) => `${t.from}>${t.to}=${t.minutes}`),
    ['27AK00>31KN00=15', '31KN00>27AK00=14', '31KN00>33WL00=20']);
  assert.equal((await staff1.get(`/api/v1/regions/${region}/travel-times`)).status, 403);
  const list = await leader1.get(`/regio/${region}/matchinstellingen`);
  assert.match(list.text, /31KN00 Duinzicht College/);
});
