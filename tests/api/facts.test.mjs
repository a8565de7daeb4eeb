// facts.test.mjs - the regional fact base (issue 3) through the API, the
// downloads and the command line: rule 33 across views (and against each
// board's knowledge of its own numbers), the same numbers on every face,
// vacancies, figures with provenance and "vastgesteld", scenarios and the
// seeded forecast, DUO uploads all or nothing, and who may do what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, client, sql, samen, ENGINE } from './harness.mjs';

let srv, coord, hr1, hr2, region;
before(async () => {
  srv = await startServer();
  coord = await client(srv.base, 'coordinator@demo.samen.nl');
  hr1 = await client(srv.base, 'hr.b1@demo.samen.nl');
  hr2 = await client(srv.base, 'hr.b2@demo.samen.nl');
  region = coord.user.region_id;
});
after(async () => { await srv.stop(); });

const get = async (c, path) => {
  const r = await c.get(path);
  assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 300)}`);
  return r.data;
};

test('headcount is the number of current contracts; FTE is hours / 1659', async () => {
  const f = await get(coord, `/api/v1/facts/${region}`);
  const today = sql(srv.db, ENGINE === 'sqlite' ? "SELECT date('now')" : 'SELECT CURRENT_DATE');
  const heads = Number(sql(srv.db, `SELECT COUNT(*) FROM employment e JOIN board b ON b.id = e.board_id
    JOIN contract c ON c.employment_id = e.id WHERE b.region_id = ${region}
    AND c.start_date <= '${today}' AND (c.end_date IS NULL OR c.end_date >= '${today}')`));
  assert.equal(f.total.counts.headcount, heads);
  const hours = Number(sql(srv.db, `SELECT SUM(c.hours_per_year) FROM employment e JOIN board b ON b.id = e.board_id
    JOIN contract c ON c.employment_id = e.id WHERE b.region_id = ${region}
    AND c.start_date <= '${today}' AND (c.end_date IS NULL OR c.end_date >= '${today}')`));
  assert.ok(Math.abs(f.total.fte - Math.round(hours / 1659 * 10) / 10) < 1e-9);
  assert.equal(f.parts.length, 3);
  assert.equal(f.age_pyramid.length, 10);
});

// Every view a user can open, by filter.
async function allViews() {
  const region_ = await get(coord, `/api/v1/facts/${region}`);
  const boards = [];
  for (const b of region_.parts) {
    const id = Number(sql(srv.db, `SELECT id FROM board WHERE name = '${b.name.replace(/'/g, "''")}'`));
    boards.push({ id, view: await get(coord, `/api/v1/facts/${region}?bestuur=${id}`) });
  }
  return { region: region_, boards };
}

test('rule 33: no published count of 1 to 5 persons, in any view', async () => {
  const { region: r, boards } = await allViews();
  const check = (g) => {
    for (const [k, v] of Object.entries(g.counts)) {
      if (v !== null) assert.ok(v === 0 || v > 5, `${g.name} ${k} = ${v}`);
      else assert.ok(g.suppressed.includes(k));
    }
  };
  check(r.total);
  r.parts.forEach(check);
  r.subjects.forEach(check);
  for (const b of boards) { check(b.view.total); b.view.parts.forEach(check); b.view.subjects.forEach(check); }
  // Shares are masked below 5% and above 95% (rule 33).
  for (const g of [r.total, ...r.parts, ...r.subjects])
    for (const k of ['share_55plus', 'share_60plus', 'share_temporary'])
      if (g[k] !== null) assert.match(g[k], /^(<5%|>95%|([5-9]|[1-8]\d|9[0-5])%)$/, `${g.name} ${k} ${g[k]}`);
});

