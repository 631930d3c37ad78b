// The sample's live cache page: polls the actuator and draws what it reads. Plain JavaScript, no build step.
// Paths are relative, so the page also works under a context path or behind a proxy that keeps the actuator beside it.
'use strict';

(() => {
	const HISTORY = 30;
	const WARM_UP_TIMEOUT_MS = 10 * 60 * 1000; // a warm-up against a real Odoo may take minutes
	const SVG = 'http://www.w3.org/2000/svg';

	const state = {
		intervalMs: 2000,
		paused: false,
		timer: null,
		refreshing: null,
		history: new Map(),
		lastRpc: null
	};

	const byId = (id) => document.getElementById(id);

	// ---- reading the actuator ----

	class HttpError extends Error {
		constructor(method, path, status) {
			super(`${method} ${path} answered ${status}`);
			this.status = status;
		}
	}

	// A request that hangs must not freeze the page: it fails after this long (at least 10 s, or two intervals).
	function timeoutMs() {
		return Math.max(10000, 2 * state.intervalMs);
	}

	async function call(path, method = 'GET', acceptedStatuses = [], limit = timeoutMs()) {
		const abort = new AbortController();
		const timer = setTimeout(() => abort.abort(), limit);
		let response;
		try {
			response = await fetch(path, {
				method, cache: 'no-store', headers: { Accept: 'application/json' }, signal: abort.signal
			});
		}
		catch (ex) {
			clearTimeout(timer);
			throw new Error(abort.signal.aborted
				? `${method} ${path} did not answer within ${limit / 1000} s`
				: `${method} ${path} failed: the application does not answer (${ex.message})`);
		}
		if (!response.ok && !acceptedStatuses.includes(response.status)) {
			clearTimeout(timer);
			throw new HttpError(method, path, response.status);
		}
		try {
			const text = await response.text();
			return text ? JSON.parse(text) : null;
		}
		catch (ex) {
			throw new Error(abort.signal.aborted
				? `${method} ${path} did not answer within ${limit / 1000} s`
				: `${method} ${path} answered something that is not JSON (${ex.message})`);
		}
		finally {
			clearTimeout(timer);
		}
	}

	async function readRpc() {
		try {
			return await call('actuator/metrics/zenoo.rpc');
		}
		catch (ex) {
			if (ex instanceof HttpError && ex.status === 404) {
				return null; // the timer exists once the first call was made
			}
			throw ex;
		}
	}

	async function refresh() {
		const [stats, health, rpc] = await Promise.allSettled([
			call('actuator/zenoo'),
			call('actuator/health', 'GET', [503]), // DOWN answers 503 with the same body
			readRpc()
		]);
		const errors = [stats, health, rpc].filter((r) => r.status === 'rejected').map((r) => r.reason.message);
		const cacheHealth = (health.status === 'fulfilled') ? zenooCacheHealth(health.value) : {};
		if (health.status === 'fulfilled') {
			showHealth(health.value);
		}
		if (stats.status === 'fulfilled') {
			showStats(stats.value, cacheHealth);
		}
		if (rpc.status === 'fulfilled') {
			showRpc(rpc.value);
		}
		showErrors(errors);
		byId('last-update').textContent = errors.length
			? `last attempt ${clock()} (${errors.length} failed)`
			: `updated ${clock()}`;
	}

	// ---- figures ----

	function percent(rate) {
		return (typeof rate === 'number') ? `${(rate * 100).toFixed(1)} %` : '—';
	}

	function megabytes(mb) {
		return (typeof mb === 'number') ? `${mb.toFixed(mb < 10 ? 2 : 1)} MB` : '—';
	}

	function count(value) {
		return (typeof value === 'number') ? String(value) : '—';
	}

	function millis(value) {
		if (typeof value !== 'number') {
			return '—';
		}
		return `${value.toFixed(value < 1 ? 3 : (value < 10 ? 2 : 1))} ms`;
	}

	// Detailed statistics time one lookup in several, and none while they are off: 0 means "not timed yet".
	function timing(value) {
		return (typeof value === 'number' && value > 0) ? millis(value) : '—';
	}

	function plural(n, word) {
		return `${n} ${word}${n === 1 ? '' : 's'}`;
	}

	function clock() {
		return new Date().toLocaleTimeString();
	}

	// ---- health ----

	function zenooCacheHealth(health) {
		const component = health && health.components && health.components.zenooCache;
		return (component && component.details && component.details.caches) || {};
	}

	function statusClass(status) {
		return (status === 'UP') ? 'status-up' : (status === 'DOWN' ? 'status-down' : 'status-other');
	}

	function showHealth(health) {
		const status = byId('health-status');
		status.textContent = health.status;
		status.className = `figure ${statusClass(health.status)}`;
		const components = health.components || {};
		byId('health-detail').textContent = ['odoo', 'zenooCache', 'redis']
			.filter((name) => components[name])
			.map((name) => `${name} ${components[name].status}`)
			.join(' · ');
	}

	function redisLine(details) {
		if (!details || details.breaker === undefined) {
			return null;
		}
		const parts = [
			details.redisReachable ? 'Redis reachable' : 'Redis unreachable',
			`breaker ${details.breaker}`,
			details.fallbackActive ? 'fallback serving' : 'fallback off'
		];
		if (details.error) {
			parts.push(details.error);
		}
		return { text: parts.join(' · '), degraded: Boolean(details.degraded) };
	}

	// ---- caches ----

	function showStats(stats, cacheHealth) {
		byId('total-hit-rate').textContent = percent(stats.hitRate);
		byId('total-requests').textContent = `${stats.hits} hits / ${stats.misses} misses`;
		byId('total-memory').textContent = megabytes(stats.memoryMb);
		byId('detailed-enabled').textContent = stats.detailedEnabled
			? 'detailed statistics on' : 'detailed statistics off (no timings)';
		const container = byId('caches');
		const names = Object.keys(stats.caches || {}).sort();
		for (const name of names) {
			const card = cardFor(container, name);
			showCache(card, stats.caches[name], cacheHealth[name]);
		}
		for (const card of [...container.querySelectorAll('section.cache')]) {
			if (!names.includes(card.dataset.cache)) {
				card.remove();
			}
		}
	}

	function cardFor(container, name) {
		const existing = [...container.querySelectorAll('section.cache')].find((c) => c.dataset.cache === name);
		if (existing) {
			return existing;
		}
		const card = byId('cache-template').content.firstElementChild.cloneNode(true);
		card.dataset.cache = name;
		card.querySelector('.name').textContent = name;
		card.querySelector('.clear').addEventListener('click', () => clearCache(card, name));
		container.appendChild(card);
		return card;
	}

	function showCache(card, cache, health) {
		card.querySelector('.type').textContent = cache.type;
		card.querySelector('.hit-rate').textContent = percent(cache.hitRate);
		card.querySelector('.counts').textContent = `${cache.hits} / ${cache.misses}`;
		card.querySelector('.size').textContent = count(cache.size);
		card.querySelector('.memory').textContent = megabytes(cache.memoryMb);
		card.querySelector('.timings').textContent = `${timing(cache.averageHitMillis)} / ${timing(cache.averageMissMillis)}`;
		const redis = card.querySelector('.redis');
		const line = redisLine(health);
		redis.hidden = !line;
		if (line) {
			redis.textContent = line.text;
			redis.classList.toggle('degraded', line.degraded);
		}
		drawChart(card.querySelector(':scope > .chart'), remember(`cache ${cache.name}`, cache.hitRate), 1);
		showTiers(card, cache);
	}

	function showTiers(card, cache) {
		const tiers = Object.keys(cache.tiers || {}).sort();
		const table = card.querySelector('.tiers');
		table.hidden = tiers.length === 0;
		const body = table.querySelector('tbody');
		for (const tier of tiers) {
			const stats = cache.tiers[tier];
			let row = [...body.rows].find((r) => r.dataset.tier === tier);
			if (!row) {
				row = body.insertRow();
				row.dataset.tier = tier;
				for (const cls of ['tier', 'tier-cache', 'hit-rate', 'size', 'memory', 'over-time']) {
					row.insertCell().className = cls;
				}
				const chart = document.createElementNS(SVG, 'svg');
				chart.setAttribute('class', 'chart');
				chart.setAttribute('viewBox', '0 0 240 60');
				chart.setAttribute('preserveAspectRatio', 'none');
				row.cells[5].appendChild(chart);
			}
			row.cells[0].textContent = tier;
			row.cells[1].textContent = `${stats.name} (${stats.type})`;
			row.cells[2].textContent = percent(stats.hitRate);
			row.cells[3].textContent = count(stats.size);
			row.cells[4].textContent = megabytes(stats.memoryMb);
			drawChart(row.cells[5].firstElementChild, remember(`tier ${cache.name} ${tier}`, stats.hitRate), 1);
		}
	}

	function remember(series, value) {
		const points = state.history.get(series) || [];
		points.push(value);
		if (points.length > HISTORY) {
			points.shift();
		}
		state.history.set(series, points);
		return points;
	}

	// Draws the last values as a line with a dot per refresh; y from 0 (bottom) to max (top).
	function drawChart(svg, values, max) {
		svg.replaceChildren();
		const width = 240;
		const height = 60;
		const pad = 4;
		for (const y of [pad, height / 2, height - pad]) {
			const grid = document.createElementNS(SVG, 'line');
			grid.setAttribute('class', 'grid');
			grid.setAttribute('x1', '0');
			grid.setAttribute('x2', String(width));
			grid.setAttribute('y1', String(y));
			grid.setAttribute('y2', String(y));
			svg.appendChild(grid);
		}
		const step = (width - 2 * pad) / Math.max(HISTORY - 1, 1);
		const scale = (max > 0) ? max : 1;
		const coordinates = values.map((value, i) => {
			const x = pad + step * (HISTORY - values.length + i);
			const y = height - pad - (Math.min(Math.max(value, 0), scale) / scale) * (height - 2 * pad);
			return [x, y];
		});
		const line = document.createElementNS(SVG, 'polyline');
		line.setAttribute('points', coordinates.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '));
		svg.appendChild(line);
		for (const [x, y] of coordinates) {
			const dot = document.createElementNS(SVG, 'circle');
			dot.setAttribute('cx', x.toFixed(1));
			dot.setAttribute('cy', y.toFixed(1));
			dot.setAttribute('r', '1.6');
			svg.appendChild(dot);
		}
		svg.dataset.points = String(values.length);
	}

	// ---- Odoo RPC latency ----

	function showRpc(metric) {
		if (!metric) {
			byId('rpc-latency').textContent = '—';
			byId('rpc-detail').textContent = 'no Odoo call yet';
			return;
		}
		const value = (name) => {
			const measurement = (metric.measurements || []).find((m) => m.statistic === name);
			return measurement ? measurement.value : 0;
		};
		const calls = value('COUNT');
		const totalSeconds = value('TOTAL_TIME');
		const maxSeconds = value('MAX');
		const previous = state.lastRpc;
		state.lastRpc = { calls, totalSeconds };
		const newCalls = previous ? calls - previous.calls : 0;
		const recentMs = (newCalls > 0) ? ((totalSeconds - previous.totalSeconds) / newCalls) * 1000 : null;
		const meanMs = (calls > 0) ? (totalSeconds / calls) * 1000 : null;
		byId('rpc-latency').textContent = `${millis(meanMs)} mean`;
		byId('rpc-detail').textContent = `${plural(calls, 'call')} · recent max ${millis(maxSeconds * 1000)}`
			+ ` · since the last refresh: ${(recentMs !== null) ? `${plural(newCalls, 'call')}, ${millis(recentMs)} mean` : 'no call'}`;
		const points = remember('odoo rpc', (recentMs !== null) ? recentMs : 0);
		drawChart(byId('rpc-chart'), points, Math.max(...points, 1));
	}

	// ---- errors and outcomes ----

	function showErrors(errors) {
		const banner = byId('error');
		banner.hidden = errors.length === 0;
		banner.textContent = errors.length
			? `Actuator unreachable or failing: ${errors.join('; ')}. Still trying every ${state.intervalMs / 1000} s.`
			: '';
	}

	function showOutcome(text, failed) {
		const outcome = byId('outcome');
		outcome.hidden = false;
		outcome.textContent = `${clock()}: ${text}`;
		outcome.classList.toggle('error', Boolean(failed));
	}

	async function clearCache(card, name) {
		const button = card.querySelector('.clear');
		const message = card.querySelector('.cache-outcome');
		button.disabled = true;
		message.textContent = `clearing ${name}…`;
		try {
			const result = await call(`actuator/zenoo/${encodeURIComponent(name)}`, 'DELETE');
			const text = (result && result.cleared) ? `cache ${name} cleared` : `cache ${name}: ${JSON.stringify(result)}`;
			message.textContent = `${clock()}: ${text}`;
			showOutcome(text, false);
		}
		catch (ex) {
			message.textContent = `${clock()}: clearing failed: ${ex.message}`;
			showOutcome(`clearing ${name} failed: ${ex.message}`, true);
		}
		finally {
			button.disabled = false;
		}
		await refreshNow();
	}

	async function warmUp() {
		const button = byId('warm-up');
		button.disabled = true;
		showOutcome('warm-up running…', false);
		try {
			const report = await call('actuator/zenoo', 'POST', [], WARM_UP_TIMEOUT_MS);
			if (!report) {
				showOutcome('warm-up: nothing to warm (no zenoo.cache.warm-up queries or CacheWarmer beans)', false);
			}
			else {
				const tasks = (report.results || [])
					.map((r) => (r.error ? `${r.name} failed: ${r.error}` : `${r.name} ${r.rows} rows`))
					.join(', ');
				showOutcome(`warm-up done: ${report.succeeded} of ${report.tasks} tasks succeeded, ${report.failed} failed`
					+ (tasks ? ` (${tasks})` : ''), report.failed > 0);
			}
		}
		catch (ex) {
			showOutcome(`warm-up failed: ${ex.message}`, true);
		}
		finally {
			button.disabled = false;
		}
		await refreshNow();
	}

	// ---- polling ----

	async function refreshNow() {
		if (!state.refreshing) {
			state.refreshing = refresh()
				.catch((ex) => showErrors([ex.message]))
				.finally(() => {
					state.refreshing = null;
				});
		}
		return state.refreshing;
	}

	function schedule() {
		clearTimeout(state.timer);
		if (!state.paused) {
			state.timer = setTimeout(async () => {
				await refreshNow();
				schedule();
			}, state.intervalMs);
		}
	}

	function setRefreshInterval(seconds) {
		const value = Number(seconds);
		if (Number.isFinite(value) && value >= 0.5 && value <= 300) {
			state.intervalMs = Math.round(value * 1000);
			byId('refresh-seconds').value = String(value);
			schedule();
		}
	}

	function start() {
		const fromUrl = new URLSearchParams(window.location.search).get('refresh');
		if (fromUrl !== null) {
			setRefreshInterval(fromUrl);
		}
		byId('refresh-seconds').addEventListener('change', (event) => setRefreshInterval(event.target.value));
		byId('controls').addEventListener('submit', (event) => event.preventDefault());
		byId('pause').addEventListener('click', () => {
			state.paused = !state.paused;
			byId('pause').textContent = state.paused ? 'Resume' : 'Pause';
			schedule();
		});
		byId('refresh-now').addEventListener('click', () => refreshNow());
		byId('warm-up').addEventListener('click', () => warmUp());
		refreshNow().then(schedule);
	}

	start();
})();
