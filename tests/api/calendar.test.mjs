// calendar.test.mjs - school calendars, the year planner, series, moves,
// calendar feeds, next steps and who may do what (docs/calendar.md).
//
// Three schools are added to the demo region for exact answers: one in each
// holiday region (Alkmaar noord, Woerden midden, Maastricht zuid), without
// busy periods, so plans on the real school year 2025-2026 are the ones
// worked out by hand in tests/unit/test_planner.c.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, client, sql } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'calendar');
let srv, coord, admin, hr1, leader1, staff1, region;
const school = {};

before(async () => {
  srv = await startServer();
  coord = await client(srv.base, 'coordinator@demo.samen.nl');
  admin = await client(srv.base, 'admin@demo.samen.nl');
  hr1 = await client(srv.base, 'hr.b1@demo.samen.nl');
  leader1 = await client(srv.base, 'schoolleider.b1@demo.samen.nl');
  staff1 = await client(srv.base, 'docent.b1@demo.samen.nl');
  region = coord.user.region_id;
  const board = hr1.user.board_id;
  const add = [['noord', '90AA', 'Testschool Noord', 'Alkmaar', 'Noord-Holland'],
    ['midden', '90AB', 'Testschool Midden', 'Woerden', 'Utrecht'],
    ['zuid', '90AC', 'Testschool Zuid', 'Maastricht', 'Limburg']];
  for (const [reg, brin, name, mun, prov] of add) {
    sql(srv.db, `INSERT INTO school (board_id, brin, vestiging, name, municipality, province, school_types,
      holiday_region) VALUES (${board}, '${brin}', '00', '${name}', '${mun}', '${prov}', 'havo,vwo', '${reg}')`);
    school[reg] = Number(sql(srv.db, `SELECT id FROM school WHERE brin = '${brin}'`));
  }
});
after(async () => { await srv.stop(); });

const plan2526 = (schools, extra = {}) => ({
  title: 'Stuurgroep noord-zuid', schools, from: '2025-09-01', to: '2026-07-03', count: 6,
  weekdays: 'di,do', start: '15:30', end: '17:00', min_gap_weeks: 3, max_gap_weeks: 10, ...extra,
});

test('the shipped holidays: the 2026-2027 list and the Bevrijdingsdag lustrum rule', async () => {
  const r = await staff1.get('/api/v1/holidays?school_year=2026-2027');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.holidays.length, 15);
  const kerst = r.data.holidays.filter((h) => h.kind === 'kerstvakantie');
  assert.deepEqual(kerst.map((h) => h.region).sort(), ['midden', 'noord', 'zuid']);
  for (const h of kerst) assert.deepEqual([h.start, h.end], ['2026-12-19', '2027-01-03']);
  const bev = r.data.national.find((n) => n.name === 'bevrijdingsdag');
  assert.deepEqual(bev, { date: '2027-05-05', name: 'bevrijdingsdag', day_off: false });
  const lustrum = (await staff1.get('/api/v1/holidays?school_year=2024-2025')).data.national
    .find((n) => n.name === 'bevrijdingsdag');
  assert.deepEqual(lustrum, { date: '2025-05-05', name: 'bevrijdingsdag', day_off: true });
  assert.equal((await staff1.get('/api/v1/holidays?region=oost')).status, 400);
});

