/*
 * facts.test.mjs - the fact base dashboard (/feiten) in Chromium: the four
 * Vega-Lite charts are drawn (SVG) under the page's strict CSP without a
 * single violation, every chart has its data table, axe-core finds no
 * WCAG 2.1 A/AA violation, filters and print work, and the coordinator can
 * agree ("vaststellen") the figures. Screenshots go to
 * tests/out/screenshots/facts/ (a subdirectory: run.mjs empties the main one).
 *
 * Run: SAMEN_BIN=build/samen node --test tests/browser/facts.test.mjs
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, client, PASSWORD } from '../api/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireWww = createRequire(path.join(ROOT, 'www', 'package.json'));
const { chromium } = requireWww('playwright-core');
const AXE_SOURCE = fs.readFileSync(requireWww.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(ROOT, 'tests', 'out', 'screenshots', 'facts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let srv, browser, page, region;
const problems = [];

before(async () => {
	fs.mkdirSync(SHOTS, { recursive: true });
	srv = await startServer();
	region = (await client(srv.base, 'coordinator@demo.samen.nl')).user.region_id;
	browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
	await context.addInitScript(() => {
		window.__csp = [];
		document.addEventListener('securitypolicyviolation', e =>
			window.__csp.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'} ${e.sourceFile}:${e.lineNumber}`));
	});
	page = await context.newPage();
	page.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
	page.on('pageerror', e => problems.push(`page error: ${e.message}`));
	page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
	await page.goto(`${srv.base}/aanmelden`);
	await page.fill('input[name=email]', 'coordinator@demo.samen.nl');
	await page.fill('input[name=password]', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
});

after(async () => {
	await browser?.close();
	await srv?.stop();
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

async function chartsDrawn(n) {
	await page.waitForFunction(k => document.querySelectorAll('.samen-chart__canvas--drawn svg').length >= k,
				   n, { timeout: 20_000 });
}

test('the dashboard draws its four charts under the CSP, each with a table', async () => {
	const res = await page.goto(`${srv.base}/feiten/${region}`);
	assert.equal(res.status(), 200);
	const html = await res.text();
	// The only inline scripts are JSON data blocks, never code.
	for (const m of html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g))
		assert.match(m[1], /type="application\/json"/, 'an inline <script> must be a JSON data block');
	assert.ok(!/\sstyle\s*=/.test(html), 'no inline style attributes');
	await chartsDrawn(4);
	const charts = await page.evaluate(() => [...document.querySelectorAll('figure.samen-chart')].map(f => ({
		svg: !!f.querySelector('svg'),
		marks: f.querySelectorAll('svg path, svg rect, svg line, svg text').length,
		table: !!f.parentElement.querySelector('table caption'),
	})));
	assert.equal(charts.length, 4);
	for (const c of charts) {
		assert.ok(c.svg && c.marks > 5, 'a drawn chart has marks');
		assert.ok(c.table, 'a chart has a data table beneath it');
	}
	assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
	await page.screenshot({ path: path.join(SHOTS, '01-feitenbasis.png'), fullPage: true });
	await axe('feitenbasis');
});

test('the pyramid table matches the API; hidden cells show *', async () => {
	const api = await page.evaluate(async r => (await fetch(`/api/v1/facts/${r}`)).json(), region);
	const rows = await page.$$eval('section:has(#leeftijd) table tbody tr', trs => trs.map(tr =>
		[tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
	assert.equal(rows.length, 10);
	for (const [band, shown] of rows) {
		const p = api.age_pyramid.find(x => x.band === band);
		assert.ok(p, band);
		if (p.persons === null)
			assert.equal(shown, '*');
		else
			assert.equal(shown.replace('.', ''), String(p.persons));
	}
});

test('filtering by board shows that board and keeps the charts', async () => {
	await page.selectOption('#f-bestuur', { index: 1 });
	await Promise.all([page.waitForNavigation(), page.click('form.samen-filters button[type=submit]')]);
	assert.match(page.url(), /bestuur=\d+/);
	await chartsDrawn(4);
	assert.ok(await page.locator('h1 .samen-subtitle').count() === 1);
	assert.deepEqual(await page.evaluate(() => window.__csp), []);
	await page.screenshot({ path: path.join(SHOTS, '02-feitenbasis-bestuur.png'), fullPage: true });
	await axe('feitenbasis bestuur');
});

test('the subject filter switches the fan chart to that subject', async () => {
	await page.goto(`${srv.base}/feiten/${region}?vak=en`);
	await chartsDrawn(4);
	assert.match(await page.textContent('#prognose'), /Engels/);
});

test('print hides filters, forms and downloads', async () => {
	await page.goto(`${srv.base}/feiten/${region}`);
	await chartsDrawn(4);
	await page.emulateMedia({ media: 'print' });
	const shown = await page.evaluate(() => ({
		filters: getComputedStyle(document.querySelector('form.samen-filters')).display,
		downloads: getComputedStyle(document.querySelector('.samen-downloads')).display,
	}));
	assert.equal(shown.filters, 'none');
	assert.equal(shown.downloads, 'none');
	await page.screenshot({ path: path.join(SHOTS, '03-feitenbasis-print.png'), fullPage: true });
	await page.emulateMedia({ media: 'screen' });
});

test('the coordinator agrees the key figures (vastgesteld)', async () => {
	await page.goto(`${srv.base}/feiten/${region}`);
	await Promise.all([page.waitForNavigation(), page.click('#vaststellen ~ form button, form[action$="/vaststellen"] button')]);
	const note = await page.textContent('#kerncijfers + dl .samen-stat__source');
	assert.match(note, /vastgesteld \d{4}-\d{2}-\d{2}/);
});

test('the sources page and the scenario comparison are accessible', async () => {
	await page.goto(`${srv.base}/feiten/${region}/bronnen`);
	assert.ok(await page.locator('table').count() >= 2);
	await axe('bronnen');
	await page.goto(`${srv.base}/feiten/${region}/scenarios?a=basis&b=krimp`);
	assert.ok(await page.locator('#vergelijking tbody tr').count() > 0);
	await page.screenshot({ path: path.join(SHOTS, '04-scenarios.png'), fullPage: true });
	await axe('scenarios');
	await page.goto(`${srv.base}/feiten/${region}/vacatures`);
	await axe('vacatures');
	await page.goto(`${srv.base}/feiten/${region}/cijfers`);
	await axe('cijfers');
});

test('no console errors, failed requests or CSP violations anywhere', () => {
	assert.deepEqual(problems, []);
});
