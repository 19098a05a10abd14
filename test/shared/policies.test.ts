import {
	backoffDelay,
	CredentialThrottle,
	DailyQuotaExhausted,
	defaultRetryPolicy,
	isRetryable,
	nextUtcMidnight,
	parseRetryAfter,
	redact,
	secretValues,
	withRateCap,
	effectiveThrottle,
} from '../../nodes/shared/transport';

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-25T00:00:00Z');
	test.each([
		['120', 120_000],
		['0', 0],
		['1.5', 1500],
		['Wed, 25 Nov 2026 00:00:30 GMT', 30_000],
		['Tue, 24 Nov 2026 23:00:00 GMT', 0],
	])('%s → %d ms', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});
	test.each([[undefined], [''], ['soon'], [null]])('%s → undefined', (value) => {
		expect(parseRetryAfter(value, now)).toBeUndefined();
	});
	test('takes the first of repeated headers', () => {
		expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
	});
});

describe('isRetryable', () => {
	test.each([
		[{ kind: 'status', status: 429 }, true, true],
		[{ kind: 'status', status: 503 }, true, true],
		[{ kind: 'status', status: 502 }, true, false],
		[{ kind: 'status', status: 504 }, true, false],
		[{ kind: 'status', status: 500 }, false, false],
		[{ kind: 'status', status: 401 }, false, false],
		[{ kind: 'network', code: 'ECONNRESET' }, true, false],
		[{ kind: 'network', code: 'ETIMEDOUT' }, true, false],
		[{ kind: 'refused' }, true, true],
		[{ kind: 'malformed' }, true, false],
	] as const)('%j: idempotent %s, non-idempotent %s', (failure, idempotent, nonIdempotent) => {
		expect(isRetryable(failure, true)).toBe(idempotent);
		expect(isRetryable(failure, false)).toBe(nonIdempotent);
	});
});

test('backoff doubles per attempt within the jitter band and the cap', () => {
	for (let attempt = 0; attempt < 8; attempt++) {
		const ceiling = Math.min(
			defaultRetryPolicy.maxDelayMs,
			defaultRetryPolicy.baseDelayMs * 2 ** attempt,
		);
		expect(backoffDelay(attempt, defaultRetryPolicy, () => 0)).toBe(ceiling / 2);
		expect(backoffDelay(attempt, defaultRetryPolicy, () => 0.999999)).toBeLessThanOrEqual(ceiling);
	}
});

describe('CredentialThrottle on a virtual clock', () => {
	function virtualClock(start = Date.parse('2026-11-25T23:59:58Z')) {
		let now = start;
		return {
			now: () => now,
			sleep: async (ms: number) => void (now += ms),
			advance: (ms: number) => void (now += ms),
		};
	}

	test('admits the burst at once, then one request per 1/rate seconds', async () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		const start = clock.now();
		const admitted: number[] = [];
		for (let i = 0; i < 110; i++) {
			await throttle.acquire('k', { ratePerSecond: 3, burst: 100 });
			admitted.push(clock.now() - start);
		}
		expect(admitted.slice(0, 100).every((t) => t === 0)).toBe(true);
		expect(admitted[100]).toBeGreaterThanOrEqual(333);
		expect(admitted[109]).toBeGreaterThanOrEqual(3333);
		expect(admitted[109]).toBeLessThan(3400);
	});

	test('keys are independent', async () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		await throttle.acquire('a', { ratePerSecond: 1, burst: 1 });
		await throttle.acquire('b', { ratePerSecond: 1, burst: 1 });
		expect(clock.now()).toBe(virtualClock().now());
	});

	test('the daily quota refuses the request past it and resets at 00:00 UTC', async () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		const profile = { ratePerSecond: 100, burst: 100, dailyQuota: 3 };
		for (let i = 0; i < 3; i++) await throttle.acquire('k', profile);
		const refused = await throttle.acquire('k', profile).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(DailyQuotaExhausted);
		expect((refused as DailyQuotaExhausted).resetsAt.toISOString()).toBe(
			'2026-11-26T00:00:00.000Z',
		);
		clock.advance(2000);
		await throttle.acquire('k', profile);
		expect(throttle.usedToday('k')).toBe(1);
	});

	test('exhaustToday stops further requests until the reset', async () => {
		const throttle = new CredentialThrottle(virtualClock());
		throttle.exhaustToday('k', { ratePerSecond: 1, burst: 1, dailyQuota: 10 });
		await expect(
			throttle.acquire('k', { ratePerSecond: 1, burst: 1, dailyQuota: 10 }),
		).rejects.toThrow(DailyQuotaExhausted);
	});
});

test('withRateCap only ever lowers the rate', () => {
	const profile = { ratePerSecond: 3, burst: 100 };
	expect(withRateCap(profile, 10)).toEqual(profile);
	expect(withRateCap(profile, 0)).toEqual(profile);
	expect(withRateCap(profile, 1)).toEqual({ ratePerSecond: 1, burst: 1 });
});

test('the client keeps 5% under the vendor limits, then applies the user cap', () => {
	const mazrica = effectiveThrottle({ ratePerSecond: 3, burst: 100, dailyQuota: 10_000 });
	expect(mazrica.ratePerSecond).toBeCloseTo(2.85, 10);
	expect(mazrica).toEqual(expect.objectContaining({ burst: 95, dailyQuota: 10_000 }));
	expect(effectiveThrottle({ ratePerSecond: 3, burst: 100 }, 1)).toEqual({
		ratePerSecond: 1,
		burst: 1,
	});
	expect(effectiveThrottle({ ratePerSecond: 5, burst: 1 }).burst).toBe(1);
});

test('nextUtcMidnight', () => {
	expect(nextUtcMidnight(Date.parse('2026-12-31T15:00:00+09:00')).toISOString()).toBe(
		'2027-01-01T00:00:00.000Z',
	);
});

describe('redaction', () => {
	test('collects secret fields and OAuth tokens, ignoring short values', () => {
		const secrets = secretValues(
			{
				apiKey: 'key-123456',
				other: 'visible',
				pin: '123',
				oauthTokenData: { access_token: 'at-abcdef', refresh_token: 'rt-abcdef' },
			},
			['apiKey', 'pin'],
		);
		expect(secrets.sort()).toEqual(['at-abcdef', 'key-123456', 'rt-abcdef']);
	});
	test('masks every occurrence at any depth', () => {
		expect(
			redact({ a: ['x key-123456 y'], b: { c: 'key-123456key-123456' }, n: 1 }, ['key-123456']),
		).toEqual({
			a: ['x *** y'],
			b: { c: '******' },
			n: 1,
		});
	});
});
