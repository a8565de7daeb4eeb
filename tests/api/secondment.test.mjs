// secondment.test.mjs - secondments and the settlement between boards
// (docs/secondment.md): rights per side, refused input with reasons, the
// three-party agreement, hours that never fall in holidays, corrections as
// new entries, every VAT condition flipping the exemption, multilateral
// netting (net amounts sum to zero, at most boards - 1 payments, the same as
// the pairwise sums and as `samen settle`), closed periods that cannot
// change, UBL 2.1 invoices that validate against the schema, the agreement
// as HTML and PDF, and the audit log.
//
// The demo region is generated as of 24 November 2026 (SAMEN_TODAY), so its
// secondments, registered hours and closed months (August and September) are
// the same on every run; October 2026 is the open month under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, client, sql, samen } from './harness.mjs';

process.env.SAMEN_TODAY = '2026-11-24';
const XSD = resolve('tests/fixtures/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd');
const OCT = '2026-10';

let srv;
const u = {};
let region;
let created; // the secondment this file creates (board 1 -> board 2)

before(async () => {
  srv = await startServer();
  for (const e of ['admin', 'coordinator', 'hr.b1', 'hr.b2', 'hr.b3', 'bestuurder.b1', 'schoolleider.b1', 'docent.b1']) {
    u[e] = await client(srv.base, `${e}@demo.samen.nl`);
  }
  region = u.coordinator.user.region_id;
});
after(async () => { await srv.stop(); });

const board = (e) => u[e].user.board_id;
const post = (c, path, json) => c.req('POST', path, { json });

test('each user sees the secondments of their own side only', async () => {
  const count = (b) => Number(sql(srv.db, `SELECT COUNT(*) FROM secondment WHERE lender_board_id = ${b} OR borrower_board_id = ${b}`));
  for (const e of ['hr.b1', 'hr.b2', 'hr.b3']) {
    const r = await u[e].get('/api/v1/secondments');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.data.total, count(board(e)), e);
    assert.ok(r.data.total >= 2);
    for (const s of r.data.secondments) assert.ok(s.lender.id === board(e) || s.borrower.id === board(e));
  }
  const coord = await u.coordinator.get('/api/v1/secondments');
  assert.equal(coord.data.total, 0, 'the coordinator sees no person-level secondments');
  const mine = await u['docent.b1'].get('/api/v1/secondments');
  assert.equal(mine.data.total, 1);
  assert.equal(mine.data.secondments[0].person.id, u['docent.b1'].user.person_id);
  const other = sql(srv.db, `SELECT id FROM secondment WHERE lender_board_id <> ${board('hr.b1')} AND borrower_board_id <> ${board('hr.b1')} LIMIT 1`);
  assert.equal((await u['hr.b1'].get(`/api/v1/secondments/${other}`)).status, 403);
  assert.equal((await u['hr.b1'].get(`/detacheringen/${other}`)).status, 403);
});

function newBody(over = {}) {
  const b1 = board('hr.b1'), b2 = board('hr.b2');
  const person = Number(sql(srv.db, `SELECT e.person_id FROM employment e WHERE e.board_id = ${b1}
    AND NOT EXISTS (SELECT 1 FROM employment x WHERE x.person_id = e.person_id AND x.board_id <> ${b1})
    AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.person_id = e.person_id) ORDER BY e.id LIMIT 1 OFFSET 7`));
  const school = Number(sql(srv.db, `SELECT id FROM school WHERE board_id = ${b2} ORDER BY id LIMIT 1`));
  return {
    borrower_board_id: b2, borrower_school_id: school, person_id: person,
    function: 'Docent Duits', purpose: 'Duits havo 3 en 4', expertise: 'Duits, NT2',
    hours_per_week: 6.5, weekdays: 'ma-vr', start: '2026-09-01', end: '2027-06-30', km_per_week: 40,
    ...over,
  };
}

