// match.test.mjs - help requests, the regional pool and offers (issue 4,
// docs/match.md): opt-in with consent, a request with its nameless reach,
// candidates with the reason of every check (names of other boards' staff
// hidden unless shared, rule 31), an offer reserved for one person with a
// deadline, answers and decisions only by the right party, the secondment
// an approved offer creates, declined persons never proposed again, the
// notifications, and the regional plan through the optimiser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, client, sql, BIN } from './harness.mjs';

process.env.SAMEN_TODAY = '2026-11-24';

let srv;
const u = {};
let person; // docent.b1's person
let subject;

before(async () => {
  srv = await startServer();
  for (const e of ['admin', 'coordinator', 'hr.b1', 'hr.b2', 'hr.b3', 'schoolleider.b2', 'docent.b1', 'docent.b2']) {
    u[e] = await client(srv.base, `${e}@demo.samen.nl`);
  }
  person = u['docent.b1'].user.person_id;
  assert.ok(person, 'docent.b1 is linked to a person');
  subject = sql(srv.db, `SELECT subject_code FROM qualification WHERE person_id = ${person}
    AND (level = 'eerstegraads' OR level = 'tweedegraads') ORDER BY subject_code LIMIT 1`);
  if (!subject) {
    sql(srv.db, `INSERT INTO qualification (person_id, subject_code, level) VALUES (${person}, 'ak', 'eerstegraads')`);
    subject = 'ak';
  }
});
after(async () => { await srv.stop(); });

const post = (c, path, json) => c.req('POST', path, { json });
let pool;

async function newRequest(extra = {}) {
  const r = await post(u['schoolleider.b2'], '/api/v1/match/requests', {
    subject, school_type: 'vmbo-tl', year_from: 1, year_to: 2, hours_per_week: 2,
    start: '2026-12-01', end: '2027-02-12', urgency: 7, notes: 'ziekte', ...extra,
  });
  assert.equal(r.status, 201, r.text);
  return r.data;
}

test('joining the pool needs consent; the opt-in is the teacher\'s own', async () => {
  const d = u['docent.b1'];
  let r = await post(d, '/api/v1/match/pool', { extra_hours: 6, weekdays: 31, max_travel: 240 });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'consent');
  r = await post(d, '/api/v1/match/pool', { consent: true, extra_hours: 6, weekdays: 31, max_travel: 240, share_name: false });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.person_id, person);
  assert.equal(r.data.kind, 'self');
  assert.equal(r.data.active, true);
  pool = r.data.id;
  // another teacher cannot put a colleague forward
  r = await post(u['docent.b2'], '/api/v1/match/pool', { person_id: person, consent: true, extra_hours: 1, weekdays: 1, max_travel: 10 });
  assert.equal(r.status, 403);
});

test('a request shows its reach without names and, to the requester, candidates with reasons', async () => {
  const q = await newRequest();
  assert.equal(q.status, 'open');
  assert.equal(q.hours_per_week, 2);
  assert.ok(q.reach.qualified >= 1);
  const r = await u['schoolleider.b2'].get(`/api/v1/match/requests/${q.id}`);
  assert.equal(r.status, 200);
  const me = r.data.candidates.find((c) => c.alias === `Kandidaat ${pool}`);
  assert.ok(me, 'docent.b1 is a candidate');
  assert.equal(me.name, undefined, 'no name: another board, not shared');
  assert.equal(me.person_id, undefined);
  assert.equal(me.qualification, 'bevoegd');
  assert.equal(me.fits, true, JSON.stringify(me.checks));
  assert.deepEqual(me.checks.map((c) => c.check), ['qualification', 'expertise', 'hours', 'lessons', 'travel', 'school', 'consent']);
  // another board sees the reach, never the candidates
  const other = await u['hr.b3'].get(`/api/v1/match/requests/${q.id}`);
  assert.equal(other.status, 200);
  assert.equal(other.data.candidates, undefined);
  assert.equal(other.data.reach.qualified, r.data.reach.qualified);
  // refused input names the field
  const bad = await post(u['schoolleider.b2'], '/api/v1/match/requests', { subject, school_type: 'havo', year_from: 4, year_to: 5, start: '2026-12-01', end: '2027-01-01', urgency: 3 });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.error.field, 'hours_per_week');
});

