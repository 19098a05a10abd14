import { serveDuringTests } from '../kit/lifecycle';
import { delay } from '../platform/node';
import { ReferenceSimulator } from '../kit/reference-simulator';
import { apiKeySetup, probe } from './probe-setup';

/**
 * The shared request layer inside real n8n-core (WorkflowExecute → the node's this.helpers →
 * httpRequestWithAuthentication) over HTTP to the reference simulator, with faults injected.
 */
const sim = serveDuringTests(new ReferenceSimulator());
const fastRetry = JSON.stringify({ baseDelayMs: 20, maxDelayMs: 100 });

function gapsBetween(path: string, method = 'GET'): number[] {
	const times = sim.received({ method, path }).map((r) => r.at);
	return times.slice(1).map((t, i) => t - times[i]);
}

describe('429 and 503 handling', () => {
	test('429 with Retry-After in seconds waits that long, then succeeds', async () => {
		sim.inject({
			path: '/items',
			respond: { status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } },
		});
		const result = await probe(apiKeySetup(sim), { operation: 'request', path: '/items' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.items).toHaveLength(10);
		expect(sim.received({ path: '/items' }).map((r) => r.status)).toEqual([429, 200]);
		expect(gapsBetween('/items')[0]).toBeGreaterThanOrEqual(950);
	});

	test('429 with Retry-After as an HTTP date waits until that date', async () => {
		// HTTP dates have whole seconds: aim 2 s ahead so at least 1 s is left after rounding down.
		const until = new Date(Date.now() + 2000).toUTCString();
		sim.inject({
			path: '/items',
			respond: { status: 429, headers: { 'retry-after': until }, body: {} },
		});
		const result = await probe(apiKeySetup(sim), { operation: 'request', path: '/items' });
		expect(result.error).toBeUndefined();
		expect(sim.received({ path: '/items' }).map((r) => r.status)).toEqual([429, 200]);
		expect(gapsBetween('/items')[0]).toBeGreaterThanOrEqual(900);
		expect(sim.received({ path: '/items' })[1].at).toBeGreaterThanOrEqual(Date.parse(until) - 50);
	});

	test('503 without Retry-After is retried with backoff', async () => {
		sim.inject({
			path: '/items',
			times: 2,
			respond: { status: 503, body: { error: 'maintenance' } },
		});
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: fastRetry,
		});
		expect(result.error).toBeUndefined();
		expect(sim.received({ path: '/items' }).map((r) => r.status)).toEqual([503, 503, 200]);
		const [first, second] = gapsBetween('/items');
		expect(first).toBeGreaterThanOrEqual(10);
		expect(second).toBeGreaterThanOrEqual(20);
	});

	test('gives up after the refusal limit with the vendor message and a hint', async () => {
		sim.inject({
			path: '/items',
			times: 10,
			respond: { status: 503, body: { message: 'メンテナンス中です' } },
		});
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: JSON.stringify({ baseDelayMs: 10, maxRefusals: 3 }),
		});
		expect(sim.received({ path: '/items' })).toHaveLength(3);
		expect(result.error?.message).toBe('Reference returned 503: メンテナンス中です');
		expect(result.error?.description).toContain('temporarily unavailable');
	});

	test('refusals are counted apart from other failures: seven 429s in a row are still absorbed', async () => {
		// The load test on two workers lost executions to "6 attempts used up" while their
		// throttles settled; a refusal proves nothing was processed, so it gets its own budget.
		sim.inject({ path: '/items', times: 7, respond: { status: 429, body: { error: 'busy' } } });
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: JSON.stringify({ baseDelayMs: 10, maxDelayMs: 40 }),
		});
		expect(result.error).toBeUndefined();
		expect(sim.received({ path: '/items' }).map((r) => r.status)).toEqual([
			...Array(7).fill(429),
			200,
		]);
	});

	test('other failures keep their attempt limit: a GET answered 502 is asked at most maxAttempts times', async () => {
		sim.inject({ path: '/items', times: 10, respond: { status: 502, body: { error: 'bad gateway' } } });
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: JSON.stringify({ baseDelayMs: 10, maxAttempts: 3, maxRefusals: 10 }),
		});
		expect(sim.received({ path: '/items' })).toHaveLength(3);
		expect(result.error?.message).toBe('Reference returned 502: bad gateway');
	});

	test('a Retry-After beyond the wait cap fails fast and says when to retry', async () => {
		sim.inject({
			path: '/items',
			respond: { status: 429, headers: { 'retry-after': '3600' }, body: { error: 'quota' } },
		});
		const started = Date.now();
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: JSON.stringify({ maxTotalWaitMs: 5000 }),
		});
		expect(Date.now() - started).toBeLessThan(3000);
		expect(sim.received({ path: '/items' })).toHaveLength(1);
		expect(result.error?.message).toBe('Reference returned 429: quota');
		expect(result.error?.description).toMatch(
			/asked to wait 60 minutes.*Retry after \d{4}-\d\d-\d\dT\d\d:\d\d/,
		);
	});
});

