// costs.test.mjs - editing the cost-price settings in the browser forms:
// a board's employer charges and travel allowance, and the salary tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './harness.mjs';

let srv, hr1, hr2, coord;
before(async () => {
  srv = await startServer();
  hr1 = await client(srv.base, 'hr.b1@demo.samen.nl');
  hr2 = await client(srv.base, 'hr.b2@demo.samen.nl');
  coord = await client(srv.base, 'coordinator@demo.samen.nl');
});
after(async () => { await srv.stop(); });

const form = (c, path, fields, csrf = c.csrf) => fetch(srv.base + path, {
  method: 'POST', redirect: 'manual',
  headers: { Cookie: c.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf, ...fields }),
});

test('a board sets its employer charges and travel allowance for a year', async () => {
  const b = hr1.user.board_id;
  const res = await form(hr1, `/besturen/${b}/kostprijs`,
    { jaar: '2031', werkgeverslasten: '35,75', reiskosten: '0,23', toelichting: 'begroting 2031' });
  assert.equal(res.status, 303);
  const row = sql(srv.db, `SELECT charges_bp, travel_cents_per_km, note FROM ledger_board_year WHERE board_id = ${b} AND year = 2031`);
  assert.equal(row, '3575|23|begroting 2031');
  const page = await hr1.get(`/besturen/${b}/kostprijs`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<th class="utrecht-table__header-cell" scope="row">2031<\/th><td class="utrecht-table__cell utrecht-table__cell--numeric">35,75%<\/td>/);
  const audit = Number(sql(srv.db, `SELECT COUNT(*) FROM audit_log WHERE actor LIKE '%hr.b1@demo.samen.nl%'`));
  assert.ok(audit > 0);
});

test('bad values are refused naming the field, and nothing is written', async () => {
  const b = hr1.user.board_id;
  const before = sql(srv.db, `SELECT COUNT(*) FROM ledger_board_year WHERE board_id = ${b}`);
  for (const [field, fields] of [
    ['werkgeverslasten', { jaar: '2032', werkgeverslasten: '35,755', reiskosten: '0,23' }],
    ['werkgeverslasten', { jaar: '2032', werkgeverslasten: 'veel', reiskosten: '0,23' }],
    ['reiskosten', { jaar: '2032', werkgeverslasten: '30', reiskosten: '-1' }],
    ['jaar', { jaar: '20x2', werkgeverslasten: '30', reiskosten: '0,2' }],
  ]) {
    const res = await form(hr1, `/besturen/${b}/kostprijs`, fields);
    assert.equal(res.status, 400, JSON.stringify(fields));
    assert.match(await res.text(), /utrecht-alert--error/);
  }
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM ledger_board_year WHERE board_id = ${b}`), before);
});

test('another board\'s settings and forged forms are refused', async () => {
  const b1 = hr1.user.board_id;
  assert.equal((await hr2.get(`/besturen/${b1}/kostprijs`)).status, 403);
  assert.equal((await form(hr2, `/besturen/${b1}/kostprijs`, { jaar: '2033', werkgeverslasten: '1', reiskosten: '0' })).status, 403);
  assert.equal((await form(hr1, `/besturen/${b1}/kostprijs`, { jaar: '2033', werkgeverslasten: '1', reiskosten: '0' }, 'forged')).status, 403);
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM ledger_board_year WHERE year = 2033`), '0');
});

test('the coordinator adds a salary table for a new CAO year and corrects one amount; HR may only read', async () => {
  const add = await form(coord, '/verrekening/salaristabellen', { geldig_vanaf: '2031-01-01', omschrijving: 'CAO 2031', verhoging: '2' });
  assert.equal(add.status, 303);
  const id = Number(add.headers.get('location').split('/').pop());
  const prev = sql(srv.db, `SELECT s.monthly_cents FROM salary_step s JOIN salary_table t ON t.id = s.table_id
    WHERE t.valid_from < '2031-01-01' AND s.scale = 'LB' AND s.step = 3 ORDER BY t.valid_from DESC LIMIT 1`);
  const now = sql(srv.db, `SELECT monthly_cents FROM salary_step WHERE table_id = ${id} AND scale = 'LB' AND step = 3`);
  assert.equal(Number(now), Math.round(Number(prev) * 1.02));
  const set = await form(coord, `/verrekening/salaristabellen/${id}`, { schaal: 'LB', trede: '3', bedrag: '4321,09', bron: 'officiële tabel 2031' });
  assert.equal(set.status, 303);
  assert.equal(sql(srv.db, `SELECT monthly_cents || '|' || source FROM salary_step WHERE table_id = ${id} AND scale = 'LB' AND step = 3`), '432109|officiële tabel 2031');
  const page = await hr1.get(`/verrekening/salaristabellen/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /4\.321,09/);
  assert.doesNotMatch(page.text, /action="\/verrekening\/salaristabellen\//);
  assert.equal((await form(hr1, `/verrekening/salaristabellen/${id}`, { schaal: 'LB', trede: '3', bedrag: '1', bron: 'x' })).status, 403);
  const dup = await form(coord, '/verrekening/salaristabellen', { geldig_vanaf: '2031-01-01', omschrijving: 'nog eens', verhoging: '0' });
  assert.equal(dup.status, 409);
  const bad = await form(coord, `/verrekening/salaristabellen/${id}`, { schaal: 'LB', trede: '31', bedrag: '10', bron: 'x' });
  assert.equal(bad.status, 400);
});
