/*
 * secondment.test.mjs - month end in Chromium (STORIES.md story 3, docs/secondment.md):
 * the HR adviser of board 1 opens the secondments and their reminders, a
 * secondment's page, confirms a VAT condition and registers hours through the
 * forms (no JavaScript), prints the agreement (the tool bar disappears on
 * paper), opens the region's settlement, closes the month and reads the board's
 * statement with its downloads. On every page axe-core finds no WCAG 2.1 A/AA
 * violation; no console error, failed request or CSP violation may occur.
 * Screenshots go to tests/out/screenshots/secondment/.
 *
 * Run: SAMEN_BIN=build/samen node --test tests/browser/secondment.test.mjs
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, client, sql, PASSWORD } from '../api/harness.mjs';

process.env.SAMEN_TODAY = '2026-11-24';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireWww = createRequire(path.join(ROOT, 'www', 'package.json'));
const { chromium } = requireWww('playwright-core');
const AXE_SOURCE = fs.readFileSync(requireWww.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(ROOT, 'tests', 'out', 'screenshots', 'secondment');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let srv, browser, page, region, board, secondment;
const problems = [];

before(async () => {
	fs.mkdirSync(SHOTS, { recursive: true });
	srv = await startServer();
	const hr = await client(srv.base, 'hr.b1@demo.samen.nl');
	region = hr.user.region_id;
	board = hr.user.board_id;
	// The demo's scheikunde secondment: board 1 lends to board 2.
	secondment = Number(sql(srv.db, `SELECT id FROM secondment WHERE lender_board_id = ${board}
		AND expertise = 'scheikunde'`));
	browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
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
	await page.goto(`${srv.base}/aanmelden`);
	await page.fill('input[name=email]', 'hr.b1@demo.samen.nl');
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

async function shot(name) {
	await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('the list shows the secondments and what needs attention', async () => {
	await Promise.all([page.waitForNavigation(), page.click('nav a[href="/detacheringen"]')]);
	assert.match(await page.textContent('h1'), /Detacheringen/);
	assert.match(await page.textContent('main'), /Aandachtspunten/);
	assert.match(await page.textContent('main'), /verlengingsgesprek/);
	assert.ok(await page.locator('main table tbody tr').count() >= 3);
	await shot('01-lijst');
	await axe('lijst');
});

test('a secondment: confirm a VAT condition and register hours through the forms', async () => {
	await page.goto(`${srv.base}/detacheringen/${secondment}`);
	assert.match(await page.textContent('.samen-vat-outcome'), /vrijgesteld van btw/);
	// Withdraw condition a (the lender's): the exemption lapses, 21 % VAT.
	await Promise.all([page.waitForNavigation(),
		page.click('form[action$="/btw"]:has(input[name=voorwaarde][value=a]) button')]);
	assert.match(page.url(), /gedaan=btw/);
	assert.match(await page.textContent('main'), /voorwaarde a niet bevestigd/);
	await Promise.all([page.waitForNavigation(),
		page.click('form[action$="/btw"]:has(input[name=voorwaarde][value=a]) button')]);
	assert.match(await page.textContent('main'), /alle voorwaarden bevestigd/);
	// Hours on a day in the herfstvakantie are refused with the reason.
	await page.check('#f-soort-dag');
	await page.fill('#f-datum', '2026-10-14');
	await page.fill('#f-uren', '2');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/uren"] button[type=submit]')]);
	assert.match(await page.textContent('[role=alert]'), /herfstvakantie/);
	await shot('02-uren-geweigerd');
	await axe('uren geweigerd');
	await page.check('#f-soort-dag');
	await page.fill('#f-datum', '2026-11-02');
	await page.fill('#f-uren', '1,5');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/uren"] button[type=submit]')]);
	assert.match(page.url(), /gedaan=uren/);
	assert.match(await page.textContent('[role=status]'), /geregistreerd/);
	await shot('03-detachering');
	await axe('detachering');
});

test('the agreement prints as a document', async () => {
	await Promise.all([page.waitForNavigation(), page.click('a[href$="/overeenkomst"]')]);
	assert.match(await page.textContent('h1'), /Detacheringsovereenkomst/);
	assert.equal(await page.locator('.samen-agreement__signature').count(), 3);
	await axe('overeenkomst');
	await page.emulateMedia({ media: 'print' });
	assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.samen-agreement__tools')).display),
		     'none');
	await shot('04-overeenkomst-print');
	await page.emulateMedia({ media: 'screen' });
	const pdf = await page.evaluate(async id => {
		const r = await fetch(`/detacheringen/${id}/overeenkomst.pdf`);
		return { type: r.headers.get('content-type'), head: (await r.text()).slice(0, 5) };
	}, secondment);
	assert.deepEqual(pdf, { type: 'application/pdf', head: '%PDF-' });
});

test('the region settlement: close October, read the board statement', async () => {
	await page.goto(`${srv.base}/regio/${region}/verrekening?periode=2026-10`);
	assert.match(await page.textContent('main'), /betaling\(en\) in plaats van/);
	await axe('verrekening regio');
	await shot('05-verrekening');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/afsluiten"] button')]);
	assert.match(await page.textContent('main'), /Deze periode is afgesloten/);
	await page.goto(`${srv.base}/besturen/${board}/verrekening?periode=2026-10`);
	assert.match(await page.textContent('main'), /saldo/);
	assert.ok(await page.locator('a[href*="/verrekening/ubl/"]').count() >= 1);
	assert.ok(await page.locator('a[href*="formaat=xlsx"]').count() === 1);
	await axe('overzicht bestuur');
	await shot('06-overzicht');
});

test('no console errors, failed requests or CSP violations', async () => {
	assert.deepEqual(await page.evaluate(() => window.__csp), []);
	assert.deepEqual(problems, []);
});