test('bad input is refused with the reason and the field', async () => {
  const hr = u['hr.b1'];
  const cases = [
    [{ borrower_board_id: board('hr.b1') }, 'borrower', /own board/],
    [{ borrower_board_id: 99999 }, 'borrower', /unknown board 99999/],
    [{ person_id: u['docent.b1'].user.person_id + 100000 }, 'person', /not employed by the lending board/],
    [{ hours_per_week: -3 }, 'hours_per_week', /negative/],
    [{ hours_per_week: 0 }, 'hours_per_week', /more than 0/],
    [{ end: '2026-08-01' }, 'end', /before the start/],
    [{ weekdays: 'za,zo' }, 'weekdays', /days/],
    [{ purpose: '' }, 'purpose', /work/],
  ];
  for (const [over, field, msg] of cases) {
    const r = await post(hr, '/api/v1/secondments', newBody(over));
    assert.equal(r.status, 400, `${JSON.stringify(over)}: ${r.text}`);
    assert.equal(r.data.error.field, field, JSON.stringify(over));
    assert.match(r.data.error.message, msg);
  }
  // Only the employer seconds its own staff.
  const r = await post(u['hr.b2'], '/api/v1/secondments', newBody({ lender_board_id: board('hr.b1') }));
  assert.equal(r.status, 403);
  assert.equal(Number(sql(srv.db, `SELECT COUNT(*) FROM secondment WHERE function_title = 'Docent Duits'`)), 0);
});

