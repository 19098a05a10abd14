import { serveDuringTests } from '../kit/lifecycle';
import { crypto } from '../platform/node';
import { DEFAULT_PATHS, SatoriSimulator } from '../simulators/satori/satori-simulator';
import { runSatori, satoriCredentials } from './setup';

/**
 * SATORI decides success by the body's status, which the HTTP status may or may not repeat:
 * every error case is run in both readings. Retries only where nothing can be written twice.
 */
const sim = serveDuringTests(new SatoriSimulator());
const P = DEFAULT_PATHS;

const upsert = (email: string) => ({
	resource: 'customer',
	operation: 'upsert',
	identityType: 'email',
	email,
	collectionRoute: 'n8n',
});

describe.each(['mirror', 'always200'] as const)('with HTTP status %s', (httpStatus) => {
	beforeEach(() => {
		sim.behaviour.httpStatus = httpStatus;
	});

	test('wrong keys fail with SATORI\'s message and a hint, never showing a key', async () => {
		const wrong = crypto.randomBytes(12).toString('hex');
		const setup = satoriCredentials(sim, 0, { userSecret: wrong });
		const result = await runSatori(setup, upsert('a@example.jp'));
		expect(result.error?.message).toBe('SATORI returned 401: 認証に失敗しました。');
		expect(result.error?.description).toMatch(/Copy all four keys again/);
		const keys = Object.values(sim.keysOf(0));
		const shown = JSON.stringify(result.run.data.resultData);
		for (const key of [...keys, wrong]) expect(shown).not.toContain(key);
		// n8n re-sends once after an HTTP 401 (it may have refreshed the credential); with HTTP 200
		// only the body says 401, so nothing is re-sent. Neither writes anything.
		expect(sim.received({ path: P.customerUpsert })).toHaveLength(httpStatus === 'mirror' ? 2 : 1);
		expect(sim.customerByEmail('a@example.jp')).toBeUndefined();
	});

	test('a permission rule that denies ("own only") fails that item only, with the permission hint', async () => {
		const adminsCustomer = sim.customersOf()[0];
		const result = await runSatori(
			satoriCredentials(sim, 1),
			{ ...upsert('={{ $json.email }}'), customerFields: { memo: 'x' } },
			[{ email: adminsCustomer.email }, { email: 'mine@example.jp' }],
			true,
		);
		expect(result.items.map((i) => [i.json.error ?? i.json.status, i.pairedItem])).toEqual([
			['SATORI returned 403: 権限がありません。', { item: 0 }],
			[200, { item: 1 }],
		]);
		expect(String(result.items[0].json.description)).toMatch(/権限ルール.*2025-10-21.*自分のみ/);
		expect(adminsCustomer.items.memo).toBeUndefined();
	});

	test('the 2025-10 duplicate-email fault surfaces as SATORI\'s validation message', async () => {
		sim.behaviour.duplicateEmailBug = true;
		const existing = sim.customersOf()[0];
		const result = await runSatori(satoriCredentials(sim), {
			...upsert(existing.email),
			operation: 'create',
		});
		expect(result.error?.message).toBe(
			'SATORI returned 400: バリデーションに失敗しました。 メールアドレスはすでに存在します。',
		);
		expect(sim.received({ path: P.customerRegistration })).toHaveLength(1);
	});
});

test('a 503 proves nothing was written: even a registration is sent again, once it passes', async () => {
	sim.inject({ path: P.customerRegistration, respond: { status: 503, body: { status: 503, message: 'メンテナンス中' } } });
	const result = await runSatori(satoriCredentials(sim), { ...upsert('retry@example.jp'), operation: 'create' });
	expect(result.error).toBeUndefined();
	expect(sim.received({ path: P.customerRegistration }).map((r) => r.status)).toEqual([503, 200]);
	expect(sim.customersOf().filter((c) => c.email === 'retry@example.jp')).toHaveLength(1);
});

test('a lost answer is not re-sent for a registration or an action, but is for an upsert', async () => {
	const target = sim.customersOf()[0];
	sim.inject(
		{ path: P.customerRegistration, reset: 'after' },
		{ path: P.addAction, reset: 'after' },
		{ path: P.customerUpsert, reset: 'after' },
	);
	const setup = satoriCredentials(sim);
	const registration = await runSatori(setup, { ...upsert('lost@example.jp'), operation: 'create' }, [{}], true);
	expect(String(registration.items[0].json.error)).toMatch(/^SATORI request failed/);
	const action = await runSatori(setup, {
		resource: 'customerAction',
		operation: 'add',
		identityType: 'email',
		email: target.email,
		actionName: '一度だけ',
	}, [{}], true);
	expect(String(action.items[0].json.error)).toMatch(/^SATORI request failed/);
	const again = await runSatori(setup, upsert('lost-upsert@example.jp'));
	expect(again.error).toBeUndefined();

	expect(sim.received({ path: P.customerRegistration })).toHaveLength(1);
	expect(sim.received({ path: P.addAction })).toHaveLength(1);
	expect(target.actions).toHaveLength(1);
	expect(sim.received({ path: P.customerUpsert }).map((r) => r.status)).toEqual(['reset', 200]);
});

test('an answer that is not JSON is a failure: reported for a registration, read again for an upsert', async () => {
	const maintenance = { status: 200, raw: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } };
	sim.inject({ path: P.customerRegistration, respond: maintenance }, { path: P.customerUpsert, respond: maintenance });
	const setup = satoriCredentials(sim);
	const registration = await runSatori(setup, { ...upsert('html@example.jp'), operation: 'create' });
	expect(registration.error?.message).toBe('SATORI request failed: The answer was not valid JSON');
	expect(sim.received({ path: P.customerRegistration })).toHaveLength(1);
	const update = await runSatori(setup, upsert('html@example.jp'));
	expect(update.error).toBeUndefined();
	expect(sim.received({ path: P.customerUpsert })).toHaveLength(2);
});

test('two executions with the same keys never have two requests at SATORI at once', async () => {
	// Each request is held 300 ms at the simulator. Events are logged on arrival (before the hold)
	// and when it is handled (after): with one request at a time they strictly alternate.
	const events: string[] = [];
	sim.inject({
		path: P.customerUpsert,
		times: 6,
		delayMs: 300,
		when: () => {
			events.push('arrive');
			return true;
		},
	});
	sim.onRequest = () => events.push('handled');
	const run = (prefix: string) =>
		runSatori(satoriCredentials(sim), upsert('={{ $json.email }}'), [1, 2, 3].map((n) => ({ email: `${prefix}${n}@example.jp` })));
	const [a, b] = await Promise.all([run('a'), run('b')]);
	expect([a.error, b.error]).toEqual([undefined, undefined]);
	expect(events).toEqual(Array.from({ length: 6 }, () => ['arrive', 'handled']).flat());
});