test('offer: reserved for one person, answered only by them, approved only by their board', async () => {
  const q = await newRequest();
  let r = await post(u['schoolleider.b2'], `/api/v1/match/requests/${q.id}/offers`, { pool_id: pool });
  assert.equal(r.status, 201, r.text);
  const offer = r.data;
  assert.equal(offer.status, 'proposed');
  assert.equal(offer.deadline, '2026-11-27');
  assert.equal(offer.lender_board_id, u['docent.b1'].user.board_id);
  assert.equal(offer.borrower_board_id, u['schoolleider.b2'].user.board_id);
  r = await post(u['schoolleider.b2'], `/api/v1/match/requests/${q.id}/offers`, { pool_id: pool });
  assert.equal(r.status, 409, 'one live offer per person and request');
  // the teacher sees it, with a notification
  r = await u['docent.b1'].get('/api/v1/match/offers');
  assert.ok(r.data.offers.some((o) => o.id === offer.id));
  r = await u['docent.b1'].get('/api/v1/match/notifications');
  assert.ok(r.data.notifications.some((n) => n.kind === 'offer.proposed' && n.object_id === offer.id));
  // wrong person, and deciding before the answer
  r = await post(u['docent.b2'], `/api/v1/match/offers/${offer.id}/answer`, { accept: true });
  assert.equal(r.status, 403);
  assert.match(r.data.error.message, /only the person offered/);
  r = await post(u['hr.b1'], `/api/v1/match/offers/${offer.id}/decision`, { approve: true });
  assert.equal(r.status, 400);
  r = await post(u['docent.b1'], `/api/v1/match/offers/${offer.id}/answer`, { accept: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'accepted');
  // only the employer approves
  r = await post(u['hr.b2'], `/api/v1/match/offers/${offer.id}/decision`, { approve: true });
  assert.equal(r.status, 403);
  r = await post(u['hr.b1'], `/api/v1/match/offers/${offer.id}/decision`, { approve: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'approved');
  const sid = r.data.secondment_id;
  assert.ok(sid);
  r = await u['hr.b1'].get(`/api/v1/secondments/${sid}`);
  assert.equal(r.status, 200);
  assert.equal(r.data.lender.id, u['docent.b1'].user.board_id);
  assert.equal(r.data.borrower.id, u['schoolleider.b2'].user.board_id);
  assert.equal(r.data.offer_id, offer.id);
  assert.equal(r.data.start, '2026-12-01');
});

test('after the deadline accepting is refused; a declined person is not proposed again', async () => {
  const q = await newRequest({ hours_per_week: 1 });
  let r = await post(u['schoolleider.b2'], `/api/v1/match/requests/${q.id}/offers`, { pool_id: pool });
  assert.equal(r.status, 201, r.text);
  const id = r.data.id;
  sql(srv.db, `UPDATE match_offer SET deadline = '2026-11-20' WHERE id = ${id}`);
  r = await post(u['docent.b1'], `/api/v1/match/offers/${id}/answer`, { accept: true });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.message, 'the deadline was 2026-11-20');
  const q2 = await newRequest({ hours_per_week: 1 });
  r = await post(u['schoolleider.b2'], `/api/v1/match/requests/${q2.id}/offers`, { pool_id: pool });
  assert.equal(r.status, 201, r.text);
  const id2 = r.data.id;
  r = await post(u['docent.b1'], `/api/v1/match/offers/${id2}/answer`, { accept: false });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'reason');
  r = await post(u['docent.b1'], `/api/v1/match/offers/${id2}/answer`, { accept: false, reason: 'te ver' });
  assert.equal(r.status, 200);
  assert.equal(r.data.status, 'declined');
  r = await post(u['schoolleider.b2'], `/api/v1/match/requests/${q2.id}/offers`, { pool_id: pool });
  assert.equal(r.status, 400);
  assert.equal(r.data.error.field, 'consent');
});