test('a secondment is agreed by all three parties before hours can be registered', async () => {
  const r = await post(u['hr.b1'], '/api/v1/secondments', newBody());
  assert.equal(r.status, 201, r.text);
  created = r.data;
  assert.equal(created.state, 'draft');
  assert.equal(created.lender.id, board('hr.b1'));
  assert.ok(Math.abs(created.werktijdfactor - 6.5 * 40 / 1659) < 1e-9, 'rule 11');
  assert.equal(created.extension_due, '2027-03-30', 'rule 4: three months before the end');
  assert.deepEqual(created.reminders.map((x) => x.kind).sort(), ['agreement', 'consent', 'vat']);
  const id = created.id;
  // Rule 2: no hours before the agreement.
  let h = await post(u['hr.b2'], `/api/v1/secondments/${id}/hours`, { date: '2026-10-05', hours: 2 });
  assert.equal(h.status, 400);
  assert.match(h.data.error.message, /rule 2/);
  // Another board cannot see it; the borrower can, and that read is audited.
  assert.equal((await u['hr.b3'].get(`/api/v1/secondments/${id}`)).status, 403);
  assert.equal((await u['hr.b2'].get(`/api/v1/secondments/${id}`)).status, 200);
  assert.ok(Number(sql(srv.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND object_type = 'secondment' AND object_id = '${id}'`)) >= 1);
  // Each side agrees for itself, once.
  let s = await post(u['hr.b1'], `/api/v1/secondments/${id}/signatures`, {});
  assert.equal(s.status, 200, s.text);
  assert.ok(s.data.agreement.lender.by.includes('hr.b1@demo.samen.nl'));
  assert.equal((await post(u['hr.b1'], `/api/v1/secondments/${id}/signatures`, {})).status, 409);
  assert.equal((await post(u['hr.b1'], `/api/v1/secondments/${id}/signatures`, { party: 'borrower' })).status, 403);
  s = await post(u['hr.b2'], `/api/v1/secondments/${id}/signatures`, {});
  assert.ok(s.data.agreement.borrower);
  assert.equal(s.data.state, 'signing');
  // Rule 3: consent, recorded by the employer.
  assert.equal((await post(u['hr.b2'], `/api/v1/secondments/${id}/consent`, { note: 'brief' })).status, 403);
  assert.equal((await post(u['hr.b1'], `/api/v1/secondments/${id}/consent`, {})).status, 400);
  s = await post(u['hr.b1'], `/api/v1/secondments/${id}/consent`, { note: 'Ondertekende brief van 2 september 2026' });
  assert.equal(s.status, 200, s.text);
  h = await post(u['hr.b2'], `/api/v1/secondments/${id}/hours`, { date: '2026-10-05', hours: 2 });
  assert.equal(h.status, 400, 'the employee has not agreed yet');
  s = await post(u.admin, `/api/v1/secondments/${id}/signatures`, { party: 'employee' });
  assert.equal(s.status, 200, s.text);
  assert.equal(s.data.agreement.complete, true);
  assert.equal(s.data.state, 'active');
  // The demo's draft for the docent.b1 account: the employee agrees in Samen, which records consent.
  const mine = (await u['docent.b1'].get('/api/v1/secondments')).data.secondments[0];
  s = await post(u['docent.b1'], `/api/v1/secondments/${mine.id}/signatures`, {});
  assert.equal(s.status, 200, s.text);
  assert.ok(s.data.agreement.employee);
  assert.ok(s.data.consent, 'agreeing as employee records consent');
  assert.equal((await post(u['docent.b1'], `/api/v1/secondments/${mine.id}/signatures`, { party: 'lender' })).status, 403);
});

test('hours never fall in holidays or outside the dates; a correction is a new entry', async () => {
  const id = created.id;
  const hr = u['hr.b2'];
  const refuse = async (body, re) => {
    const r = await post(hr, `/api/v1/secondments/${id}/hours`, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.match(r.data.error.message, re);
  };
  await refuse({ date: '2026-10-14', hours: 3 }, /herfstvakantie/);           // school holiday, region noord
  await refuse({ date: '2026-10-03', hours: 3 }, /weekend/);
  await refuse({ date: '2027-05-06', hours: 3 }, /Hemelvaart/);               // national holiday
  await refuse({ date: '2027-07-15', hours: 3 }, /outside the secondment/);
  await refuse({ date: '2026-10-05', hours: -1 }, /negative/);
  await refuse({ week: '2026-W42', hours: 6 }, /holiday/);                     // the whole herfstvakantie week
  await refuse({ date: '2026-09-15', hours: 2 }, /closed/);                    // September is closed
  // A week across November and December is split by school days: 1 and 4.
  let r = await post(hr, `/api/v1/secondments/${id}/hours`, { week: '2026-W49', hours: 10, km: 40, note: 'week 49' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.data.entries.map((e) => [e.from, e.to, e.hours, e.km]),
    [['2026-11-30', '2026-11-30', 2, 8], ['2026-12-01', '2026-12-06', 8, 32]]);
  r = await post(hr, `/api/v1/secondments/${id}/hours`, { month: OCT, hours: 21.5, km: 120 });
  assert.equal(r.status, 201, r.text);
  const oct = r.data.entries[0];
  assert.deepEqual([oct.from, oct.to, oct.booked_month], ['2026-10-01', '2026-10-31', OCT]);
  const c = await post(u['hr.b1'], `/api/v1/secondments/${id}/hours/${oct.id}/corrections`, { hours: 23, note: 'te laat gemeld' });
  assert.equal(c.status, 201, c.text);
  assert.equal(c.data.entry.corrects, oct.id);
  assert.equal(c.data.entry.delta_hours, 1.5);
  assert.equal((await post(u['hr.b1'], `/api/v1/secondments/${id}/hours/${oct.id}/corrections`, { hours: 20 })).status, 409);
  const list = (await hr.get(`/api/v1/secondments/${id}/hours`)).data;
  assert.equal(list.entries.find((e) => e.id === oct.id).corrected_by, c.data.entry.id);
  const month = list.months.find((m) => m.month === OCT);
  assert.equal(month.registered_hours, 23);
  assert.ok(month.planned_hours > 0);
  // Planned October: 6,5 h a week on Mon-Fri = 1,3 h per school day; 17 school days (herfstvakantie 12-16 out).
  assert.equal(month.planned_days, 17);
  assert.equal(month.planned_hours, 22.1);
  // The database refuses to edit an entry.
  assert.throws(() => sql(srv.db, `UPDATE secondment_hours SET value_centihours = 1 WHERE id = ${oct.id}`));
});

test('every VAT condition flips the exemption, and each side confirms its own', async () => {
  const id = created.id;
  let r = await post(u['hr.b2'], `/api/v1/secondments/${id}/vat`, { confirm: ['a'] });
  assert.equal(r.status, 403, 'condition a is the lender\'s');
  r = await post(u['hr.b1'], `/api/v1/secondments/${id}/vat`, { confirm: ['a', 'd'] });
  assert.equal(r.data.vat.exempt, false);
  assert.equal(r.data.vat.reason, 'missing_b');
  r = await post(u['hr.b2'], `/api/v1/secondments/${id}/vat`, { confirm: ['b', 'c'] });
  assert.equal(r.data.vat.exempt, true);
  assert.equal(r.data.vat.category, 'E');
  const side = { a: 'hr.b1', b: 'hr.b2', c: 'hr.b2', d: 'hr.b1' };
  for (const cond of ['a', 'b', 'c', 'd']) {
    r = await post(u[side[cond]], `/api/v1/secondments/${id}/vat`, { withdraw: [cond] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.data.vat.exempt, false, cond);
    assert.equal(r.data.vat.reason, `missing_${cond}`);
    assert.equal(r.data.vat.rate_bp, 2100);
    r = await post(u[side[cond]], `/api/v1/secondments/${id}/vat`, { confirm: [cond] });
    assert.equal(r.data.vat.exempt, true, cond);
  }
  r = await post(u['hr.b1'], `/api/v1/secondments/${id}/vat`, { via_koepel: true });
  assert.equal(r.data.vat.reason, 'koepel');
  assert.equal(r.data.vat.rule, 8);
  assert.equal((await post(u['hr.b2'], `/api/v1/secondments/${id}/vat`, { via_koepel: false })).status, 403);
  r = await post(u['hr.b1'], `/api/v1/secondments/${id}/vat`, { via_koepel: false });
  assert.equal(r.data.vat.exempt, true);
  assert.equal((await post(u['hr.b1'], `/api/v1/secondments/${id}/vat`, { confirm: ['e'] })).status, 400);
});

async function settlement(period) {
  const r = await u.coordinator.get(`/api/v1/regions/${region}/settlement?period=${period}`);
  assert.equal(r.status, 200, r.text);
  return r.data;
}

test('netting: net amounts sum to zero, at most boards - 1 payments, equal to the pairwise sums', async () => {
  for (const period of [OCT, '2026-Q4', '2026-2027', '2026-09']) {
    const st = await settlement(period);
    const n = st.boards.length;
    assert.equal(st.boards.reduce((a, b) => a + b.net_cents, 0), 0, period);
    assert.equal(st.net_sum_cents, 0);
    assert.ok(st.payments.length <= n - 1, `${period}: ${st.payments.length} payments`);
    for (const b of st.boards) {
      assert.equal(b.net_cents, b.receivable_cents - b.payable_cents);
      const paid = st.payments.reduce((a, p) => a + (p.to === b.id ? p.cents : 0) - (p.from === b.id ? p.cents : 0), 0);
      assert.equal(paid, b.net_cents, `${period}: payments settle board ${b.id}`);
      // The pairwise sums, from each board's own statement.
      const s = await u.admin.get(`/api/v1/boards/${b.id}/statement?period=${period}`);
      assert.equal(s.status, 200, s.text);
      assert.equal(s.data.net_cents, b.net_cents);
      const lines = s.data.items.filter((i) => i.kind === 'line' || i.kind === 'vat');
      assert.equal(lines.reduce((a, i) => a + i.cents, 0), b.net_cents);
      const net = s.data.items.find((i) => i.kind === 'net');
      assert.equal(net.running_cents, b.net_cents, 'the running total ends at the net amount');
    }
    // Figures per board only: no names in the region's settlement.
    assert.ok(!JSON.stringify(st).includes('"person"'));
  }
  const oct = await settlement(OCT);
  assert.ok(oct.invoices >= 4 && oct.payments.length >= 1);
  assert.ok(oct.expertise.some((e) => e.expertise === 'NT2'));
});

test('samen settle PERIOD gives the same net amounts as the API', async () => {
  const out = samen(['settle', OCT, '--db', srv.db]);
  const st = await settlement(OCT);
  for (const b of st.boards) {
    const m = out.match(new RegExp(`${b.number} [^\\n]*net (-?\\d+\\.\\d\\d)`));
    assert.ok(m, `${b.number} in:\n${out}`);
    assert.equal(Math.round(Number(m[1]) * 100), b.net_cents);
  }
  assert.match(out, /Payments \(\d+ instead of \d+ invoices; at most 2\)/);
  assert.throws(() => samen(['settle', '2026-13', '--db', srv.db]), /not a period/);
});

test('UBL 2.1 invoices validate against the schema; CSV and XLSX download', async () => {
  const hr = u['hr.b1'];
  const b1 = board('hr.b1'), b2 = board('hr.b2');
  const r = await hr.get(`/besturen/${b1}/verrekening/ubl/${b2}?periode=${OCT}`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /xml/);
  assert.match(r.text, /urn:fdc:nen\.nl:nlcius:v1\.0/);
  const dir = mkdtempSync(join(tmpdir(), 'samen-ubl-'));
  try {
    const file = join(dir, 'invoice.xml');
    writeFileSync(file, r.text);
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
    // The command line writes the same invoices for all boards.
    samen(['settle', OCT, '--db', srv.db, '--ubl', join(dir, 'ubl')]);
    const files = execFileSync('ls', [join(dir, 'ubl')], { encoding: 'utf8' }).trim().split('\n');
    assert.ok(files.length >= 4);
    for (const f of files) execFileSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'ubl', f)], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal((await hr.get(`/besturen/${b1}/verrekening/ubl/${b2}?periode=2025-01`)).status, 404);
  assert.equal((await u['hr.b2'].get(`/besturen/${b1}/verrekening/ubl/${b2}?periode=${OCT}`)).status, 403);
  const csv = await hr.get(`/besturen/${b1}/verrekening/export?periode=${OCT}&formaat=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /soort;tegenpartij;maand;persoon;uren;btw;bedrag;lopend_totaal/);
  const xlsx = await hr.get(`/besturen/${b1}/verrekening/export?periode=${OCT}&formaat=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.ok(Number(sql(srv.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_type IN ('ubl_invoice', 'statement')`)) >= 3);
});