test('rule 33: no cell of 1-5 persons comes back by subtracting, across views and for each board', async () => {
  const { region: r, boards } = await allViews();
  // A board knows its own headcount exactly (its staff list): the true values, per board and school.
  const today = sql(srv.db, ENGINE === 'sqlite' ? "SELECT date('now')" : 'SELECT CURRENT_DATE');
  const trueHeads = (where) => Number(sql(srv.db, `SELECT COUNT(*) FROM employment e JOIN contract c ON c.employment_id = e.id
    WHERE ${where} AND c.start_date <= '${today}' AND (c.end_date IS NULL OR c.end_date >= '${today}')
    AND c.id = (SELECT c2.id FROM contract c2 WHERE c2.employment_id = e.id ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)`));
  const boardIds = boards.map((b) => b.id);
  // Families: region = sum of boards; board = sum of its schools (each child's owner is a board index).
  const fams = [{ parent: r.total, owner: -1, children: r.parts.map((g, i) => ({ g, owner: i })) }];
  boards.forEach((b, i) => fams.push({ parent: b.view.total, owner: i, children: b.view.parts.map((g) => ({ g, owner: i })) }));
  let attacks = 0;
  for (const k of Object.keys(r.total.counts)) {
    for (const fam of fams) {
      for (const insider of [-1, 0, 1, 2]) {
        // What the attacker knows: shown cells, and (for headcount) its own cells.
        const value = (g, owner, isParent) => {
          if (g.counts[k] !== null) return g.counts[k];
          if (owner === insider && insider >= 0 && k === 'headcount') {
            const bid = boardIds[insider];
            if (isParent || fam.owner < 0) return trueHeads(`e.board_id = ${bid}`);
            return null; // a school's own value: not modelled here (the unit tests cover it)
          }
          return null;
        };
        const p = value(fam.parent, fam.owner, true);
        if (p === null) continue;
        const unknown = fam.children.filter((c) => value(c.g, c.owner, false) === null);
        if (unknown.length !== 1) continue;
        attacks++;
        const rest = fam.children.filter((c) => c !== unknown[0]).reduce((s, c) => s + value(c.g, c.owner, false), 0);
        const recovered = p - rest;
        assert.ok(recovered === 0 || recovered > 5,
          `${k}: ${unknown[0].g.name} = ${recovered} recovered by ${insider < 0 ? 'anyone' : 'board ' + insider}`);
      }
    }
  }
  assert.ok(attacks >= 0);
});

test('the command line gives the same numbers as the API', async () => {
  const cli = JSON.parse(samen(['facts', '--db', srv.db, '--format', 'json']));
  const api = await get(coord, `/api/v1/facts/${region}`);
  assert.deepEqual(cli.total, api.total);
  assert.deepEqual(cli.parts, api.parts);
  assert.deepEqual(cli.subjects, api.subjects);
  const fc = JSON.parse(samen(['forecast', '--db', srv.db, '--subject', 'wi', '--format', 'json']));
  const apiFc = await get(coord, `/api/v1/facts/${region}/forecast?vak=wi`);
  assert.deepEqual(fc.subjects, apiFc.subjects);
});

