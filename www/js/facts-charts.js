/*
 * facts-charts.js - draws the fact base dashboard's charts (/feiten).
 *
 * Samen writes each chart as a Vega-Lite specification with its data in a
 * <script type="application/json" id="spec-N"> block (data, never run) and
 * an element with data-vega-spec="spec-N" where it goes. This script, loaded
 * after vega, vega-lite, vega-embed and vega-interpreter (all from /static,
 * nothing from elsewhere), draws every chart with vega-embed as SVG. It
 * passes {ast: true, expr: vegaInterpreter.expressionInterpreter} so Vega
 * interprets its expressions instead of compiling them with new Function:
 * the page's Content-Security-Policy (script-src 'self', no unsafe-eval)
 * holds. vega-embed's own stylesheet, action menu and tooltips are off
 * (they would need inline styles). Without JavaScript nothing is lost: the
 * table beneath each chart has the same numbers.
 */
(function () {
	'use strict';

	function draw() {
		var holders = document.querySelectorAll('[data-vega-spec]');
		if (!holders.length || typeof window.vegaEmbed !== 'function' || !window.vegaInterpreter)
			return;
		Array.prototype.forEach.call(holders, function (el) {
			var block = document.getElementById(el.getAttribute('data-vega-spec'));
			if (!block)
				return;
			var spec;
			try {
				spec = JSON.parse(block.textContent);
			} catch (e) {
				return;
			}
			window.vegaEmbed(el, spec, {
				ast: true,
				expr: window.vegaInterpreter.expressionInterpreter,
				renderer: 'svg',
				actions: false,
				defaultStyle: false,
				tooltip: false,
			}).then(function () {
				el.classList.add('samen-chart__canvas--drawn');
			}).catch(function (err) {
				el.textContent = '';
				if (window.console)
					window.console.warn('samen: chart not drawn', err);
			});
		});
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', draw);
	else
		draw();
})();