test('the regional plan runs the optimiser; withdrawing consent takes effect at once', async () => {
  const region = u.coordinator.user.region_id;
  let r = await post(u.coordinator, `/api/v1/regions/${region}/match`, { store: false });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.data.requests >= 1);
  assert.ok(r.data.hours_covered <= r.data.hours_wanted);
  for (const l of r.data.lines) assert.equal(l.offer_id, null);
  // The demo's chemistry request of six lessons: assigned without clashes, proven optimal.
  assert.ok(r.data.lessons.wanted >= 6, JSON.stringify(r.data.lessons));
  assert.equal(r.data.lessons.proven_optimal, true);
  const lessonLines = r.data.lines.filter((l) => l.lessons > 0);
  assert.equal(lessonLines.reduce((n, l) => n + l.lessons, 0), r.data.lessons.covered);
  const slots = new Set();
  for (const l of lessonLines) {
    const parts = l.lesson_slots.split(' ');
    assert.equal(parts.length, l.lessons);
    for (const s of parts) {
      assert.match(s, /^(ma|di|wo|do|vr)\d+$/);
      const key = `${l.candidate} ${s}`;
      assert.ok(!slots.has(key), `${l.candidate} twice in ${s}`);
      slots.add(key);
    }
  }
  const page = await u.coordinator.get(`/regio/${region}/matchplan`);
  assert.match(page.text, /bewezen optimaal/);
  r = await post(u['hr.b1'], `/api/v1/regions/${region}/match`, { store: false });
  assert.equal(r.status, 403);
  r = await post(u['docent.b1'], '/api/v1/match/pool/withdraw', {});
  assert.equal(r.status, 200);
  const q = await newRequest();
  r = await u['schoolleider.b2'].get(`/api/v1/match/requests/${q.id}`);
  assert.ok(!r.data.candidates.some((c) => c.alias === `Kandidaat ${pool}`));
});