test('is a day free: Koningsdag 2028 outside the meivakantie, the kerstvakantie across the year end', async () => {
  let r = await coord.get(`/api/v1/regions/${region}/days/2028-04-27?schools=${school.midden}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.free, false);
  assert.deepEqual(r.data.reasons.map((x) => [x.kind, x.name]), [['national', 'koningsdag']]);
  r = await coord.get(`/api/v1/regions/${region}/days/2028-05-01?schools=${school.midden}`);
  assert.deepEqual(r.data.reasons.map((x) => x.text), ['meivakantie (midden)']);
  r = await coord.get(`/api/v1/regions/${region}/days/2026-01-02?schools=${school.noord},${school.zuid}`);
  assert.deepEqual(r.data.reasons.map((x) => x.text), ['kerstvakantie (noord)', 'kerstvakantie (zuid)']);
  r = await coord.get(`/api/v1/regions/${region}/days/2025-10-13?schools=${school.noord}`);
  assert.equal(r.data.free, true);
  r = await coord.get(`/api/v1/regions/${region}/days/2025-10-13?schools=${school.noord},${school.zuid}`);
  assert.deepEqual(r.data.reasons.map((x) => x.text), ['herfstvakantie (zuid)']);
  // A school outside the region is refused.
  const foreign = Number(sql(srv.db, 'SELECT MAX(id) FROM school')) + 1000;
  r = await coord.get(`/api/v1/regions/${region}/days/2025-10-13?schools=${foreign}`);
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'schools');
});

test('a plan for a noord and a zuid school on 2025-2026 avoids every holiday of both regions', async () => {
  const r = await coord.req('POST', `/api/v1/regions/${region}/plan`, { json: plan2526([school.noord, school.zuid]) });
  assert.equal(r.status, 200, r.text);
  const p = r.data.plan;
  assert.equal(p.feasible, true);
  assert.equal(p.weeks, 44);
  assert.equal(p.free_weeks, 37);
  assert.deepEqual(p.meetings.map((m) => m.date),
    ['2025-09-30', '2025-11-18', '2026-01-13', '2026-03-03', '2026-04-14', '2026-06-09']);
  assert.deepEqual(p.meetings.map((m) => m.gap_weeks), [0, 7, 8, 7, 6, 8]);
  const byWeek = Object.fromEntries(p.rejected_weeks.map((w) => [w.monday, w.text]));
  assert.equal(byWeek['2025-10-13'], 'herfstvakantie (zuid)');
  assert.equal(byWeek['2025-10-20'], 'herfstvakantie (noord)');
  assert.equal(byWeek['2025-12-22'], 'kerstvakantie (noord); kerstvakantie (zuid); Eerste Kerstdag (do)');
  assert.equal(byWeek['2026-02-16'], 'voorjaarsvakantie (zuid)');
  assert.equal(byWeek['2026-02-23'], 'voorjaarsvakantie (noord)');
  assert.equal(p.rejected_weeks.length, 7);
  // Holidays of both regions from the API, checked against every meeting.
  const hol = (await coord.get('/api/v1/holidays?school_year=2025-2026')).data.holidays
    .filter((h) => h.region === 'noord' || h.region === 'zuid');
  for (const m of p.meetings) for (const h of hol) assert.ok(m.date < h.start || m.date > h.end, `${m.date} in ${h.kind}`);
});

test('a series that cannot fit says which rule binds and what would make it fit', async () => {
  let r = await coord.req('POST', `/api/v1/regions/${region}/plan`,
    { json: plan2526([school.noord, school.zuid], { count: 40, min_gap_weeks: 1, max_gap_weeks: 0 }) });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.plan.feasible, false);
  assert.equal(r.data.plan.binding, 'free_weeks');
  assert.equal(r.data.plan.explanation, 'Only 37 free weeks between 2025-09-01 and 2026-07-03 for 40 meetings.');
  assert.deepEqual(r.data.plan.fixes.map((f) => [f.kind, f.value]), [['count', 37]]);
  assert.equal(r.data.plan.meetings.length, 0);
  r = await coord.req('POST', `/api/v1/regions/${region}/plan`,
    { json: plan2526([school.zuid], { from: '2026-06-01', to: '2026-09-30', count: 7, weekdays: 'di', min_gap_weeks: 1, max_gap_weeks: 3 }) });
  assert.equal(r.data.plan.binding, 'max_gap');
  assert.deepEqual(r.data.plan.fixes.map((f) => [f.kind, f.value]), [['count', 6], ['max_gap_weeks', 7]]);
  // Storing such a series is refused with the same answer.
  r = await coord.req('POST', `/api/v1/regions/${region}/series`,
    { json: plan2526([school.noord, school.zuid], { count: 40, min_gap_weeks: 1, max_gap_weeks: 0 }) });
  assert.equal(r.status, 409);
  assert.equal(r.data.error.code, 'does_not_fit');
  // Bad input names the field.
  r = await coord.req('POST', `/api/v1/regions/${region}/plan`, { json: plan2526([school.noord], { weekdays: 'za' }) });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'weekdays');
  r = await coord.req('POST', `/api/v1/regions/${region}/plan`, { json: plan2526([school.noord], { from: '2029-09-03', to: '2030-06-28' }) });
  assert.equal(r.status, 400);
  assert.match(r.data.error.message, /no school holidays are known for region noord in school year 2029-2030/);
});

let series;
test('a stored series, its ICS file, alternatives and a move that keeps the UID', async () => {
  let r = await coord.req('POST', `/api/v1/regions/${region}/series`, {
    json: plan2526([school.noord, school.zuid], {
      attendees: [{ name: 'Marleen de Vries', email: 'marleen@example.nl' }, { name: 'Peter', email: 'bestuurder.b1@demo.samen.nl' }],
    }),
  });
  assert.equal(r.status, 201, r.text);
  series = r.data.series;
  assert.equal(series.meetings.length, 6);
  assert.ok(series.meetings.every((m) => m.sequence === 0 && /^samen-[0-9a-f]{32}-\d@samen$/.test(m.uid)));
  const ics = await coord.get(`/regio/${region}/reeksen/${series.id}/ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type'), /^text\/calendar/);
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.match(ics.text, /\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam\r\n/);
  assert.equal((ics.text.match(/\r\nBEGIN:VEVENT\r\n/g) || []).length, 6);
  assert.match(ics.text, /\r\nDTSTART;TZID=Europe\/Amsterdam:20250930T153000\r\n/);
  assert.match(ics.text.replace(/\r\n /g, ''), /ATTENDEE;CN=Marleen de Vries;[^\r]*:mailto:marleen@example\.nl\r\n/);
  assert.match(ics.text.replace(/\r\n /g, ''), /ORGANIZER;CN=[^\r]*:mailto:coordinator@demo\.samen\.nl\r\n/);
  // Alternatives for the third meeting (13 January 2026).
  const third = series.meetings[2];
  r = await coord.get(`/api/v1/regions/${region}/series/${series.id}/meetings/${third.id}/alternatives`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.alternatives.map((a) => a.date), ['2026-01-15', '2026-01-06', '2026-01-08']);
  assert.ok(r.data.alternatives.every((a) => a.within_spacing));
  // Moving into the kerstvakantie is refused with the reason, unless forced.
  r = await coord.req('POST', `/api/v1/regions/${region}/series/${series.id}/meetings/${third.id}/move`, { json: { date: '2026-01-01' } });
  assert.equal(r.status, 409);
  assert.equal(r.data.error.code, 'day_not_free');
  assert.deepEqual(r.data.reasons.map((x) => x.text), ['kerstvakantie (noord)', 'kerstvakantie (zuid)', 'Nieuwjaarsdag']);
  r = await coord.req('POST', `/api/v1/regions/${region}/series/${series.id}/meetings/${third.id}/move`, { json: { date: '2026-01-15' } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.meeting, { id: third.id, date: '2026-01-15', uid: third.uid, sequence: 1 });
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM audit_log WHERE object_type = 'meeting' AND object_id = '${third.id}'`), '1');
});

test('a subscription feed: secret, updated after a move, revocable', async () => {
  const peter = await client(srv.base, 'bestuurder.b1@demo.samen.nl');
  const made = await peter.req('POST', '/api/v1/feeds', { json: { label: 'Outlook' } });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.data.token.length, 43);
  assert.ok(made.data.url.endsWith(`/agenda/${made.data.token}.ics`));
  // Only a hash is stored.
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM calendar_feed WHERE token_hash = '${made.data.token}'`), '0');
  const feed = await fetch(`${srv.base}/agenda/${made.data.token}.ics`); // no session
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const text = (await feed.text()).replace(/\r\n /g, '');
  // The series Peter attends, the moved meeting with the same UID and a higher SEQUENCE.
  const moved = series.meetings[2];
  const ev = text.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${moved.uid}`));
  assert.ok(ev, 'moved meeting in feed');
  assert.match(ev, /\r\nSEQUENCE:1\r\n/);
  assert.match(ev, /\r\nDTSTART;TZID=Europe\/Amsterdam:20260115T153000\r\n/);
  assert.match(text, /X-PUBLISHED-TTL:PT60M/);
  // Wrong, malformed and revoked tokens are all 404.
  assert.equal((await fetch(`${srv.base}/agenda/${'A'.repeat(43)}.ics`)).status, 404);
  assert.equal((await fetch(`${srv.base}/agenda/nonsense`)).status, 404);
  const revoke = await peter.req('DELETE', `/api/v1/feeds/${made.data.id}`);
  assert.equal(revoke.status, 200);
  assert.equal((await fetch(`${srv.base}/agenda/${made.data.token}.ics`)).status, 404);
  // Someone else cannot revoke it, nor see it.
  const other = await coord.req('DELETE', `/api/v1/feeds/${made.data.id}`);
  assert.equal(other.status, 404);
});

test('busy periods: by hand, from ICS, and only by the school\'s own board or leader', async () => {
  const own = leader1.user.school_id;
  let r = await leader1.req('POST', `/api/v1/schools/${own}/busy`,
    { json: { kind: 'toetsweek', name: 'Toetsweek 3', start: '2027-03-22', end: '2027-03-26' } });
  assert.equal(r.status, 201, r.text);
  r = await leader1.req('POST', `/api/v1/schools/${own}/busy`,
    { json: { kind: 'toetsweek', name: 'Omgekeerd', start: '2027-03-26', end: '2027-03-22' } });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'end_date');
  const otherSchool = Number(sql(srv.db, `SELECT id FROM school WHERE id <> ${own} AND board_id = ${hr1.user.board_id} ORDER BY id LIMIT 1`));
  r = await leader1.req('POST', `/api/v1/schools/${otherSchool}/busy`,
    { json: { kind: 'studiedag', name: 'Niet van mij', start: '2027-03-24', end: '2027-03-24' } });
  assert.equal(r.status, 403);
  r = await coord.req('POST', `/api/v1/schools/${own}/busy`,
    { json: { kind: 'studiedag', name: 'Coördinator', start: '2027-03-24', end: '2027-03-24' } });
  assert.equal(r.status, 403);
  // ICS import by the board's HR adviser: the fixture's six events, then again unchanged.
  const ics = readFileSync(join(FIXTURES, 'school_calendar.ics'), 'utf8');
  r = await hr1.req('POST', `/api/v1/schools/${school.noord}/busy/import?school_year=2025-2026`, { json: { ics } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data, { added: 6, updated: 0, unchanged: 0 }); // the 2023 open day is outside
  const again = await hr1.req('POST', `/api/v1/schools/${school.noord}/busy/import?school_year=2025-2026`, { json: { ics } });
  assert.deepEqual(again.data, { added: 0, updated: 0, unchanged: 6 });
  const list = await hr1.get(`/api/v1/schools/${school.noord}/busy?school_year=2025-2026`);
  assert.deepEqual(list.data.busy.map((b) => [b.kind, b.name, b.start, b.end]), [
    ['open_dag', 'Open dag', '2026-01-24', '2026-01-24'],
    ['toetsweek', 'Toetsweek 2', '2026-02-09', '2026-02-13'],
    ['studiedag', 'Studiemiddag', '2026-03-03', '2026-03-03'],
    ['studiedag', 'Studiemiddag (verplaatst)', '2026-03-19', '2026-03-19'],
    ['studiedag', 'Studiemiddag', '2026-03-24', '2026-03-24'],
    ['rapportvergadering', 'Rapportvergadering (nacht, UTC)', '2026-07-01', '2026-07-01']]);
  const bad = readFileSync(join(FIXTURES, 'faulty_end_before_start.ics'), 'utf8');
  r = await hr1.req('POST', `/api/v1/schools/${school.noord}/busy/import`, { json: { ics: bad } });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.line, 11);
  // The year view shows them to the region, with letters and words.
  const page = await coord.get(`/regio/${region}/jaarplanning?schooljaar=2026-2027`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Toetsweek 3/);
  assert.match(page.text, /samen-cal__mark--holiday">V</);
  assert.match(page.text, /Testschool Zuid/);
});

test('a new school year by import, refused with line and reason when faulty', async () => {
  const good = readFileSync(join(FIXTURES, 'list_2029_2030_example.csv'), 'utf8');
  let r = await coord.req('POST', '/api/v1/holidays/import', { json: { content: good } });
  assert.equal(r.status, 403);
  r = await admin.req('POST', '/api/v1/holidays/import', { json: { content: good } });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.data.format, r.data.added, r.data.unchanged, r.data.widened_lines], ['list', 6, 0, [4]]);
  r = await admin.req('POST', '/api/v1/holidays/import', { json: { content: good } });
  assert.deepEqual([r.data.added, r.data.unchanged], [0, 6]);
  const faulty = readFileSync(join(FIXTURES, 'openholidays_faulty.csv'), 'utf8');
  r = await admin.req('POST', '/api/v1/holidays/import', { json: { content: faulty } });
  assert.equal(r.status, 400);
  assert.deepEqual(r.data.problems.map((p) => p.line), [2, 3, 4, 5, 6]);
  assert.equal(r.data.problems[2].message, "unknown holiday region 'OO'; use noord, midden or zuid");
  const json = readFileSync(join(FIXTURES, 'rijksoverheid_2026_2027.json'), 'utf8');
  r = await admin.req('POST', '/api/v1/holidays/import', { json: { content: json, dry_run: true } });
  assert.deepEqual([r.status, r.data.format, r.data.unchanged], [200, 'rijksoverheid', 15]);
});

test('next steps without a next meeting are a warning on the coordinator\'s overview', async () => {
  let r = await coord.req('POST', `/api/v1/regions/${region}/steps`,
    { json: { title: 'Intervisie starters inrichten', owner: 'Werkgroep', due: '2030-01-31' } });
  assert.equal(r.status, 201, r.text);
  r = await coord.get(`/api/v1/regions/${region}/steps`);
  const step = r.data.steps.find((s) => s.title === 'Intervisie starters inrichten');
  assert.equal(step.lacks_meeting, true);
  assert.ok(r.data.lacking_meeting >= 1);
  const page = await coord.get(`/regio/${region}`);
  assert.match(page.text, /samen-leadtime/);
  assert.match(page.text, /Intervisie starters inrichten/);
  // Linked to a series with a meeting before the due date, it is on track.
  r = await coord.req('POST', `/api/v1/regions/${region}/steps`,
    { json: { title: 'Afspraken vastleggen', due: '2099-01-01', series_id: series.id } });
  r = await coord.get(`/api/v1/regions/${region}/steps`);
  const linked = r.data.steps.find((s) => s.title === 'Afspraken vastleggen');
  // The test series ends in June 2026: on track only while that is still ahead.
  assert.equal(linked.lacks_meeting, linked.next_meeting === null);
  // HR sees the region page without the warning block.
  assert.doesNotMatch((await hr1.get(`/regio/${region}`)).text, /samen-leadtime/);
});

test('screens: planner form and proposal, school calendar, holidays; roles are enforced', async () => {
  let r = await coord.get(`/regio/${region}/planner`);
  assert.equal(r.status, 200);
  assert.match(r.text, /name="csrf"/);
  const form = new URLSearchParams({
    csrf: coord.csrf, actie: 'voorstel', titel: 'Werkgroep', van: '2025-09-01', tot: '2026-07-03', aantal: '6',
    'd-di': '1', 'd-do': '1', begintijd: '15:30', eindtijd: '17:00', min: '3', max: '10',
    [`s${school.midden}`]: '1', [`s${school.zuid}`]: '1',
  });
  r = await coord.req('POST', `/regio/${region}/planner`,
    { raw: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': coord.csrf } });
  assert.equal(r.status, 200, r.text.slice(0, 500));
  assert.match(r.text, /di 30-09-2025 15:30–17:00/);
  assert.match(r.text, /herfstvakantie \(zuid\)/);
  assert.match(r.text, /Reeks opslaan/);
  form.set('aantal', '40');
  r = await coord.req('POST', `/regio/${region}/planner`,
    { raw: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': coord.csrf } });
  assert.match(r.text, /De reeks past niet\./);
  assert.match(r.text, /plan \d+ overleggen in plaats van 40/);
  assert.equal((await hr1.get(`/regio/${region}/planner`)).status, 403);
  assert.equal((await staff1.get(`/regio/${region}/jaarplanning`)).status, 403);
  assert.equal((await hr1.get(`/regio/${region}/jaarplanning`)).status, 200);
  r = await leader1.get(`/scholen/${leader1.user.school_id}/kalender`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Drukke periode toevoegen/);
  r = await coord.get(`/scholen/${leader1.user.school_id}/kalender`);
  assert.doesNotMatch(r.text, /Drukke periode toevoegen/); // may look, not edit
  r = await leader1.get(`/scholen/${leader1.user.school_id}/kalender/ics`);
  assert.equal(r.status, 200);
  assert.match(r.text, /SUMMARY:herfstvakantie \(noord\)/);
  assert.equal((await staff1.get('/vakanties')).status, 200);
  assert.equal((await staff1.get('/agenda')).status, 200);
  r = await coord.req('POST', `/api/v1/regions/${region}/plan`, { json: plan2526([school.noord]), headers: { 'X-CSRF-Token': 'wrong' } });
  assert.equal(r.status, 403);
});

test('the school calendar page takes an uploaded .ics file (multipart form with its CSRF field)', async () => {
  const ics = readFileSync(join(FIXTURES, 'school_calendar.ics'), 'utf8');
  const own = leader1.user.school_id;
  const countOf = (name) => Number(sql(srv.db, `SELECT COUNT(*) FROM busy_period WHERE school_id = ${own} AND ics_uid <> '' AND name = '${name}'`));
  const before = countOf('Toetsweek 2');
  const form = new FormData();
  form.append('csrf', leader1.csrf);
  form.append('ics', '');
  form.append('ics_bestand', new Blob([ics], { type: 'text/calendar' }), 'kalender.ics');
  const res = await fetch(`${srv.base}/scholen/${own}/kalender/import?schooljaar=2025-2026`, {
    method: 'POST', body: form, headers: { Cookie: leader1.cookie }, redirect: 'manual',
  });
  assert.ok([200, 303].includes(res.status), `status ${res.status}`);
  assert.equal(countOf('Toetsweek 2'), before + 1);
  // Without the CSRF part the same upload is refused and nothing is written.
  const forged = new FormData();
  forged.append('ics_bestand', new Blob([ics.replace(/Toetsweek 2/g, 'Vervalst')], { type: 'text/calendar' }), 'x.ics');
  const bad = await fetch(`${srv.base}/scholen/${own}/kalender/import?schooljaar=2025-2026`, {
    method: 'POST', body: forged, headers: { Cookie: leader1.cookie }, redirect: 'manual',
  });
  assert.equal(bad.status, 403);
  assert.equal(Number(sql(srv.db, `SELECT COUNT(*) FROM busy_period WHERE name = 'Vervalst'`)), 0);
});