test('tables download as CSV and XLSX with the same rows as the table API', async () => {
  const csv = await coord.get(`/feiten/${region}/export?tabel=groepen&formaat=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /feiten-alkmaar-groepen-\d{4}-\d{2}-\d{2}\.csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  const tbl = await get(coord, `/api/v1/facts/${region}/tables/groepen`);
  assert.equal(lines.length, tbl.rows.length + 1);
  assert.equal(lines[0].split(';')[0], 'naam');
  const xlsx = await fetch(`${srv.base}/feiten/${region}/export?tabel=vakken&formaat=xlsx`, { headers: { Cookie: coord.cookie } });
  assert.equal(xlsx.status, 200);
  const bytes = new Uint8Array(await xlsx.arrayBuffer());
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK');
  for (const t of ['leeftijd', 'vacatures', 'tekort', 'prognose', 'verschillen', 'bronnen'])
    assert.equal((await coord.get(`/feiten/${region}/export?tabel=${t}&formaat=csv`)).status, 200, t);
  assert.equal((await coord.get(`/feiten/${region}/export?tabel=nope&formaat=csv`)).status, 400);
});

test('disagreements are shown side by side with the difference', async () => {
  const t = await get(coord, `/api/v1/facts/${region}/tables/verschillen`);
  const [own, other, diff] = ['eigen_telling', 'andere_bron', 'verschil'].map((c) => t.columns.indexOf(c));
  const duits = t.rows.find((r) => r[0].startsWith('Duits'));
  assert.ok(duits, 'the German count from DUO is compared with the board\'s own');
  assert.equal(Number(duits[diff]), Number(duits[other]) - Number(duits[own]));
  assert.equal(duits[diff], '+3');
  assert.equal(t.rows.filter((r) => r[0] === 'Onderwijsgevend personeel').length, 3);
});

test('a board registers, fills and cannot touch another board\'s vacancies', async () => {
  const b1 = hr1.user.board_id;
  const school = Number(sql(srv.db, `SELECT id FROM school WHERE board_id = ${b1} ORDER BY id LIMIT 1`));
  const other = Number(sql(srv.db, `SELECT id FROM school WHERE board_id <> ${b1} ORDER BY id LIMIT 1`));
  const add = await hr1.req('POST', `/api/v1/facts/${region}/vacancies`,
    { json: { school_id: school, subject: 'na', hours_per_year: 829.5, opened_on: '2026-01-05' } });
  assert.equal(add.status, 201, add.text);
  const id = add.data.id;
  const bad = await hr1.req('POST', `/api/v1/facts/${region}/vacancies`,
    { json: { school_id: other, subject: 'na', hours_per_year: 800, opened_on: '2026-01-05' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.error.field, 'school');
  const future = await hr1.req('POST', `/api/v1/facts/${region}/vacancies`,
    { json: { subject: 'na', hours_per_year: 800, opened_on: '2099-01-05' } });
  assert.equal(future.data.error.field, 'opened_on');
  assert.equal((await hr2.req('POST', `/api/v1/facts/${region}/vacancies/${id}/close`,
    { json: { status: 'filled', how: 'intern', closed_on: '2026-02-01' } })).status, 404);
  assert.equal((await hr1.req('POST', `/api/v1/facts/${region}/vacancies/${id}/close`,
    { json: { status: 'filled', how: 'per ongeluk', closed_on: '2026-02-01' } })).data.error.field, 'how');
  const ok = await hr1.req('POST', `/api/v1/facts/${region}/vacancies/${id}/close`,
    { json: { status: 'filled', how: 'regionaal', closed_on: '2026-02-01' } });
  assert.equal(ok.status, 200, ok.text);
  const list = await get(coord, `/api/v1/facts/${region}/vacancies`);
  const v = list.vacancies.find((x) => x.id === id);
  assert.equal(v.status, 'filled');
  assert.equal(v.filled_how, 'regionaal');
  assert.equal((await coord.req('POST', `/api/v1/facts/${region}/vacancies`,
    { json: { subject: 'na', hours_per_year: 800, opened_on: '2026-01-05' } })).status, 403);
});

test('figures keep their source, may be unknown, and are agreed by the coordinator', async () => {
  const add = await hr1.req('POST', `/api/v1/facts/${region}/figures`, { json: {
    indicator: 'lessons_onbevoegd', board_id: hr1.user.board_id, period: '2025-2026', value: null,
    source: 'Untis export, not yet counted' } });
  assert.equal(add.status, 201, add.text);
  assert.equal((await hr1.req('POST', `/api/v1/facts/${region}/figures`, { json: {
    indicator: 'headcount', board_id: hr2.user.board_id, period: '2025-2026', value: 3, source: 'x' } })).status, 403);
  const neg = await coord.req('POST', `/api/v1/facts/${region}/figures`, { json: {
    indicator: 'headcount', period: '2025-2026', value: -3, source: 'x' } });
  assert.equal(neg.data.error.field, 'value');
  assert.equal((await hr1.req('POST', `/api/v1/facts/${region}/figures/${add.data.id}/vaststellen`)).status, 403);
  assert.equal((await coord.req('POST', `/api/v1/facts/${region}/figures/${add.data.id}/vaststellen`)).status, 200);
  const f = (await get(coord, `/api/v1/facts/${region}/figures`)).figures.find((x) => x.id === add.data.id);
  assert.equal(f.value, null);
  assert.equal(f.unknown, true);
  assert.equal(f.vastgesteld, true);
  assert.equal(f.vastgesteld_by, 'coordinator@demo.samen.nl');
  assert.equal(f.supplier, 'hr.b1@demo.samen.nl');
  assert.equal(f.source, 'Untis export, not yet counted');
  const sources = await get(coord, `/api/v1/facts/${region}/sources`);
  assert.ok(sources.sources.some((s) => s.kind === 'staff' && s.supplier === 'demo'));
  assert.ok(sources.sources.some((s) => s.kind === 'duo' && s.licence.startsWith('CC-BY')));
});

test('scenarios: rates outside 0-1 are refused; saved scenarios give reproducible forecasts', async () => {
  const bad = await coord.req('POST', `/api/v1/facts/${region}/scenarios`,
    { json: { name: 'te hoog', params: { leave_lt30: 1.5 } } });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.error.field, 'leave_lt30');
  assert.equal((await hr1.req('POST', `/api/v1/facts/${region}/scenarios`, { json: { name: 'x', params: {} } })).status, 403);
  const ok = await coord.req('POST', `/api/v1/facts/${region}/scenarios`,
    { json: { name: 'veel zij-instroom', params: { inflow_zij: 0.05, seed: 7 } } });
  assert.equal(ok.status, 201, ok.text);
  const a = await get(coord, `/api/v1/facts/${region}/forecast?vak=wi&scenario=veel%20zij-instroom`);
  const b = await get(coord, `/api/v1/facts/${region}/forecast?vak=wi&scenario=veel%20zij-instroom`);
  assert.deepEqual(a, b);
  assert.equal(a.parameters.inflow_zij, 0.05);
  assert.equal(a.seed, 7);
  const c = await get(coord, `/api/v1/facts/${region}/forecast?vak=wi&scenario=veel%20zij-instroom&seed=8`);
  assert.notDeepEqual(a.subjects[0].years, c.subjects[0].years);
  const base = await get(coord, `/api/v1/facts/${region}/forecast?vak=wi`);
  // More zij-instromers: less shortage in year 10.
  assert.ok(a.subjects[0].years[10].shortage < base.subjects[0].years[10].shortage);
  const y = a.subjects[0].years[5];
  assert.ok(y.p5 <= y.p50 && y.p50 <= y.p95);
  const list = await get(coord, `/api/v1/facts/${region}/scenarios`);
  assert.ok(list.scenarios.some((s) => s.name === 'veel zij-instroom'));
  assert.ok(list.parameters.every((p) => p.source.length > 5));
  assert.equal((await coord.get(`/api/v1/facts/${region}/forecast?vak=wi&runs=0`)).status, 400);
});

test('DUO uploads: both column generations; an unknown column stores nothing', async () => {
  const fx = (f) => readFileSync(new URL(`../fixtures/duo/${f}`, import.meta.url), 'utf8');
  const before_ = Number(sql(srv.db, 'SELECT COUNT(*) FROM fact_source'));
  const bad = await coord.req('POST', `/api/v1/facts/${region}/import/duo`,
    { json: { name: 'err_unknown_column.csv', content: fx('err_unknown_column.csv') } });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.error.field, 'KLASSENGROOTTE');
  const neg = await coord.req('POST', `/api/v1/facts/${region}/import/duo`,
    { json: { name: 'err_negative-2023.csv', content: fx('err_negative-2023.csv') } });
  assert.equal(neg.status, 400);
  assert.equal(neg.data.error.line, 3);
  assert.equal(Number(sql(srv.db, 'SELECT COUNT(*) FROM fact_source')), before_);
  const name23 = '01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2023.csv';
  const ok = await coord.req('POST', `/api/v1/facts/${region}/import/duo`, { json: { name: name23, content: fx(name23) } });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.data.generation, 2);
  assert.equal(ok.data.masked, 3);
  assert.equal(sql(srv.db, "SELECT known || '|' || masked FROM duo_pupils WHERE brin = '31KN' AND vestiging = '00' AND year = 2023"), '354|1');
  const name19 = '01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv';
  const old = await coord.req('POST', `/api/v1/facts/${region}/import/duo`, { json: { name: name19, content: fx(name19) } });
  assert.equal(old.data.generation, 1);
  assert.equal((await hr1.req('POST', `/api/v1/facts/${region}/import/duo`, { json: { name: 'x.csv', content: 'a' } })).status, 403);
});

test('who may see the fact base: not a staff member; pages carry no names', async () => {
  const staff = await client(srv.base, 'docent.b1@demo.samen.nl');
  assert.equal((await staff.get(`/api/v1/facts/${region}`)).status, 403);
  assert.equal((await staff.get(`/feiten/${region}`)).status, 403);
  const page = await coord.get(`/feiten/${region}`);
  assert.equal(page.status, 200);
  const someone = sql(srv.db, 'SELECT last_name FROM person ORDER BY id LIMIT 1');
  assert.ok(!page.text.includes(`>${someone}<`), 'no person names on the dashboard');
  const home = await coord.get('/feiten');
  assert.equal(home.status, 303);
  assert.equal(home.headers.get('location'), `/feiten/${region}`);
});
