/*
 * pages.test.mjs - entry point for `node --test tests/browser/`.
 *
 * Node 20's test runner, given a directory, only picks up files named like
 * tests (*.test.mjs, test-*.mjs, ...); the browser test itself lives in
 * run.mjs (which can also be run on its own: node --test tests/browser/run.mjs).
 */
import './run.mjs';
