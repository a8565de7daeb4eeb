/*
 * timetable.test.mjs - the timetable settings of a school and the matching
 * settings of a region in Chromium (issue 4; docs/match.md): the school leader
 * of 31KN00 follows the link from the school page, changes the bell schedule
 * in the table of rows (a refused overlap keeps the rows as typed), sets a
 * teacher code from the select of the board's staff, uploads an Untis export
 * that is refused (every error with its line and field, nothing stored) and
 * one that is checked only; the coordinator changes the region's settings and
 * uploads travel times. Forms only, no JavaScript. On every page axe-core
 * finds no WCAG 2.1 A/AA violation; no console error, failed request or CSP
 * violation may occur. Screenshots go to tests/out/screenshots/timetable/.
 *
 * Run: SAMEN_BIN=build/samen node --test tests/browser/timetable.test.mjs
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, sql, PASSWORD } from '../api/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireWww = createRequire(path.join(ROOT, 'www', 'package.json'));
const { chromium } = requireWww('playwright-core');
const AXE_SOURCE = fs.readFileSync(requireWww.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(ROOT, 'tests', 'out', 'screenshots', 'timetable');
const FX = path.join(ROOT, 'tests', 'fixtures', 'timetable');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let srv, browser, context, page, school, region, tmp;
const problems = [];

async function signIn(email) {
	await page.goto(`${srv.base}/aanmelden`);
	await page.fill('input[name=email]', email);
	await page.fill('input[name=password]', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
}

before(async () => {
	fs.mkdirSync(SHOTS, { recursive: true });
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samen-tt-browser-'));
	srv = await startServer();
	school = Number(sql(srv.db, "SELECT id FROM school WHERE brin = '31KN' AND vestiging = '00'"));
	region = Number(sql(srv.db, `SELECT b.region_id FROM school s JOIN board b ON b.id = s.board_id WHERE s.id = ${school}`));
	browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
	context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
	await context.addInitScript(() => {
		window.__csp = [];
		document.addEventListener('securitypolicyviolation', e =>
			window.__csp.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'}`));
	});
	page = await context.newPage();
	// A refused form answers 400 with the page and its reason; Chromium logs that status.
	page.on('console', m => {
		if (m.type() === 'error' && !/status of 400/.test(m.text())) problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', e => problems.push(`page error: ${e.message}`));
	page.on('response', r => {
		if (r.status() >= 400 && r.status() !== 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
	});
	await signIn('schoolleider.b1@demo.samen.nl');
});

after(async () => {
	await browser?.close();
	await srv?.stop();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function axe(name) {
	if (!(await page.evaluate(() => typeof window.axe === 'object')))
		await page.evaluate(AXE_SOURCE);
	const r = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		resultTypes: ['violations'],
	}));
	assert.deepEqual(r.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), [],
			 `axe on ${name}`);
}

async function shot(name) {
	await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('the school page links to the timetable settings; the bell schedule is a table of rows', async () => {
	await page.goto(`${srv.base}/scholen/${school}`);
	await Promise.all([page.waitForNavigation(), page.click(`a[href="/scholen/${school}/rooster"]`)]);
	assert.match(await page.textContent('h1'), /Rooster en lestijden/);
	assert.equal(await page.inputValue('input[name=uur8]'), '8');
	assert.equal(await page.inputValue('input[name=begin8]'), '14:20');
	assert.equal(await page.inputValue('input[name=uur9]'), '', 'empty rows to add periods');
	await shot('01-rooster');
	await axe('rooster');
	// An overlap is refused; the rows stay as typed.
	await page.fill('input[name=begin2]', '09:10');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/rooster"] button[type=submit]')]);
	assert.match(await page.textContent('[role=alert]'), /period 2 starts before period 1 ends/);
	assert.equal(await page.inputValue('input[name=begin2]'), '09:10');
	await axe('belschema geweigerd');
	// A ninth and tenth period (the Untis fixture uses period 9), lesson length 50.
	await page.fill('input[name=begin2]', '09:20');
	await page.fill('input[name=uur9]', '9');
	await page.fill('input[name=begin9]', '15:10');
	await page.fill('input[name=eind9]', '16:00');
	await page.fill('input[name=uur10]', '10');
	await page.fill('input[name=begin10]', '16:00');
	await page.fill('input[name=eind10]', '16:50');
	await page.fill('input[name=lesnorm]', '740');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/rooster"] button[type=submit]')]);
	assert.match(page.url(), /ok=bel/);
	assert.match(await page.textContent('[role=status]'), /Opgeslagen/);
	assert.equal(await page.inputValue('input[name=eind10]'), '16:50');
	assert.equal(sql(srv.db, `SELECT COUNT(*) FROM school_period WHERE school_id = ${school}`), '10');
});

test('a teacher code from the select of the board staff', async () => {
	// The school leader's select holds the board's staff assigned to the school.
	const emp = sql(srv.db, `SELECT e.employee_number FROM employment e JOIN school s ON s.board_id = e.board_id
		JOIN assignment a ON a.employment_id = e.id AND a.school_id = s.id
		WHERE s.id = ${school} ORDER BY e.employee_number LIMIT 1`);
	await page.fill('#f-code', 'BAK');
	await page.selectOption('#f-persoon', emp);
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/rooster/codes"] button[type=submit]')]);
	assert.match(page.url(), /ok=code/);
	assert.match(await page.textContent('#codes ~ .samen-table-wrap'), /BAK/);
	await axe('code gezet');
});

test('an Untis upload with errors lists every one with line and field and stores nothing', async () => {
	const codes = sql(srv.db, `SELECT e.employee_number FROM employment e JOIN school s ON s.board_id = e.board_id
		WHERE s.id = ${school} ORDER BY e.employee_number LIMIT 8`).split('\n');
	const names = ['BAK', 'DEV', 'EKS', 'JAN', 'HER', 'SMI', 'kzp', 'abc'];
	const codesFile = path.join(tmp, 'codes.csv');
	fs.writeFileSync(codesFile, 'code;personeelsnummer\n' + names.map((n, i) => `${n};${codes[i]}`).join('\n') + '\n');
	const bad = path.join(tmp, 'GPU001.TXT');
	fs.writeFileSync(bad, '1;"H4a";"BAK";"wi";"101";1;12;;\n2;"V5b";"DEV";"netl";"";7;3;;\n');
	await page.setInputFiles('#f-gpu001', bad);
	await page.setInputFiles('#f-gpu004', path.join(FX, 'gpu004_utf8_lf.txt'));
	await page.setInputFiles('#f-codes', codesFile);
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/rooster/import"] button[type=submit]')]);
	const alert = await page.textContent('#upload ~ [role=alert]');
	assert.match(alert, /niets opgeslagen/);
	assert.match(alert, /regel 1, veld stunde: period 12 is outside the bell schedule/);
	assert.match(alert, /regel 2, veld wochentag: weekday 7/);
	assert.equal(sql(srv.db, `SELECT COUNT(*) FROM match_lesson WHERE school_id = ${school} AND source = 'untis'`), '0');
	await shot('02-upload-geweigerd');
	await axe('upload geweigerd');
	// The good export, check only: the figures, still nothing stored.
	await page.setInputFiles('#f-gpu001', path.join(FX, 'gpu001_utf8_lf.txt'));
	await page.setInputFiles('#f-gpu004', path.join(FX, 'gpu004_utf8_lf.txt'));
	await page.setInputFiles('#f-codes', codesFile);
	await page.check('#f-controle');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/rooster/import"] button[type=submit]')]);
	assert.match(await page.textContent('#upload ~ [role=status]'), /Controle geslaagd/);
	assert.match(await page.textContent('#upload ~ dl.samen-stats'), /Lessen\s*5\s*Vervangen lessen\s*0\s*Docenten\s*4/);
	assert.equal(sql(srv.db, `SELECT COUNT(*) FROM match_lesson WHERE school_id = ${school} AND source = 'untis'`), '0');
	await shot('03-upload-gecontroleerd');
	await axe('upload gecontroleerd');
});

test('the coordinator changes the region settings and uploads travel times', async () => {
	await context.clearCookies();
	await signIn('coordinator@demo.samen.nl');
	await page.goto(`${srv.base}/regio/${region}`);
	await Promise.all([page.waitForNavigation(), page.click(`a[href="/regio/${region}/matchinstellingen"]`)]);
	assert.match(await page.textContent('h1'), /Matchinstellingen/);
	await page.fill('#f-weken', '60');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/matchinstellingen"] button[type=submit]')]);
	assert.match(await page.textContent('[role=alert]'), /veld weken/);
	await page.fill('#f-snelheid', '27,5');
	await page.fill('#f-weken', '38');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/matchinstellingen"] button[type=submit]')]);
	assert.match(await page.textContent('[role=status]'), /Opgeslagen/);
	assert.equal(await page.inputValue('#f-snelheid'), '27,5');
	const csv = path.join(tmp, 'reistijden.csv');
	fs.writeFileSync(csv, 'from;to;minutes\n31KN00;27AK00;14\n27AK00;31KN00;15\n');
	await page.setInputFiles('#f-bestand', csv);
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/matchinstellingen/import"] button[type=submit]')]);
	assert.match(await page.textContent('[role=status]'), /reistijden zijn opgeslagen/);
	assert.equal(await page.locator('#reistijden ~ .samen-table-wrap tbody tr').count(), 2);
	await shot('04-matchinstellingen');
	await axe('matchinstellingen');
	// In English.
	await page.goto(`${srv.base}/taal/en`);
	await page.goto(`${srv.base}/regio/${region}/matchinstellingen`);
	assert.match(await page.textContent('h1'), /Matching settings/);
	await axe('matching settings (en)');
});

test('no console errors, failed requests or CSP violations', async () => {
	const csp = await page.evaluate(() => window.__csp);
	assert.deepEqual([...problems, ...csp], []);
});
