/*
 * run.mjs - Samen's browser test: a real user's walk through the web pages.
 *
 * It creates a fresh demo database (`samen demo --db DB`), starts
 * `samen serve --db DB --port PORT` on a free port, waits for
 * GET /api/v1/health, and drives Debian's Chromium (/usr/bin/chromium) with
 * playwright-core through: sign-in as the demo HR adviser of board 1, the
 * region overview, the board's staff list, a subject filter, sorting by age,
 * one person's page, one school's page, the switch to English, sign-out.
 * On every page it opens it runs axe-core (WCAG 2.0/2.1 A and AA) and fails on
 * any violation, saves a screenshot to tests/out/screenshots/, and collects
 * console errors, uncaught page errors, failed requests and
 * Content-Security-Policy violations; the last test fails if any occurred.
 *
 * Run: node --test tests/browser/          (from the repository root; Node 20
 *      discovers tests/browser/pages.test.mjs, which imports this file)
 *   or node --test tests/browser/run.mjs
 * Needs: `npm ci` in www/ (playwright-core, axe-core), a built binary
 * (SAMEN_BIN, default build/samen), /usr/bin/chromium (CHROMIUM to override).
 * The output is node:test's ("# pass N", "# fail M"), which CI reads.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// playwright-core and axe-core are devDependencies of www/package.json; resolve
// them from there so the tests need no package.json of their own.
const requireWww = createRequire(path.join(ROOT, 'www', 'package.json'));
const { chromium } = requireWww('playwright-core');
const AXE_SOURCE = fs.readFileSync(requireWww.resolve('axe-core/axe.min.js'), 'utf8');

const SAMEN_BIN = path.resolve(ROOT, process.env.SAMEN_BIN || 'build/samen');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT_DIR = path.join(ROOT, 'tests', 'out');
const SHOT_DIR = path.join(OUT_DIR, 'screenshots');
const DEMO_USER = 'hr.b1@demo.samen.nl';
const DEMO_PASSWORD = 'samen-demo-2026';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STEP_TIMEOUT = 60_000;

/* ------------------------------------------------------------------ */
/* Server and browser                                                  */
/* ------------------------------------------------------------------ */

