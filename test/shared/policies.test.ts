import {
	backoffDelay,
	BudgetPaused,
	budgetKey,
	CredentialThrottle,
	DailyQuotaExhausted,
	defaultRetryPolicy,
	isRetryable,
	mayHaveBeenProcessed,
	nextUtcMidnight,
	parseRetryAfter,
	readVendorError,
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
		[{ kind: 'status', status: 500 }, true, false],
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

describe('mayHaveBeenProcessed (the hint on a write that was not sent again)', () => {
	test.each([
		[{ kind: 'status', status: 500 }, true],
		[{ kind: 'status', status: 502 }, true],
		[{ kind: 'status', status: 504 }, true],
		[{ kind: 'status', status: 503 }, false],
		[{ kind: 'status', status: 429 }, false],
		[{ kind: 'status', status: 400 }, false],
		[{ kind: 'network', code: 'ECONNRESET' }, true],
		[{ kind: 'timeout' }, true],
		[{ kind: 'malformed' }, true],
		[{ kind: 'refused' }, false],
	] as const)('%j → %s', (failure, maybe) => {
		expect(mayHaveBeenProcessed(failure)).toBe(maybe);
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

	test('a pause refuses at once until its end, then lets requests through', async () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		const profile = { ratePerSecond: 10, burst: 10 };
		throttle.pause('k', { reason: 'circuit-breaker', until: clock.now() + 30_000, cause: 'down' });
		const refused = await throttle.acquire('k', profile).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(BudgetPaused);
		expect((refused as BudgetPaused).pause).toEqual(
			expect.objectContaining({ reason: 'circuit-breaker', cause: 'down' }),
		);
		await throttle.acquire('other', profile);
		clock.advance(30_000);
		await throttle.acquire('k', profile);
		expect(throttle.pausedUntil('k')).toBeUndefined();
	});

	test('a shorter pause never cuts a longer one short', () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		throttle.pause('k', { reason: 'retry-after', until: clock.now() + 600_000 });
		throttle.pause('k', { reason: 'circuit-breaker', until: clock.now() + 30_000 });
		expect(throttle.pausedUntil('k')?.reason).toBe('retry-after');
	});

	test('exhaustToday pauses until 00:00 UTC even for a vendor without a known quota', async () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		expect(throttle.exhaustToday('k', { ratePerSecond: 1, burst: 1 }).toISOString()).toBe(
			'2026-11-26T00:00:00.000Z',
		);
		await expect(throttle.acquire('k', { ratePerSecond: 1, burst: 1 })).rejects.toThrow(
			DailyQuotaExhausted,
		);
		clock.advance(2000);
		await throttle.acquire('k', { ratePerSecond: 1, burst: 1 });
	});

	test('the wall clock stepping back (an NTP correction) does not stall the key', async () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		const profile = { ratePerSecond: 1, burst: 1 };
		await throttle.acquire('k', profile);
		clock.advance(-3_600_000);
		const before = clock.now();
		await throttle.acquire('k', profile);
		// One token's refill at most, as without the step, not the hour the clock went back.
		expect(clock.now() - before).toBeLessThanOrEqual(1000);
	});

	test('a Retry-After hold keeps its length when the wall clock steps back', async () => {
		const clock = virtualClock();
		const throttle = new CredentialThrottle(clock);
		const profile = { ratePerSecond: 10, burst: 10 };
		const sentAt = await throttle.acquire('k', profile);
		throttle.refused('k', sentAt, 10_000);
		clock.advance(-3_600_000);
		throttle.refused('k', clock.now(), 5_000);
		const before = clock.now();
		await throttle.acquire('k', profile);
		// The hold's 10 s, then one token at the rate the refusal cut, not the hour stepped back.
		expect(clock.now() - before).toBeGreaterThanOrEqual(10_000);
		expect(clock.now() - before).toBeLessThanOrEqual(10_500);
	});

	test('a wait for a token ends when the signal aborts', async () => {
		const throttle = new CredentialThrottle();
		const profile = { ratePerSecond: 0.01, burst: 1 };
		await throttle.acquire('k', profile);
		const controller = new AbortController();
		const waiting = throttle.acquire('k', profile, controller.signal);
		controller.abort();
		await expect(waiting).rejects.toThrow();
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

test('the client keeps 5% of the burst in hand (2% of the rate then), then applies the user cap', () => {
	const mazrica = effectiveThrottle({ ratePerSecond: 3, burst: 100, dailyQuota: 10_000 });
	expect(mazrica.ratePerSecond).toBeCloseTo(2.94, 10);
	expect(mazrica).toEqual(expect.objectContaining({ burst: 95, dailyQuota: 10_000 }));
	// A burst of 2 still spares a token.
	expect(effectiveThrottle({ ratePerSecond: 2, burst: 2 })).toEqual({ ratePerSecond: 1.96, burst: 1 });
	expect(effectiveThrottle({ ratePerSecond: 3, burst: 100 }, 1)).toEqual({
		ratePerSecond: 1,
		burst: 1,
	});
});

test('a burst of 1 has no token to spare, so the rate keeps the 5%', () => {
	const cyzen = effectiveThrottle({ ratePerSecond: 5, burst: 1 });
	expect(cyzen.burst).toBe(1);
	expect(cyzen.ratePerSecond).toBeCloseTo(4.75, 10);
});

test('nextUtcMidnight', () => {
	expect(nextUtcMidnight(Date.parse('2026-12-31T15:00:00+09:00')).toISOString()).toBe(
		'2027-01-01T00:00:00.000Z',
	);
});

describe('redaction', () => {
	test('collects secret fields and OAuth tokens, short values included', () => {
		const secrets = secretValues(
			{
				apiKey: 'key-123456',
				other: 'visible',
				pin: '123',
				empty: '',
				oauthTokenData: { access_token: 'at-abcdef', refresh_token: 'rt-abcdef' },
			},
			['apiKey', 'pin', 'empty'],
		);
		expect(secrets.sort()).toEqual(['123', 'at-abcdef', 'key-123456', 'rt-abcdef']);
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
	test('masks a short secret where it stands alone, without mangling words that contain it', () => {
		expect(redact('pin 123 in 1234, /check/123?id=9 and "123"', ['123'])).toBe(
			'pin *** in 1234, /check/***?id=9 and "***"',
		);
		expect(redact('abc abcdef xabc', ['abc'])).toBe('*** abcdef xabc');
	});
	test('masks the URL-encoded form a secret takes in a path', () => {
		expect(redact('GET /check/Qx7%23k', ['Qx7#k'])).toBe('GET /check/***');
		expect(redact('GET /check/a%2Fb%2Fsecret-long-value', ['a/b/secret-long-value'])).toBe(
			'GET /check/***',
		);
	});
});

describe('readVendorError: one reader for every vendor body shape', () => {
	test.each([
		[
			'Mazrica',
			{ error: 'Bad Request', messages: ['名前は必須です', '電話番号が不正です'] },
			'名前は必須です / 電話番号が不正です',
			'Bad Request',
		],
		[
			'cyzen',
			{ errors: [{ err_code: 40000, err_msg: 'invalid parameter field.' }] },
			'invalid parameter field.',
			'40000',
		],
		[
			'Yappli headline with details',
			{
				error: 'Bad Request',
				error_description: '要求が無効です。',
				errors: ['point is required', { field: 'rank', message: 'cannot be set' }],
			},
			'要求が無効です。 (point is required; rank: cannot be set)',
			'Bad Request',
		],
		[
			'OAuth (Yappli, RODEM)',
			{ error: 'invalid_request', error_description: '要求が無効です。' },
			'要求が無効です。',
			'invalid_request',
		],
		[
			'SATORI string',
			{ status: 400, message: 'バリデーションに失敗しました。 メールアドレスはすでに存在します。' },
			'バリデーションに失敗しました。 メールアドレスはすでに存在します。',
			undefined,
		],
		[
			'SATORI object',
			{ status: 400, message: { email: ['形式が不正です'] } },
			'email: 形式が不正です',
			undefined,
		],
		['gateway', { message: 'Limit Exceeded' }, 'Limit Exceeded', undefined],
		['error only', { error: 'invalid_token' }, 'invalid_token', 'invalid_token'],
		['plain text', '  Service Unavailable \n', 'Service Unavailable', undefined],
	])('%s', (_, body, message, code) => {
		expect(readVendorError(body)).toEqual({ message, code });
	});
	test.each([[undefined], [''], [{}], [[]], [{ status: 500 }]])('%j has no message', (body) => {
		expect(readVendorError(body)).toBeUndefined();
	});
});

describe('budgetKey', () => {
	const profile = {
		displayName: 'Vendor',
		throttle: { ratePerSecond: 1, burst: 1 },
		secretFields: ['apiKey'],
	};
	const base = 'https://api.example.jp/v1';

	test('one key is one budget, whichever credential record holds it; the key itself is not in it', () => {
		const a = budgetKey(profile, { apiKey: 'key-1', name: 'A' }, base, 'cred-a');
		expect(budgetKey(profile, { apiKey: 'key-1', name: 'B' }, `${base}/`, 'cred-b')).toBe(a);
		expect(a).not.toContain('key-1');
		expect(a).toMatch(/^Vendor:[0-9a-f]{64}$/);
	});

	test('another key, vendor or host is another budget', () => {
		const a = budgetKey(profile, { apiKey: 'key-1' }, base);
		expect(budgetKey(profile, { apiKey: 'key-2' }, base)).not.toBe(a);
		expect(budgetKey({ ...profile, displayName: 'Other' }, { apiKey: 'key-1' }, base)).not.toBe(a);
		expect(budgetKey(profile, { apiKey: 'key-1' }, 'https://staging.example.jp/v1')).not.toBe(a);
	});

	test('budgetFields leave out tokens a refresh replaces', () => {
		const oauth = {
			...profile,
			secretFields: ['clientSecret', 'accessToken'],
			budgetFields: ['clientId', 'clientSecret'],
		};
		expect(budgetKey(oauth, { clientId: 'c', clientSecret: 's', accessToken: 'old' }, base)).toBe(
			budgetKey(oauth, { clientId: 'c', clientSecret: 's', accessToken: 'new' }, base),
		);
	});
});
