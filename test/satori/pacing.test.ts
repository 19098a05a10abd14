import { CredentialThrottle, effectiveThrottle } from '../../nodes/shared/transport';
import { satoriProfile } from '../../nodes/Satori/transport/profile';
import { GatewayTokenBucket } from '../kit/token-bucket';

/**
 * Found by the benchmark (scenario 7b): SATORI's bucket (1 request/s, burst 1, the [proposed]
 * pace) leaves no token in hand, so when one request reaches SATORI late (a 10,000-row CSV upload
 * still being read) the next, sent on time, arrives less than a second behind it and is refused.
 * Requests go one at a time, so the next one's second counts from the previous answer.
 */
test('a request that reaches SATORI late does not get the next one refused', async () => {
	let now = Date.parse('2026-12-01T00:00:00Z');
	const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
	const throttle = new CredentialThrottle(clock);
	const vendor = new GatewayTokenBucket(1, 1, clock.now);
	const pace = effectiveThrottle(satoriProfile.throttle);
	const refused: number[] = [];

	// Upload, status read, upload, status read: each upload is read by SATORI 300 ms after it left
	// and answered 100 ms later; a status read arrives at once and is answered in 50 ms.
	for (const [n, { arrivesAfterMs, answeredAfterMs }] of [
		{ arrivesAfterMs: 300, answeredAfterMs: 100 },
		{ arrivesAfterMs: 0, answeredAfterMs: 50 },
		{ arrivesAfterMs: 300, answeredAfterMs: 100 },
		{ arrivesAfterMs: 0, answeredAfterMs: 50 },
	].entries()) {
		await throttle.acquire('satori', pace);
		now += arrivesAfterMs;
		if (!vendor.take().ok) refused.push(n);
		now += answeredAfterMs;
		throttle.answered('satori', pace);
	}
	expect(refused).toEqual([]);
});

test('an error answer restarts the second too; other vendors keep pacing from the send', async () => {
	let now = Date.parse('2026-12-01T00:00:00Z');
	const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
	const throttle = new CredentialThrottle(clock);
	const pace = effectiveThrottle(satoriProfile.throttle);
	await throttle.acquire('satori', pace);
	now += 400;
	throttle.heard('satori', pace);
	const answeredAt = now;
	await throttle.acquire('satori', pace);
	expect(now - answeredAt).toBe(Math.ceil(1000 / pace.ratePerSecond));

	const other = { ratePerSecond: 1, burst: 1 };
	await throttle.acquire('other', other);
	const sentAt = now;
	now += 400;
	throttle.heard('other', other);
	await throttle.acquire('other', other);
	expect(now - sentAt).toBe(1000);
});