let tmpDir;
let server;
let serverLog;
let baseUrl;
let browser;
let page;
let shotNo = 0;
let lastDocument; // the main frame's last document response
let failedBefore = false; // later steps build on earlier ones
const problems = []; // console errors, page errors, CSP violations, bad responses

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function run(cmd, args, timeoutMs) {
	return new Promise((resolve, reject) => {
		execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
			if (err) {
				err.message += `\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
				reject(err);
			} else {
				resolve({ stdout, stderr });
			}
		});
	});
}

async function waitForHealth(url, deadlineMs) {
	const until = Date.now() + deadlineMs;
	let last = 'no answer';
	while (Date.now() < until) {
		if (server.exitCode !== null)
			throw new Error(`samen serve exited with ${server.exitCode}; see ${serverLog}`);
		try {
			const res = await fetch(url);
			if (res.ok)
				return;
			last = `HTTP ${res.status}`;
		} catch (err) {
			last = err.cause?.code || err.message;
		}
		await new Promise(r => setTimeout(r, 200));
	}
	throw new Error(`${url} not healthy after ${deadlineMs} ms (${last}); see ${serverLog}`);
}

before(async () => {
	assert.ok(fs.existsSync(SAMEN_BIN), `no samen binary at ${SAMEN_BIN} (build it, or set SAMEN_BIN)`);
	assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
	fs.mkdirSync(SHOT_DIR, { recursive: true });
	for (const f of fs.readdirSync(SHOT_DIR))
		if (f.endsWith('.png'))
			fs.rmSync(path.join(SHOT_DIR, f));

	tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samen-browser-'));
	const db = path.join(tmpDir, 'demo.db');
	await run(SAMEN_BIN, ['demo', '--db', db], 180_000);

	const port = await freePort();
	baseUrl = `http://127.0.0.1:${port}`;
	serverLog = path.join(OUT_DIR, 'browser-server.log');
	const log = fs.openSync(serverLog, 'w');
	server = spawn(SAMEN_BIN, ['serve', '--db', db, '--port', String(port)],
		       { stdio: ['ignore', log, log] });
	fs.closeSync(log);
	await waitForHealth(`${baseUrl}/api/v1/health`, 30_000);

	browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		       '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	// The page's CSP stays fully in force (no bypassCSP): checking that the
	// pages need nothing it forbids is part of this test. axe-core is put into
	// the page with page.evaluate() instead (see checkAccessibility), which runs
	// through the DevTools protocol and so is not an inline script the CSP governs.
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
	});
	// Record CSP violations as the page sees them (init scripts, like
	// page.evaluate, come through the DevTools protocol, not the page's CSP).
	await context.addInitScript(() => {
		window.__samenCsp = [];
		document.addEventListener('securitypolicyviolation', e => {
			window.__samenCsp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}` +
					       ` at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
		});
	});
	page = await context.newPage();
	page.setDefaultTimeout(15_000);
	page.on('console', msg => {
		if (msg.type() === 'error')
			problems.push(`console error on ${page.url()}: ${msg.text()}`);
	});
	page.on('pageerror', err => problems.push(`page error on ${page.url()}: ${err.message}`));
	page.on('requestfailed', req => problems.push(`request failed: ${req.method()} ${req.url()}: ${req.failure()?.errorText}`));
	page.on('response', res => {
		const req = res.request();
		if (req.isNavigationRequest() && req.frame() === page.mainFrame() && res.status() < 300)
			lastDocument = res;
		if (res.status() >= 400)
			problems.push(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
	});
});

after(async () => {
	await browser?.close();
	if (server && server.exitCode === null) {
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
		await once(server, 'exit');
		clearTimeout(timer);
	}
	if (tmpDir)
		fs.rmSync(tmpDir, { recursive: true, force: true });
});

/* ------------------------------------------------------------------ */
/* Checks run on every page                                            */
/* ------------------------------------------------------------------ */

function formatViolations(violations) {
	return violations.map(v => {
		const nodes = v.nodes.map(n =>
			`    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n` +
			`      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`).join('\n');
		return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
	}).join('\n');
}

async function checkAccessibility(name) {
	// Inject axe-core through page.evaluate (see the note at newContext); a
	// page may already have it after a same-document navigation.
	if (!(await page.evaluate(() => typeof window.axe === 'object')))
		await page.evaluate(AXE_SOURCE);
	const result = await page.evaluate(tags => window.axe.run(document, {
		runOnly: { type: 'tag', values: tags },
		resultTypes: ['violations'],
	}), AXE_TAGS);
	assert.equal(result.violations.length, 0,
		     `axe-core found ${result.violations.length} accessibility violation(s) on ` +
		     `${name} (${page.url()}):\n${formatViolations(result.violations)}`);
}

async function cspViolations() {
	return page.evaluate(() => window.__samenCsp || []);
}

/* The HTML the server sent for the page now open (not the live DOM:
 * Playwright itself sets style attributes while taking screenshots). */
async function servedHtml() {
	assert.ok(lastDocument, 'a document was loaded');
	return lastDocument.text();
}