/** The instant named after "paused until" in a message, as epoch ms. */
function pausedUntil(message: string | null | undefined): number {
	const iso = /paused until (\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec(message ?? '')?.[1];
	if (!iso) throw new Error(`no "paused until" in ${message}`);
	return Date.parse(iso);
}

describe('blocks and the circuit breaker, per key', () => {
	test('a Retry-After beyond the wait cap pauses the key until then, not until midnight', async () => {
		const setup = apiKeySetup(sim);
		const parameters = {
			operation: 'request',
			path: '/items',
			// A daily quota on the profile: the old code wrongly marked the whole day as spent.
			profile: JSON.stringify({ dailyQuota: 1000 }),
			retry: JSON.stringify({ maxTotalWaitMs: 5000 }),
		};
		sim.inject({
			path: '/items',
			respond: { status: 429, headers: { 'retry-after': '600' }, body: { error: 'slow down' } },
		});
		const asked = Date.now();
		const first = await probe(setup, parameters);
		expect(first.error?.message).toBe('Reference returned 429: slow down');
		expect(first.error?.description).toMatch(/asked to wait 10 minutes/);

		const second = await probe(apiKeySetup(sim, setup.apiKey), parameters);
		expect(sim.received({ path: '/items' })).toHaveLength(1);
		expect(second.error?.message).toMatch(/Retry-After/);
		const until = pausedUntil(second.error?.message);
		expect(until).toBeGreaterThanOrEqual(asked + 595_000);
		expect(until).toBeLessThanOrEqual(Date.now() + 600_000);
	});

	test('after a retry sequence is exhausted the key fails fast for the cool-down; other keys do not', async () => {
		const setup = apiKeySetup(sim);
		const parameters = {
			operation: 'request',
			path: '/items',
			retry: JSON.stringify({ baseDelayMs: 10, maxRefusals: 3, circuitBreakerCooldownMs: 60_000 }),
		};
		sim.inject({ path: '/items', times: 100, respond: { status: 503, body: { error: 'down' } } });
		const started = Date.now();
		const first = await probe(setup, parameters);
		expect(sim.received({ path: '/items' })).toHaveLength(3);
		expect(first.error?.message).toBe('Reference returned 503: down');
		expect(first.error?.description).toMatch(/circuit breaker/);
		const opened = pausedUntil(first.error?.description);
		expect(opened).toBeGreaterThanOrEqual(started + 60_000);

		const second = await probe(setup, parameters, [{}, {}], true);
		expect(sim.received({ path: '/items' })).toHaveLength(3);
		for (const item of second.items) {
			expect(item.json.error).toMatch(/circuit breaker/);
			expect(pausedUntil(item.json.error as string)).toBe(opened);
		}

		sim.reset();
		const other = await probe(apiKeySetup(sim), parameters);
		expect(other.error).toBeUndefined();
	});

	test('after the cool-down the key is tried again', async () => {
		const setup = apiKeySetup(sim);
		const parameters = {
			operation: 'request',
			path: '/items',
			retry: JSON.stringify({ baseDelayMs: 10, maxRefusals: 2, circuitBreakerCooldownMs: 300 }),
		};
		sim.inject({ path: '/items', times: 2, respond: { status: 503, body: { error: 'down' } } });
		expect((await probe(setup, parameters)).error).toBeDefined();
		await delay(400);
		const later = await probe(setup, parameters);
		expect(later.error).toBeUndefined();
		expect(sim.received({ path: '/items' }).map((r) => r.status)).toEqual([503, 503, 200]);
	});
});

describe('network failures and idempotency', () => {
	test('a GET whose connection is reset is retried', async () => {
		sim.inject({ path: '/items', reset: 'before' });
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: fastRetry,
		});
		expect(result.error).toBeUndefined();
		expect(sim.received({ path: '/items' }).map((r) => r.status)).toEqual(['reset', 200]);
	});

	test('a DELETE asked again after its answer was lost takes the 404 of its own first attempt as done', async () => {
		const setup = apiKeySetup(sim);
		const created = await probe(setup, {
			operation: 'request',
			method: 'POST',
			path: '/items',
			body: '{"name":"doomed"}',
		});
		const id = String(created.items[0].json.id);
		sim.inject({ method: 'DELETE', path: `/items/${id}`, reset: 'after' });
		const result = await probe(setup, {
			operation: 'request',
			method: 'DELETE',
			path: `/items/${id}`,
			retry: fastRetry,
		});
		expect(result.error).toBeUndefined();
		expect(sim.received({ method: 'DELETE' }).map((r) => [r.status, r.routeStatus])).toEqual([
			['reset', 204],
			[404, 404],
		]);
		expect(sim.created.some((r) => String(r.id) === id)).toBe(false);
	});

	test('a DELETE answered 404 at its first attempt is still a 404', async () => {
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			method: 'DELETE',
			path: '/items/999',
			retry: fastRetry,
		});
		expect(result.error?.message).toBe('Reference returned 404: not found');
		expect(sim.received({ method: 'DELETE' })).toHaveLength(1);
	});

	test('a POST whose connection is reset after the server applied it is not sent again', async () => {
		sim.inject({ method: 'POST', path: '/items', reset: 'after' });
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			method: 'POST',
			path: '/items',
			body: '{"name":"once"}',
			retry: fastRetry,
		});
		expect(sim.received({ method: 'POST', path: '/items' })).toHaveLength(1);
		expect(sim.created).toHaveLength(1);
		expect(result.error?.message).toMatch(/^Reference request failed: /);
	});

	test('a POST that timed out on a slow server is not sent again', async () => {
		sim.inject({ method: 'POST', path: '/items', reset: 'before', delayMs: 50 });
		await probe(apiKeySetup(sim), {
			operation: 'request',
			method: 'POST',
			path: '/items',
			body: '{}',
			retry: fastRetry,
		});
		expect(sim.received({ method: 'POST', path: '/items' })).toHaveLength(1);
	});

	test('a POST refused with 429 or 503 is sent again and written exactly once', async () => {
		sim.inject(
			{ method: 'POST', path: '/items', respond: { status: 429, body: { error: 'busy' } } },
			{
				method: 'POST',
				path: '/items',
				skip: 1,
				respond: { status: 503, body: { error: 'busy' } },
			},
		);
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			method: 'POST',
			path: '/items',
			body: '{"name":"x"}',
			retry: fastRetry,
		});
		expect(result.error).toBeUndefined();
		expect(sim.received({ method: 'POST', path: '/items' }).map((r) => r.status)).toEqual([
			429, 503, 201,
		]);
		expect(sim.created).toEqual([expect.objectContaining({ name: 'x' })]);
	});

	test('a POST answered 502 is not retried (the gateway may have forwarded it)', async () => {
		sim.inject({ method: 'POST', path: '/items', respond: { status: 502, body: {} } });
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			method: 'POST',
			path: '/items',
			body: '{}',
			retry: fastRetry,
		});
		expect(sim.received({ method: 'POST', path: '/items' })).toHaveLength(1);
		expect(result.error?.message).toBe('Reference returned HTTP 502');
	});

	test('a garbled JSON answer to a GET is retried; to a POST it is reported', async () => {
		sim.inject({ method: 'GET', path: '/items', malformed: true });
		const get = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: fastRetry,
		});
		expect(get.error).toBeUndefined();
		expect(sim.received({ method: 'GET', path: '/items' })).toHaveLength(2);

		sim.inject({ method: 'POST', path: '/items', malformed: true });
		const post = await probe(apiKeySetup(sim), {
			operation: 'request',
			method: 'POST',
			path: '/items',
			body: '{}',
			retry: fastRetry,
		});
		expect(sim.received({ method: 'POST', path: '/items' })).toHaveLength(1);
		expect(post.error?.message).toBe('Reference request failed: The answer was not valid JSON');
	});
});

