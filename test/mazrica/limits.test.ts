import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * Mazrica's daily quota as the vendor answers it, and the hints of 401/403. Mazrica documents only
 * "429 over either limit" (spec §2), so a quota 429 is recognised by its body in both readings:
 * the simulator's `daily request limit exceeded …` and the bare `Limit Exceeded` of an
 * independent mock (the wording of an API gateway's usage-plan quota). Each test has a key of its
 * own, because a quota answer pauses its key in this process until 00:00 UTC.
 */
const sim = serveDuringTests(
	new MazricaSimulator({
		apiKeys: Array.from({ length: 8 }, () => ({})),
		rateLimit: { dailyQuota: 2 },
	}),
);
let nextKey = 0;
const freshKey = () => sim.apiKeys[nextKey++];
const listUsers = { resource: 'user', operation: 'getAll', returnAll: true };

function nextUtcMidnight(): string {
	const reset = new Date();
	reset.setUTCHours(24, 0, 0, 0);
	return reset.toISOString();
}

test("Mazrica's own daily-quota 429 stops at once, names the quota and the UTC reset, and pauses the key", async () => {
	const setup = mazricaCredentials(sim, freshKey());
	for (let run = 0; run < 2; run++) {
		expect((await runMazrica(setup, listUsers)).error?.message).toBeUndefined();
	}
	const refused = await runMazrica(setup, listUsers);
	expect(sim.received({ path: '/v1/users' }).map((r) => r.status)).toEqual([200, 200, 429]);
	expect(refused.error?.message).toBe(
		`Mazrica daily quota of 10000 requests is used up for this credential until ${nextUtcMidnight()} (Mazrica: daily request limit exceeded (2 requests/day, resets 00:00 UTC))`,
	);
	expect(refused.error?.description).toContain('00:00 UTC');

	// A re-run, even through another n8n credential holding the same key, sends nothing.
	const again = await runMazrica(mazricaCredentials(sim, setup.apiKey), listUsers);
	expect(sim.received({ path: '/v1/users' })).toHaveLength(3);
	expect(again.error?.message).toMatch(
		new RegExp(
			`^Mazrica daily quota of 10000 requests is used up for this credential until ${nextUtcMidnight().replace(/\./g, '\\.')}`,
		),
	);
});

test.each([
	['{"error":"Limit Exceeded"}', { error: 'Limit Exceeded' }],
	['{"message":"Limit Exceeded"}', { message: 'Limit Exceeded' }],
])('a bare quota answer %s is recognised too', async (_, body) => {
	const setup = mazricaCredentials(sim, freshKey());
	sim.inject({ path: '/v1/users', respond: { status: 429, body } });
	const refused = await runMazrica(setup, listUsers);
	expect(sim.received({ path: '/v1/users' })).toHaveLength(1);
	expect(refused.error?.message).toBe(
		`Mazrica daily quota of 10000 requests is used up for this credential until ${nextUtcMidnight()} (Mazrica: Limit Exceeded)`,
	);
	await runMazrica(setup, listUsers);
	expect(sim.received({ path: '/v1/users' })).toHaveLength(1);
});

test('a per-second 429 is still retried: "rate limit exceeded" is not the daily quota', async () => {
	const setup = mazricaCredentials(sim, freshKey());
	sim.inject({
		path: '/v1/users',
		respond: {
			status: 429,
			body: {
				error: 'Too Many Requests',
				messages: ['rate limit exceeded (3 requests/second, burst 100)'],
			},
		},
	});
	const result = await runMazrica(setup, listUsers);
	expect(result.error?.message).toBeUndefined();
	expect(sim.received({ path: '/v1/users' }).map((r) => r.status)).toEqual([429, 200]);
});

describe('401 and 403 hints follow the body, not only the status', () => {
	test('401 invalid api key: the key hint', async () => {
		const result = await runMazrica(mazricaCredentials(sim, 'not-a-key-at-all-0000'), listUsers);
		expect(result.error?.message).toBe('Mazrica returned 401: invalid api key');
		expect(result.error?.description).toMatch(/API key/);
		expect(result.error?.description).not.toMatch(/plan/i);
	});

	test('403 without a plan message (a gateway refusing the key): the key hint, not the plan hint', async () => {
		sim.inject({
			path: '/v1/users',
			times: 2,
			respond: { status: 403, body: { message: 'Forbidden' } },
		});
		const result = await runMazrica(mazricaCredentials(sim, freshKey()), listUsers);
		expect(result.error?.message).toBe('Mazrica returned 403: Forbidden');
		expect(result.error?.description).toMatch(/API key/);
		expect(result.error?.description).not.toMatch(/plan does not include/i);
	});
});