test('the agreement renders as a printable page and as a PDF', async () => {
  const id = created.id;
  const r = await u['hr.b1'].get(`/detacheringen/${id}/overeenkomst`, { headers: { 'Accept-Language': 'nl' } });
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1 class="utrecht-heading-1">Detacheringsovereenkomst<\/h1>/);
  assert.match(r.text, /agreement\.css/);
  assert.match(r.text, /Artikel 9\. Instemming van de werknemer/);
  assert.match(r.text, /drie maanden voor het einde, dat is op 30-03-2027/);
  assert.equal((r.text.match(/samen-agreement__signature"/g) || []).length, 3);
  assert.match(r.text, /Akkoord gegeven in Samen door/);
  const pdf = await fetch(`${srv.base}/detacheringen/${id}/overeenkomst.pdf`, { headers: { Cookie: u['hr.b1'].cookie } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length > 1500);
  assert.equal((await u['hr.b3'].get(`/detacheringen/${id}/overeenkomst`)).status, 403);
});

test('screens: list, secondment page, forms with CSRF, region and board settlement', async () => {
  const hr = u['hr.b1'];
  for (const path of ['/detacheringen', `/detacheringen/${created.id}`, '/detacheringen/nieuw',
    `/regio/${region}/verrekening?periode=${OCT}`, `/besturen/${board('hr.b1')}/verrekening?periode=${OCT}`]) {
    const r = await hr.get(path);
    assert.equal(r.status, 200, `${path}: ${r.status}`);
    assert.match(r.text, /<main/);
  }
  assert.equal((await u.coordinator.get(`/regio/${region}/verrekening?periode=${OCT}`)).status, 200);
  assert.equal((await u.coordinator.get(`/besturen/${board('hr.b1')}/verrekening?periode=${OCT}`)).status, 403);
  assert.equal((await u.coordinator.get(`/detacheringen/${created.id}`)).status, 403);
  // A form post registers hours and redirects; without the CSRF token it is refused.
  const form = (extra) => new URLSearchParams({ csrf: u['hr.b2'].csrf, soort: 'dag', datum: '2026-11-04', uren: '1,5', km: '8', ...extra }).toString();
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  let r = await u['hr.b2'].req('POST', `/detacheringen/${created.id}/uren`, { raw: form(), headers });
  assert.equal(r.status, 303, r.text);
  assert.match(r.headers.get('location'), /gedaan=uren/);
  r = await u['hr.b2'].req('POST', `/detacheringen/${created.id}/uren`, { raw: form({ csrf: 'x' }), headers: { ...headers, 'X-CSRF-Token': '' } });
  assert.equal(r.status, 403);
  r = await u['hr.b2'].req('POST', `/detacheringen/${created.id}/uren`, { raw: form({ datum: '2026-12-25' }), headers });
  assert.equal(r.status, 400, 'Christmas is refused on the page too');
  assert.match(r.text, /kerstvakantie|Kerst/i);
  // A new secondment through the form.
  const body = newBody();
  const f = new URLSearchParams({ csrf: hr.csrf, persoon: String(body.person_id), inlener: String(body.borrower_board_id),
    school: String(body.borrower_school_id), functie: 'Docent Frans', werkzaamheden: 'Frans vwo', uren: '4', begin: '2027-01-04',
    einde: '2027-06-30', dag_ma: '1', dag_di: '1', opslag: '0', km: '0' }).toString();
  r = await hr.req('POST', '/detacheringen', { raw: f, headers });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  assert.match(r.headers.get('location'), /^\/detacheringen\/\d+\?gedaan=aangemaakt$/);
});

test('closing a period freezes it: closed twice is refused, its hours cannot change', async () => {
  const before = await settlement(OCT);
  assert.equal(before.closed, false);
  let r = await post(u.coordinator, `/api/v1/regions/${region}/periods`, { period: OCT });
  assert.equal(r.status, 201, r.text);
  assert.ok(r.data.frozen_lines >= 5);
  r = await post(u['hr.b1'], `/api/v1/regions/${region}/periods`, { period: OCT });
  assert.equal(r.status, 409);
  assert.match(r.data.error.message, /already closed/);
  assert.equal((await post(u.coordinator, `/api/v1/regions/${region}/periods`, { period: '2026-12' })).status, 400, 'not ended yet');
  assert.equal((await post(u.coordinator, `/api/v1/regions/${region}/periods`, { period: '2026-Q5' })).status, 400);
  // New hours in October are refused; a correction is booked in November; October does not change.
  r = await post(u['hr.b2'], `/api/v1/secondments/${created.id}/hours`, { date: '2026-10-20', hours: 1 });
  assert.equal(r.status, 400);
  assert.match(r.data.error.message, /closed/);
  const entry = (await u['hr.b2'].get(`/api/v1/secondments/${created.id}/hours`)).data.entries
    .find((e) => e.from === '2026-10-01' && !e.corrected_by);
  r = await post(u['hr.b2'], `/api/v1/secondments/${created.id}/hours/${entry.id}/corrections`, { hours: 24 });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.entry.booked_month, '2026-11');
  const after = await settlement(OCT);
  assert.equal(after.closed, true);
  assert.deepEqual(after.boards, before.boards);
  // Even a salary change does not reach a closed period.
  samen(['ledger', 'salary-set', '2025-11-01', '--scale', 'LB', '--step', '5', '--euros', '9999', '--source', 'test', '--db', srv.db]);
  assert.deepEqual((await settlement(OCT)).boards, before.boards);
  assert.throws(() => sql(srv.db, 'DELETE FROM ledger_line'));
  assert.equal((await u.coordinator.get(`/api/v1/regions/${region}/settlement?period=2026-13`)).status, 400);
  assert.equal((await u.coordinator.get(`/api/v1/regions/${region + 1000}/settlement?period=${OCT}`)).status, 403);
});

test('every change is in the audit log', async () => {
  const count = (action) => Number(sql(srv.db, `SELECT COUNT(*) FROM audit_log WHERE action = '${action}'`));
  assert.ok(count('secondment.create') >= 7);
  assert.ok(count('secondment.sign') >= 15);
  assert.ok(count('secondment.consent') >= 1);
  assert.ok(count('secondment.vat') >= 12);
  assert.ok(count('secondment.hours') >= 50);
  assert.ok(count('secondment.hours_correct') >= 4);
  assert.ok(count('ledger.close') >= 3);
  assert.ok(count('ledger.salary') >= 1);
  const by = sql(srv.db, `SELECT actor FROM audit_log WHERE action = 'ledger.close' ORDER BY id DESC LIMIT 1`);
  assert.match(by, /<coordinator@demo\.samen\.nl>$/, 'the actor is named with the account');
});