describe('errors inside 2xx bodies', () => {
	test('a 200 carrying an error is an error with the vendor message and code', async () => {
		sim.inject({
			path: '/items',
			respond: {
				status: 200,
				body: { errors: [{ err_code: 40000, err_msg: 'invalid parameter field.' }] },
			},
		});
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: fastRetry,
		});
		expect(sim.received({ path: '/items' })).toHaveLength(1);
		expect(result.error?.message).toBe('Reference returned 200: invalid parameter field.');
	});

	test('a 200 carrying a throttle error is retried like a 429', async () => {
		sim.inject({
			path: '/items',
			respond: { status: 200, body: { errors: [{ err_code: 42900, err_msg: 'too many' }] } },
		});
		const result = await probe(apiKeySetup(sim), {
			operation: 'request',
			path: '/items',
			retry: fastRetry,
		});
		expect(result.error).toBeUndefined();
		expect(sim.received({ path: '/items' })).toHaveLength(2);
	});
});

describe('items, pairing and secrets', () => {
	test('with continueOnFail each failed item keeps its own error and pairing', async () => {
		sim.inject({
			method: 'POST',
			path: '/items',
			skip: 1,
			respond: { status: 400, body: { message: '名前が不正です' } },
		});
		const result = await probe(
			apiKeySetup(sim),
			{
				operation: 'request',
				method: 'POST',
				path: '/items',
				body: '={{ JSON.stringify({ name: $json.name }) }}',
			},
			[{ name: 'a' }, { name: 'b' }, { name: 'c' }],
			true,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[1].json.error).toBe('Reference returned 400: 名前が不正です');
		expect(sim.created.map((c) => c.name)).toEqual(['a', 'c']);
		expect(sim.received({ method: 'POST', path: '/items' })).toHaveLength(3);
	});

	test('a key echoed by the vendor never reaches an error, an item or its description', async () => {
		const setup = apiKeySetup(sim);
		const key = setup.apiKey;
		// n8n itself re-sends once after a 401 (its credential refresh path), so answer 401 twice.
		sim.inject({
			path: '/items',
			times: 2,
			respond: { status: 401, body: { message: `unknown key ${key}` } },
		});
		const failed = await probe(setup, { operation: 'request', path: '/items' });
		expect(JSON.stringify(failed.run)).not.toContain(key);
		expect(failed.error?.message).toBe('Reference returned 401: unknown key ***');

		sim.inject({ path: '/items', respond: { status: 200, body: { echoed: { header: key } } } });
		const ok = await probe(setup, { operation: 'request', path: '/items' });
		expect(ok.items[0].json).toEqual({ echoed: { header: '***' } });
		expect(JSON.stringify(ok.run)).not.toContain(key);
	});
});