test('screens: Hulpvraag form, candidates with reasons, my offers with answer, the regional plan', async () => {
  const sl = u['schoolleider.b2'];
  let r = await sl.get('/hulp');
  assert.equal(r.status, 200);
  assert.match(r.text, /<form class="samen-form" method="post" action="\/hulp">/);
  assert.match(r.text, /name="csrf" value="/);
  const form = new URLSearchParams({
    csrf: sl.csrf, vak: subject, schoolsoort: 'vmbo-tl', van_jaar: '1', tot_jaar: '2', uren: '1,5',
    lessen: '', start: '2026-12-01', eind: '2027-01-29', urgentie: '6', notities: 'test',
  });
  r = await sl.req('POST', '/hulp', { raw: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 303, r.text);
  const loc = r.headers.get('location');
  assert.match(loc, /^\/hulp\/\d+$/);
  // docent.b1 opts in again through the screen
  const d = u['docent.b1'];
  r = await d.get('/aanbiedingen');
  assert.equal(r.status, 200);
  const join = new URLSearchParams({ csrf: d.csrf, uren: '8', dagen: 'ma,di,wo,do,vr', reistijd: '240', toestemming: '1' });
  r = await d.req('POST', '/pool', { raw: join.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 303, r.text);
  r = await sl.get(loc);
  assert.equal(r.status, 200);
  assert.match(r.text, /Bevoegde mensen in de regionale pool: \d+/);
  assert.match(r.text, /qualification: /);
  assert.match(r.text, /Kandidaat \d+/);
  const pid = String((await d.get('/api/v1/match/pool')).data.id);
  assert.match(r.text, new RegExp(`name="pool" value="${pid}"`), 'docent.b1 fits and can be offered');
  const id = loc.split('/').pop();
  r = await sl.req('POST', `/hulp/${id}/aanbod`, { raw: new URLSearchParams({ csrf: sl.csrf, pool: pid }).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 303, r.text);
  r = await d.get('/aanbiedingen');
  assert.match(r.text, /Mijn aanbiedingen/);
  assert.match(r.text, /Meldingen/);
  // Story 2: what the offer means for her hours and pay, and who stays her employer.
  const offer = sql(srv.db, `SELECT o.hours_per_week, e.board_id FROM match_offer o JOIN employment e
    ON e.person_id = o.person_id AND e.board_id = o.lender_board_id WHERE o.person_id = ${d.user.person_id} ORDER BY o.id DESC LIMIT 1`).split('|');
  const extra = (Number(offer[0]) / 100) * 40;
  const nl = (v) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  assert.ok(r.text.includes(`Dit aanbod is ${nl(extra)} uur per jaar (40 lesweken)`), nl(extra));
  const hours = Number(sql(srv.db, `SELECT c.hours_per_year FROM contract c JOIN employment e ON e.id = c.employment_id
    WHERE e.person_id = ${d.user.person_id} AND e.board_id = ${offer[1]} ORDER BY c.start_date DESC LIMIT 1`));
  assert.ok(r.text.includes(`Uw aanstelling: ${nl(hours)} uur per jaar`), nl(hours));
  assert.match(r.text, /Uw eigen bestuur blijft uw werkgever/);
  const oid = (r.text.match(/action="\/aanbiedingen\/(\d+)\/antwoord"/) || [])[1];
  assert.ok(oid, 'the offer can be answered on the screen');
  r = await d.req('POST', `/aanbiedingen/${oid}/antwoord`, { raw: new URLSearchParams({ csrf: d.csrf, antwoord: 'ja', reden: '' }).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 303, r.text);
  r = await u['hr.b1'].get('/aanbiedingen');
  assert.match(r.text, new RegExp(`action="/aanbiedingen/${oid}/besluit"`));
  r = await u.coordinator.get(`/regio/${u.coordinator.user.region_id}/matchplan`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Regionaal plan/);
});

// A tiny SMTP sink (node net): accepts every message and keeps what it got.
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
        else if (line === 'QUIT') { sock.end('221 bye\r\n'); }
        else sock.write('250 ok\r\n');
      }
    });
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res({ server, got, port: server.address().port })));
}

test('notifications go out by e-mail through the configured SMTP server, once', async () => {
  const sink = await smtpSink();
  try {
    const email = sql(srv.db, `SELECT email FROM person WHERE id = ${person}`);
    const pending = Number(sql(srv.db, `SELECT COUNT(*) FROM notification n JOIN person p ON p.id = n.person_id
      WHERE n.emailed_at IS NULL AND p.email IS NOT NULL AND p.email <> ''`));
    assert.ok(pending >= 1);
    const run = promisify(execFile);
    const { stdout } = await run(BIN, ['match', '--db', srv.db, '--dry-run', '--smtp', `127.0.0.1:${sink.port}`, '--mail-from', 'samen@demo.samen.nl']);
    assert.match(stdout, new RegExp(`E-mail: ${pending} notifications? sent`));
    assert.equal(sink.got.length, pending);
    const mine = sink.got.filter((m) => m.rcpt === email);
    assert.ok(mine.length >= 1, 'docent.b1 got e-mail');
    assert.match(mine[0].body, /Subject: Samen: aanbod en hulpvraag/);
    assert.match(mine[0].body, /Aanbod/);
    // sent once: nothing pending the second time
    const again = await run(BIN, ['match', '--db', srv.db, '--dry-run', '--smtp', `127.0.0.1:${sink.port}`]);
    assert.match(again.stdout, /E-mail: 0 notifications sent/);
  } finally {
    sink.server.close();
  }
});