/* Screenshot, CSP check and axe-core on the page now open. */
async function checkPage(name) {
	const html = await servedHtml();
	assert.ok(!/<[^>]+\sstyle\s*=/i.test(html), `inline style attribute on ${page.url()} (the CSP forbids it)`);
	assert.ok(!/<style[\s>]/i.test(html), `inline <style> element on ${page.url()} (the CSP forbids it)`);
	assert.ok(!/<script(?![^>]*\ssrc=)[^>]*>/i.test(html), `inline <script> on ${page.url()} (the CSP forbids it)`);
	shotNo += 1;
	const file = path.join(SHOT_DIR, `${String(shotNo).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	for (const v of await cspViolations())
		problems.push(`CSP violation on ${page.url()}: ${v}`);
	await checkAccessibility(name);
}

/* Run one step; once a step failed, the later ones (which build on it) are skipped. */
function step(name, fn) {
	test(name, { timeout: STEP_TIMEOUT }, async t => {
		if (failedBefore) {
			t.skip('an earlier step failed');
			return;
		}
		try {
			await fn(t);
		} catch (err) {
			failedBefore = true;
			throw err;
		}
	});
}

function pathOf(url) {
	return new URL(url).pathname;
}

async function clickAndWait(locator) {
	await Promise.all([page.waitForNavigation(), locator.click()]);
}

/* The first data table in <main>: its column header texts and, per row, the
 * text of each cell plus the texts of any qualification labels in it
 * (.samen-qual, e.g. "wi (eerstegraads)"). Columns are found by header name,
 * never by position. */
async function readTable() {
	return page.evaluate(() => {
		const table = document.querySelector('main table:not(.samen-facts)');
		if (!table)
			return null;
		const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
		const rows = [...table.querySelectorAll('tbody tr')].map(tr =>
			[...tr.querySelectorAll('th, td')].map(td => ({
				text: td.textContent.trim(),
				quals: [...td.querySelectorAll('.samen-qual')].map(q => q.textContent.trim()),
			})));
		return { headers, rows };
	});
}

function columnIndex(table, names) {
	const i = table.headers.findIndex(h => names.some(n => h.toLowerCase().startsWith(n)));
	assert.ok(i >= 0, `no column named ${names.join('/')} in [${table.headers.join(', ')}]`);
	return i;
}

/* Whether a qualifications cell lists the subject (option value = subject
 * code, label = subject name): "wi (eerstegraads)" has code "wi". */
function hasSubject(cell, subject) {
	const quals = cell.quals.length ? cell.quals : cell.text.split(',').map(q => q.trim());
	return quals.some(q => {
		const code = q.replace(/\s*\(.*$/, '').toLowerCase();
		return code === subject.value.toLowerCase() || code === subject.label.toLowerCase();
	});
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */
/* ------------------------------------------------------------------ */

const QUAL_COLUMN = ['bevoegdheden', 'qualifications'];
let overviewUrl;
let dutchHeadings;

async function headings() {
	return page.$$eval('main h1, main h2', hs => hs.map(h => h.textContent.trim()));
}

step('sign-in page', async () => {
	await page.goto(`${baseUrl}/aanmelden`);
	assert.equal(await page.getAttribute('html', 'lang'), 'nl');
	await checkPage('aanmelden');
	// The first Tab reaches the skip link, which then shows on screen.
	await page.keyboard.press('Tab');
	const skip = await page.evaluate(() => {
		const el = document.activeElement;
		const box = el.getBoundingClientRect();
		return { cls: el.className, href: el.getAttribute('href'), top: box.top, height: box.height };
	});
	assert.match(skip.cls, /samen-skip-link/, 'the first Tab stop is the skip link');
	assert.ok(skip.top >= 0 && skip.height > 0, `the focused skip link is visible (top ${skip.top})`);
	assert.ok(await page.locator(skip.href).count() === 1, `the skip link target ${skip.href} exists`);
});

step('sign in as HR adviser and land on the region overview', async () => {
	await page.fill('input[name="email"]', DEMO_USER);
	await page.fill('input[name="password"]', DEMO_PASSWORD);
	await clickAndWait(page.locator('form button[type="submit"]').first());
	// "/" sends everyone with a region to that region's overview.
	assert.match(pathOf(page.url()), /^\/(regio\/\d+)?$/, `after sign-in the browser is at ${page.url()}`);
	overviewUrl = page.url();
	dutchHeadings = await headings();
	assert.ok(dutchHeadings.length > 0 && dutchHeadings[0].length > 0, 'the overview has a heading');
	await checkPage('overzicht');
});

let staffUrl;

step('open the board staff list from the navigation', async () => {
	await clickAndWait(page.locator('nav a').filter({ hasText: /^\s*Personeel\s*$/ }).first());
	assert.match(pathOf(page.url()), /^\/besturen\/\d+\/personeel$/);
	staffUrl = page.url();
	const table = await readTable();
	assert.ok(table && table.rows.length > 0, 'the staff list shows people');
	await checkPage('personeel');
});

let chosenSubject;

step('filter the staff list by subject', async () => {
	const before = await readTable();
	const col = columnIndex(before, QUAL_COLUMN);
	const options = await page.$$eval('select[name="vak"] option', os =>
		os.map(o => ({ value: o.value, label: o.textContent.trim() })).filter(o => o.value !== ''));
	assert.ok(options.length > 0, 'the subject filter offers subjects');
	// Choose a subject of the first listed person, so the filter must find someone.
	const first = before.rows.find(row => options.some(o => hasSubject(row[col], o)));
	assert.ok(first, 'someone on the first page has a subject the filter offers');
	chosenSubject = options.find(o => hasSubject(first[col], o));
	await page.selectOption('select[name="vak"]', chosenSubject.value);
	await clickAndWait(page.getByRole('button', { name: 'Filter', exact: true }));
	assert.equal(new URL(page.url()).searchParams.get('vak'), chosenSubject.value);
	const after = await readTable();
	assert.ok(after && after.rows.length > 0, `someone is qualified for ${chosenSubject.label}`);
	for (const row of after.rows)
		assert.ok(hasSubject(row[col], chosenSubject),
			  `row [${row.map(c => c.text).join(' | ')}] lacks subject ${chosenSubject.value} (${chosenSubject.label})`);
	assert.equal(await page.$eval('select[name="vak"]', sel => sel.value), chosenSubject.value,
		     'the filter form shows the chosen subject');
	await checkPage('personeel-vak');
});

step('sort the staff list by age', async () => {
	await clickAndWait(page.locator('main thead a[href*="sort=leeftijd"]').first());
	const params = new URL(page.url()).searchParams;
	assert.equal(params.get('sort'), 'leeftijd');
	assert.equal(params.get('vak'), chosenSubject.value, 'sorting keeps the subject filter');
	const table = await readTable();
	const col = columnIndex(table, ['leeftijd', 'age']);
	const ages = table.rows.map(r => Number.parseInt(r[col].text, 10));
	assert.ok(ages.length > 0 && ages.every(Number.isFinite), `ages shown: ${ages.join(', ')}`);
	const ascending = ages.every((a, i) => i === 0 || ages[i - 1] <= a);
	const descending = ages.every((a, i) => i === 0 || ages[i - 1] >= a);
	assert.ok(ascending || descending, `ages not in order: ${ages.join(', ')}`);
	const qcol = columnIndex(table, QUAL_COLUMN);
	for (const row of table.rows)
		assert.ok(hasSubject(row[qcol], chosenSubject), 'the sorted list is still filtered');
	await checkPage('personeel-leeftijd');
});

step('the staff list fits a phone screen', async () => {
	const sortedUrl = page.url();
	await page.setViewportSize({ width: 360, height: 780 });
	try {
		await page.goto(sortedUrl);
		const fit = await page.evaluate(() => {
			const wrap = document.querySelector('main table').parentElement;
			return {
				page: document.documentElement.scrollWidth,
				viewport: document.documentElement.clientWidth,
				wrapScrolls: wrap.scrollWidth > wrap.clientWidth &&
					getComputedStyle(wrap).overflowX === 'auto',
			};
		});
		assert.ok(fit.page <= fit.viewport, `the page is ${fit.page}px wide on a ${fit.viewport}px screen`);
		assert.ok(fit.wrapScrolls, 'the wide staff table scrolls sideways in its own box');
		await checkPage('personeel-telefoon');
	} finally {
		await page.setViewportSize({ width: 1280, height: 900 });
	}
});

step('the staff list prints without navigation and filters', async () => {
	await page.emulateMedia({ media: 'print' });
	try {
		const shown = await page.evaluate(() => {
			const visible = sel => {
				const el = document.querySelector(sel);
				return el ? getComputedStyle(el).display !== 'none' : null;
			};
			return {
				nav: visible('nav.samen-nav, .utrecht-nav-bar'),
				filters: visible('form.samen-filters'),
				signout: visible('form[action="/afmelden"]'),
				table: visible('main table'),
				wrapOverflow: getComputedStyle(document.querySelector('main table').parentElement).overflowX,
				headerRepeats: getComputedStyle(document.querySelector('main table thead')).display,
			};
		});
		assert.equal(shown.nav, false, 'navigation is hidden in print');
		assert.equal(shown.filters, false, 'filters are hidden in print');
		assert.equal(shown.signout, false, 'the sign-out button is hidden in print');
		assert.equal(shown.table, true, 'the table is printed');
		assert.equal(shown.wrapOverflow, 'visible', 'the printed table is not cut off by its scroll box');
		assert.equal(shown.headerRepeats, 'table-header-group', 'the table header repeats on every page');
		shotNo += 1;
		await page.screenshot({ path: path.join(SHOT_DIR, `${String(shotNo).padStart(2, '0')}-personeel-print.png`), fullPage: true });
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
});

step("open one person's page", async () => {
	await clickAndWait(page.locator('main table a[href^="/personen/"]').first());
	assert.match(pathOf(page.url()), /^\/personen\/\d+$/);
	assert.ok((await page.locator('h1').first().textContent()).trim().length > 0);
	await checkPage('persoon');
});

step("open a school's page", async () => {
	let link = page.locator('main a[href^="/scholen/"]').first();
	if (await link.count() === 0) {
		await page.goto(`${baseUrl}/`);
		link = page.locator('main a[href^="/scholen/"]').first();
	}
	assert.ok(await link.count() > 0, 'a link to a school page');
	await clickAndWait(link);
	assert.match(pathOf(page.url()), /^\/scholen\/\d+$/);
	assert.ok((await page.locator('h1').first().textContent()).trim().length > 0);
	await checkPage('school');
});

step('switch to English', async () => {
	const schoolUrl = page.url();
	await clickAndWait(page.locator('header a[lang="en"]').first());
	assert.equal(await page.getAttribute('html', 'lang'), 'en');
	assert.equal(page.url(), schoolUrl, 'the language switch returns to the same page');
	assert.ok(await page.locator('header a[lang="nl"]').count() > 0, 'a link back to Dutch');
	await checkPage('school-en');
	await page.goto(overviewUrl);
	assert.equal(await page.getAttribute('html', 'lang'), 'en');
	const english = await headings();
	assert.equal(english.length, dutchHeadings.length, 'the same headings in English');
	assert.ok(english.includes('Boards'), `the English overview has the heading "Boards": [${english.join(', ')}]`);
	assert.ok(dutchHeadings.includes('Besturen'), `the Dutch overview had "Besturen": [${dutchHeadings.join(', ')}]`);
	await checkPage('overview-en');
});

step('sign out', async () => {
	await clickAndWait(page.locator('form[action="/afmelden"] button[type="submit"]').first());
	assert.equal(pathOf(page.url()), '/aanmelden', `after sign-out the browser is at ${page.url()}`);
	await checkPage('afgemeld');
	// The session is gone: the overview sends the visitor back to sign in.
	await page.goto(`${baseUrl}/`);
	assert.equal(pathOf(page.url()), '/aanmelden');
});

test('no console errors, failed requests or CSP violations', () => {
	assert.ok(shotNo > 0, 'pages were visited');
	assert.deepEqual(problems, []);
});
