// forward.test.mjs - a board puts a staff member forward for the regional pool
// (boventallig or contract ends), only with the person's consent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './harness.mjs';

let srv, hr1, hr2, person;
before(async () => {
  srv = await startServer();
  hr1 = await client(srv.base, 'hr.b1@demo.samen.nl');
  hr2 = await client(srv.base, 'hr.b2@demo.samen.nl');
  person = Number(sql(srv.db, `SELECT e.person_id FROM employment e WHERE e.board_id = ${hr1.user.board_id}
    AND e.person_id NOT IN (SELECT person_id FROM match_pool) AND e.person_id NOT IN
    (SELECT person_id FROM employment GROUP BY person_id HAVING COUNT(*) > 1) ORDER BY e.person_id LIMIT 1`));
});
after(async () => { await srv.stop(); });

const post = (c, fields) => fetch(`${srv.base}/personen/${person}/pool`, {
  method: 'POST', redirect: 'manual',
  headers: { Cookie: c.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: c.csrf, ...fields }),
});
const inPool = () => sql(srv.db, `SELECT kind, extra_hours, weekdays, max_travel FROM match_pool WHERE person_id = ${person} AND withdrawn_at IS NULL`);

test('without confirmed consent nobody is put forward', async () => {
  const page = await hr1.get(`/personen/${person}/pool`);
  assert.equal(page.status, 200);
  assert.match(page.text, /De medewerker heeft ingestemd/);
  const res = await post(hr1, { soort: 'boventallig', uren: '8', reistijd: '30', dag_ma: '1' });
  assert.equal(res.status, 400);
  assert.equal(inPool(), '');
});

test('bad values are refused naming the reason', async () => {
  for (const fields of [{ soort: 'ontslag', uren: '8', reistijd: '30', dag_ma: '1', toestemming: '1' },
    { soort: 'boventallig', uren: '0', reistijd: '30', dag_ma: '1', toestemming: '1' },
    { soort: 'boventallig', uren: '8', reistijd: '30', toestemming: '1' }]) {
    assert.equal((await post(hr1, fields)).status, 400, JSON.stringify(fields));
  }
  assert.equal(inPool(), '');
});

test('the HR adviser puts their own board\'s person forward with consent; another board cannot', async () => {
  assert.equal((await post(hr2, { soort: 'boventallig', uren: '8', reistijd: '30', dag_ma: '1', toestemming: '1' })).status, 403);
  const res = await post(hr1, { soort: 'contract_end', uren: '6,5', reistijd: '25', dag_ma: '1', dag_wo: '1', toestemming: '1' });
  assert.equal(res.status, 303);
  assert.equal(inPool(), 'contract_end|650|5|25'); // Monday (bit 0) + Wednesday (bit 2)
  const consent = sql(srv.db, `SELECT consent_by FROM match_pool WHERE person_id = ${person}`);
  assert.match(consent, /hr\.b1@demo\.samen\.nl/);
});
