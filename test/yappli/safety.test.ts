import { serveDuringTests } from '../kit/lifecycle';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials } from './setup';

/** Token reuse and refresh, writes that must not repeat, and validation before sending. */
const sim = serveDuringTests(new YappliSimulator({ seed: { members: 2500 } }));
const memberId = () => [...sim.store.members.keys()][0];
const history = (id: string) => sim.store.points.get(id) ?? [];

test('the token is fetched once and reused across runs', async () => {
	const setup = yappliCredentials(sim);
	await runYappli(setup, { resource: 'member', operation: 'get', memberId: memberId() });
	await runYappli(setup, { resource: 'member', operation: 'get', memberId: memberId() });
	expect(sim.tokensIssued).toBe(1);
	expect(sim.received({ method: 'POST', path: '/api/ext/token' })[0].body).toEqual({
		grant_type: 'client_credentials',
		client_id: sim.clientId,
		client_secret: sim.clientSecret,
	});
	expect(setup.helper.stored(setup.id).accessToken).toEqual(expect.any(String));
});

test('a token that expires in the middle of a Return All is replaced and paging completes', async () => {
	const setup = yappliCredentials(sim);
	let pages = 0;
	sim.onRequest = (req) => {
		if (req.path === '/api/ext/users' && ++pages === 2) sim.expireAllTokens();
	};
	const result = await runYappli(setup, {
		resource: 'member',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.error?.message).toBeUndefined();
	expect(result.items).toHaveLength(2500);
	expect(new Set(result.items.map((i) => i.json.id)).size).toBe(2500);
	expect(sim.received({ path: '/api/ext/users' }).map((r) => r.status)).toEqual([
		200, 401, 200, 200,
	]);
	expect(sim.tokensIssued).toBe(2);
});

test('a point add whose answer is lost after Yappli applied it is reported, not sent twice', async () => {
	const id = memberId();
	const before = history(id).length;
	sim.inject({ method: 'POST', path: `/api/ext/users/${id}/points`, reset: 'after' });
	const result = await runYappli(
		yappliCredentials(sim),
		{ resource: 'point', operation: 'adjust', memberId: id, point: 100 },
		[{}],
		true,
	);
	expect(sim.received({ method: 'POST', path: `/api/ext/users/${id}/points` })).toHaveLength(1);
	expect(history(id).length).toBe(before + 1);
	expect(String(result.items[0].json.error)).toMatch(/^Yappli CRM request failed: /);
});

test('a point add refused with 503 is retried and applied once', async () => {
	const id = memberId();
	const before = history(id).length;
	sim.inject({
		method: 'POST',
		path: `/api/ext/users/${id}/points`,
		respond: { status: 503, body: { error: 'Service Unavailable' } },
	});
	const result = await runYappli(yappliCredentials(sim), {
		resource: 'point',
		operation: 'adjust',
		memberId: id,
		point: 100,
	});
	expect(result.error?.message).toBeUndefined();
	expect(
		sim.received({ method: 'POST', path: `/api/ext/users/${id}/points` }).map((r) => r.status),
	).toEqual([503, 200]);
	expect(history(id).length).toBe(before + 1);
});

test('with an idempotency key a re-run finds the earlier grant and does not grant again', async () => {
	const id = memberId();
	const before = history(id).length;
	const grant = {
		resource: 'point',
		operation: 'adjust',
		memberId: id,
		point: 500,
		options: { idempotencyKey: 'order-2026-0001' },
	};
	const first = await runYappli(yappliCredentials(sim), grant);
	const second = await runYappli(yappliCredentials(sim), grant);
	expect(history(id).length).toBe(before + 1);
	expect(history(id).some((entry) => entry.remarks === '[n8n:order-2026-0001]')).toBe(true);
	expect(first.items[0].json.alreadyApplied).toBeUndefined();
	expect(second.items[0].json.alreadyApplied).toBe(true);
	expect(second.items[0].json.point).toBe(first.items[0].json.point);
});

test.each([
	[
		{ resource: 'member', operation: 'create', additionalFields: { logined: 1 } },
		'"Last Login At" is required when "Logged In" is 1',
	],
	[
		{ resource: 'member', operation: 'create', additionalFields: { password: 'abc' } },
		'"Password" must be at least 4 characters',
	],
	[
		{ resource: 'member', operation: 'create', additionalFields: { logined_at: 'someday' } },
		'"Last Login At" is not a date',
	],
	[
		{ resource: 'member', operation: 'update', memberId: '1', updateFields: { unique_id: '' } },
		'"Unique ID" must not be empty',
	],
	[
		{ resource: 'point', operation: 'adjust', memberId: '1', point: 1.5 },
		'"Points" must be a whole number other than 0',
	],
	[
		{ resource: 'point', operation: 'calculate', memberId: '1', amount: -10 },
		'"Amount" must be a whole number, 0 or more',
	],
])('%j → %s before anything is sent', async (parameters, message) => {
	const result = await runYappli(yappliCredentials(sim), parameters);
	expect(result.error?.message).toBe(message);
	expect(sim.requests.filter((r) => r.path !== '/api/ext/token')).toHaveLength(0);
});

test("a wrong client secret fails with Yappli's message and a hint, without the secret", async () => {
	const wrong = `${sim.clientSecret.slice(0, 8)}-wrong`;
	const result = await runYappli(yappliCredentials(sim, { clientSecret: wrong }), {
		resource: 'member',
		operation: 'get',
		memberId: memberId(),
	});
	// The simulator's body names the problem in `errors`; the message passes it through.
	expect(result.error?.message).toBe(
		'Yappli CRM returned 401: 認証に失敗しました。 (invalid client_id or client_secret)',
	);
	expect(JSON.stringify(result.run)).not.toContain(wrong);
});
