import { serveDuringTests } from '../../kit/lifecycle';
import { MazricaSimulator } from './mazrica-simulator';
import { client } from './test-client';

/** §2: a token bucket and a daily quota per key, both answering 429 without Retry-After. */
const small = serveDuringTests(
	new MazricaSimulator({ rateLimit: { ratePerSecond: 1, burst: 5 }, seed: { customers: 5 } }),
);
const daily = serveDuringTests(
	new MazricaSimulator({
		rateLimit: { ratePerSecond: 1000, burst: 1000, dailyQuota: 10 },
		seed: { customers: 5 },
	}),
);
const vendorDefaults = serveDuringTests(new MazricaSimulator({ seed: { customers: 5 } }));

const DAY = 86_400_000;

test('the bucket answers 429 once the burst is spent, refills at the configured rate, per key', async () => {
	const api = client(small);
	const statuses: number[] = [];
	for (let i = 0; i < 7; i++) statuses.push((await api.get('/roles')).status);
	expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
	const refused = await api.get('/roles');
	expect(refused.json.error).toBe('Too Many Requests');
	expect(refused.headers['retry-after']).toBeUndefined();

	small.advanceClock(1000);
	expect((await api.get('/roles')).status).toBe(200);
	expect((await api.get('/roles')).status).toBe(429);

	const other = small.addApiKey();
	expect((await api.get('/roles', { key: other })).status).toBe(200);
	// a bad key is still a 401, not a 429
	expect((await api.get('/roles', { key: 'nope' })).status).toBe(401);
	expect(
		small.received({ path: '/v1/roles' }).filter((r) => r.fault === 'rate-limit'),
	).toHaveLength(4);
});

test('the daily quota resets at 00:00 UTC (09:00 JST), not at Japanese midnight', async () => {
	const api = client(daily);
	const spend = async (n: number): Promise<number[]> => {
		const out: number[] = [];
		for (let i = 0; i < n; i++) out.push((await api.get('/roles')).status);
		return out;
	};
	// 23:59:30 JST = 14:59:30 UTC: crossing Japanese midnight must not reset the counter
	const now = daily.now();
	let target = Math.floor(now / DAY) * DAY + 15 * 3_600_000 - 30_000;
	if (target <= now) target += DAY;
	daily.advanceClock(target - now);
	expect(new Date(daily.now()).toISOString().slice(11, 16)).toBe('14:59');
	expect(await spend(11)).toEqual([...Array(10).fill(200), 429]);
	const refused = await api.get('/roles');
	expect(refused.json.messages[0]).toContain('daily');
	expect(daily.quotaUsed()).toBe(10);
	daily.advanceClock(60_000);
	expect((await api.get('/roles')).status).toBe(429);

	// now to 23:59:30 UTC, and across
	const utcNow = daily.now();
	daily.advanceClock(Math.ceil(utcNow / DAY) * DAY - 30_000 - utcNow);
	expect((await api.get('/roles')).status).toBe(429);
	daily.advanceClock(31_000);
	expect(new Date(daily.now()).toISOString().slice(11, 16)).toBe('00:00');
	expect((await api.get('/roles')).status).toBe(200);
	expect(daily.quotaUsed()).toBe(1);
});

test("useUpDailyQuota spends the rest of one key's day, as other systems with the key would", async () => {
	const api = client(daily);
	const other = daily.addApiKey();
	expect((await api.get('/roles')).status).toBe(200);
	daily.useUpDailyQuota();
	const refused = await api.get('/roles');
	expect(refused.status).toBe(429);
	expect(refused.json.messages[0]).toContain('daily request limit exceeded');
	expect(daily.quotaUsed()).toBe(10);
	expect((await api.get('/roles', { key: other })).status).toBe(200);
	daily.advanceClock(DAY);
	expect((await api.get('/roles')).status).toBe(200);
});

test('vendor defaults: burst 100, then about 3 per second', async () => {
	const api = client(vendorDefaults);
	const started = Date.now();
	const statuses = await Promise.all(
		Array.from({ length: 110 }, () => api.get('/roles').then((r) => r.status)),
	);
	const elapsedSeconds = (Date.now() - started) / 1000;
	const admitted = statuses.filter((s) => s === 200).length;
	expect(admitted).toBeGreaterThanOrEqual(100);
	// real time passes while the requests run; the bucket refills 3 tokens per second of it
	expect(admitted).toBeLessThanOrEqual(100 + Math.ceil(3 * elapsedSeconds));
	expect(statuses.filter((s) => s === 429).length).toBe(110 - admitted);
});
