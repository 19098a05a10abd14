import { serveDuringTests } from '../../kit/lifecycle';
import { CyzenSimulator } from './cyzen-simulator';
import { client, type ErrorsJson } from './test-client';

/**
 * §6 and §12.9: "1アクセストークンあたり、秒間5回まで" [vendor doc] as a token bucket per token,
 * refusing with HTTP 503 and an errors body ([public code] PC2), or 429 with the switch. The clock
 * is frozen and moved by hand: counts, not timings, are asserted.
 */
const sim = serveDuringTests(new CyzenSimulator({ seed: { spots: 5, reports: 10 } }));
const api = client(sim);

async function statuses(n: number, token?: string): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < n; i++) out.push((await api.get('/statuses', {}, { token })).status);
	return out;
}

beforeEach(() => sim.freezeClock(Date.now()));

test('5 requests pass, the 6th is 503 with an errors body; 200 ms later one more passes', async () => {
	expect(sim.switches.rateLimit).toEqual({ ratePerSecond: 5, burst: 5 });
	expect(await statuses(6)).toEqual([200, 200, 200, 200, 200, 503]);
	const refused = await api.get<ErrorsJson>('/statuses');
	expect(refused.status).toBe(503);
	expect(refused.json.errors[0]).toEqual({
		err_code: 50300,
		err_msg: expect.stringContaining('rate limit'),
	});
	sim.advanceClock(200);
	expect(await statuses(2)).toEqual([200, 503]);
	sim.advanceClock(1000);
	expect(await statuses(6)).toEqual([200, 200, 200, 200, 200, 503]);
	expect(sim.requests.filter((r) => r.fault === 'rate-limit')).toHaveLength(4);
});

test('over 300 requests at a steady 5 per second none is refused; at 6 per second one in six is', async () => {
	const steady: number[] = [];
	for (let i = 0; i < 300; i++) {
		steady.push((await api.get('/statuses')).status);
		sim.advanceClock(200);
	}
	expect(steady.filter((s) => s !== 200)).toEqual([]);

	sim.advanceClock(10_000);
	const fast: number[] = [];
	for (let i = 0; i < 300; i++) {
		fast.push((await api.get('/statuses')).status);
		sim.advanceClock(1000 / 6);
	}
	// 5 in the burst, then 5 refills a second for 50 s: about 250 + 5 served.
	const served = fast.filter((s) => s === 200).length;
	expect(served).toBeGreaterThanOrEqual(253);
	expect(served).toBeLessThanOrEqual(256);
	expect(fast.filter((s) => s !== 200).every((s) => s === 503)).toBe(true);
});

test('each token has its own bucket; unknown tokens are 401 and not counted', async () => {
	expect(await statuses(6)).toEqual([200, 200, 200, 200, 200, 503]);
	const other = sim.addToken();
	expect(await statuses(5, other)).toEqual([200, 200, 200, 200, 200]);
	expect(await statuses(3, 'not-a-token')).toEqual([401, 401, 401]);
	expect(await statuses(1, other)).toEqual([503]);
});

test('writes count like reads, and a refused write is not applied', async () => {
	await statuses(5);
	const res = await api.post('/spots', { spot_name: '制限中の登録' });
	expect(res.status).toBe(503);
	expect(sim.ledger.entries).toHaveLength(0);
});

test('switch: 429 instead of 503', async () => {
	sim.setSwitches({ throttleStatus: 429 });
	expect(await statuses(6)).toEqual([200, 200, 200, 200, 200, 429]);
	const refused = await api.get<ErrorsJson>('/statuses');
	expect(refused.json.errors[0].err_code).toBe(42900);
});

test('switch: another rate (fresh buckets), or no limit at all', async () => {
	sim.setSwitches({ rateLimit: { ratePerSecond: 2, burst: 2 } });
	expect(await statuses(3)).toEqual([200, 200, 503]);
	sim.setSwitches({ rateLimit: false });
	expect((await statuses(20)).every((s) => s === 200)).toBe(true);
});
