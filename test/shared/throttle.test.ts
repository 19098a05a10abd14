import { serveDuringTests } from '../kit/lifecycle';
import { ReferenceSimulator } from '../kit/reference-simulator';
import { busiestWindow } from '../kit/request-log';
import { apiKeySetup, probe } from './probe-setup';

/** The per-credential token bucket and daily quota, measured where it matters: at the server. */
const sim = serveDuringTests(new ReferenceSimulator());

test('200 requests never exceed the configured rate (20/s, burst 5)', async () => {
	const input = Array.from({ length: 200 }, (_, i) => ({ i }));
	const started = Date.now();
	const result = await probe(
		apiKeySetup(sim),
		{
			operation: 'request',
			path: '/items',
			profile: JSON.stringify({ ratePerSecond: 20, burst: 5 }),
		},
		input,
	);
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(200);
	const times = sim.received({ path: '/items' }).map((r) => r.at);
	expect(times).toHaveLength(200);
	// A bucket admits at most burst + rate × window in any window; allow 1 for timer granularity.
	for (const windowMs of [250, 1000, 3000]) {
		expect(busiestWindow(times, windowMs)).toBeLessThanOrEqual(5 + (20 * windowMs) / 1000 + 1);
	}
	// 195 requests beyond the burst at 20/s take at least 9.75 s.
	expect(Date.now() - started).toBeGreaterThanOrEqual(9_500);
}, 30_000);

test('Max Requests per Second only lowers the vendor rate', async () => {
	const input = Array.from({ length: 30 }, (_, i) => ({ i }));
	await probe(
		apiKeySetup(sim),
		{
			operation: 'request',
			path: '/items',
			profile: JSON.stringify({ ratePerSecond: 1000, burst: 1000 }),
			maxRequestsPerSecond: 10,
		},
		input,
	);
	const times = sim.received({ path: '/items' }).map((r) => r.at);
	expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(10 + 10 + 1);
	expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(1800);
});

test('one API key is one budget: across credentials holding it, node names and executions', async () => {
	// Two n8n credentials (different ids) holding the same key, run by three differently named
	// nodes in three executions at once. A throttle keyed by credential id, node name or
	// execution would let each run go at the full rate; keyed by the key they share one bucket.
	const key = sim.issueApiKey();
	const first = apiKeySetup(sim, key);
	const second = apiKeySetup(sim, key);
	expect(first.id).not.toBe(second.id);
	const parameters = {
		operation: 'request',
		path: '/items',
		profile: JSON.stringify({ ratePerSecond: 10, burst: 2 }),
	};
	const input = Array.from({ length: 10 }, (_, i) => ({ i }));
	const results = await Promise.all([
		probe(first, parameters, input, false, { nodeName: 'Sync A', executionId: 'exec-a' }),
		probe(second, parameters, input, false, { nodeName: 'Sync B', executionId: 'exec-b' }),
		probe(first, parameters, input, false, { nodeName: 'Sync C', executionId: 'exec-c' }),
	]);
	expect(results.map((r) => r.items.length)).toEqual([10, 10, 10]);
	const times = sim.received({ path: '/items' }).map((r) => r.at);
	expect(times).toHaveLength(30);
	for (const windowMs of [500, 1000, 2000]) {
		expect(busiestWindow(times, windowMs)).toBeLessThanOrEqual(2 + (10 * windowMs) / 1000 + 1);
	}
});

test('the daily quota stops the run before the vendor has to refuse, naming the UTC reset', async () => {
	const input = Array.from({ length: 6 }, (_, i) => ({ i }));
	const result = await probe(
		apiKeySetup(sim),
		{ operation: 'request', path: '/items', profile: JSON.stringify({ dailyQuota: 4 }) },
		input,
		true,
	);
	expect(sim.received({ path: '/items' })).toHaveLength(4);
	expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	const tomorrow = new Date();
	tomorrow.setUTCHours(24, 0, 0, 0);
	expect(result.items[4].json.description).toContain(
		`resets at ${tomorrow.toISOString()} (00:00 UTC)`,
	);
	expect(result.items[5].json.error).toBe(
		`Reference daily quota of 4 requests is used up for this credential until ${tomorrow.toISOString()}`,
	);
});
