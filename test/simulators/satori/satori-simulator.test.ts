import { serveDuringTests } from '../../kit/lifecycle';
import { DEFAULT_PATHS, SatoriSimulator } from './satori-simulator';
import { SatoriTestClient } from './test-client';

/** The simulator against the vendor overview and spec, over plain HTTP: single-customer calls. */
const sim = serveDuringTests(new SatoriSimulator());
const admin = () => new SatoriTestClient(sim, SatoriTestClient.keysFor(sim, 0));
const ownOnly = () => new SatoriTestClient(sim, SatoriTestClient.keysFor(sim, 1));
const noBulk = () => new SatoriTestClient(sim, SatoriTestClient.keysFor(sim, 2));
const P = DEFAULT_PATHS;

const newLead = (email: string, extra: Record<string, string> = {}) => ({
	'customer[identity_type]': 'email',
	'customer[email]': email,
	'customer[collection_route]': 'Webフォーム',
	...extra,
});

describe('authentication', () => {
	test('missing or wrong keys answer status 401 in body and HTTP status', async () => {
		const none = await new SatoriTestClient(sim).form(P.customerUpsert, newLead('a@example.jp'));
		expect(none).toEqual({ http: 401, body: { status: 401, message: '認証に失敗しました。' } });
		const keys = SatoriTestClient.keysFor(sim);
		const wrong = await new SatoriTestClient(sim, { ...keys, company_secret: 'nope' }).form(
			P.customerUpsert,
			newLead('a@example.jp'),
		);
		expect(wrong.body.status).toBe(401);
		// A user's keys do not work with another user's secret.
		const mixed = await new SatoriTestClient(sim, {
			...keys,
			user_secret: SatoriTestClient.keysFor(sim, 1).user_secret,
		}).form(P.customerUpsert, newLead('a@example.jp'));
		expect(mixed.body.status).toBe(401);
		expect(sim.customerByEmail('a@example.jp')).toBeUndefined();
	});

	test('keys in the query string of a POST are not read; GET reads them from the query', async () => {
		const keys = SatoriTestClient.keysFor(sim);
		const query = new URLSearchParams(keys).toString();
		const post = await new SatoriTestClient(sim).form(`${P.customerUpsert}?${query}`, newLead('q@example.jp'));
		expect(post.body.status).toBe(401);
		const get = await admin().get(P.bulkStatus, { process_code: 'none' });
		expect(get).toEqual({ http: 404, body: { status: 404, message: '処理状況が見つかりません。' } });
	});

	test('with the HTTP switch every answer is HTTP 200 and only the body says what happened', async () => {
		sim.behaviour.httpStatus = 'always200';
		const none = await new SatoriTestClient(sim).form(P.customerUpsert, newLead('a@example.jp'));
		expect(none).toEqual({ http: 200, body: { status: 401, message: '認証に失敗しました。' } });
	});
});

describe('customer/registration.json and upsert.json', () => {
	test('registration creates a customer from bracket keys, with custom items and tags', async () => {
		const answer = await admin().form(
			P.customerRegistration,
			newLead('Hanako@Example.jp', {
				'customer[last_name]': '山田',
				'customer[first_name]': '花子',
				'customer[custom:industry]': '小売',
				'customer[append_tags]': 'セミナー, 資料請求',
				'customer[collection_date]': '2026-04-01',
			}),
		);
		expect(answer).toEqual({ http: 200, body: { status: 200, message: 'OK' } });
		const stored = sim.customerByEmail('hanako@example.jp');
		expect(stored).toEqual(
			expect.objectContaining({
				email: 'Hanako@Example.jp',
				items: expect.objectContaining({ last_name: '山田', collection_date: '2026-04-01' }),
				custom: { industry: '小売' },
				hashcode: expect.stringMatching(/^[0-9a-f]{32}$/),
			}),
		);
		expect([...(stored?.tags ?? [])]).toEqual(['セミナー', '資料請求']);
	});

	test('the object message reading carries the hashcode', async () => {
		sim.behaviour.successMessage = 'object';
		const answer = await admin().form(P.customerUpsert, newLead('obj@example.jp'));
		expect(answer.body).toEqual({
			status: 200,
			message: { 'customer[hashcode]': sim.customerByEmail('obj@example.jp')?.hashcode },
		});
	});

	test('validation failures answer 400 with the vendor prefix and change nothing', async () => {
		const cases: Array<[Record<string, string>, string]> = [
			[{ 'customer[identity_type]': 'email' }, 'メールアドレスを入力してください。'],
			[{ 'customer[identity_type]': 'phone', 'customer[email]': 'x@example.jp' }, 'identity_type'],
			[newLead('not-an-address'), 'メールアドレスの形式が正しくありません。'],
			[newLead(`${'a'.repeat(250)}@example.jp`), '255文字以内'],
			[newLead('ｚｅｎｋａｋｕ@example.jp'), 'メールアドレスの形式が正しくありません。'],
			[{ 'customer[identity_type]': 'email', 'customer[email]': 'x@example.jp' }, '情報獲得経路を入力してください。'],
			[newLead('x@example.jp', { 'customer[custom:unknown]': 'v' }), 'カスタム項目「unknown」は存在しません。'],
			[newLead('x@example.jp', { 'customer[delivery_permission]': 'maybe' }), 'メール配信可否'],
		];
		for (const [fields, detail] of cases) {
			const answer = await admin().form(P.customerRegistration, fields);
			expect(answer.http).toBe(400);
			expect(answer.body.status).toBe(400);
			expect(String(answer.body.message)).toMatch(/^バリデーションに失敗しました。 /);
			expect(String(answer.body.message)).toContain(detail);
		}
		expect(sim.customerByEmail('x@example.jp')).toBeUndefined();
	});

	test('registration on an existing customer fills only empty items; upsert overwrites, empty never clears', async () => {
		const existing = sim.customersOf()[0];
		const before = { ...existing.items };
		await admin().form(
			P.customerRegistration,
			newLead(existing.email, {
				'customer[last_name]': '上書き',
				'customer[memo]': '初めてのメモ',
				'customer[delivery_permission]': 'reject',
			}),
		);
		expect(existing.items.last_name).toBe(before.last_name);
		expect(existing.items.memo).toBe('初めてのメモ');
		expect(existing.items.delivery_permission).toBe('reject');

		await admin().form(P.customerUpsert, {
			'customer[identity_type]': 'email',
			'customer[email]': existing.email,
			'customer[last_name]': '上書き',
			'customer[first_name]': '',
		});
		expect(existing.items.last_name).toBe('上書き');
		expect(existing.items.first_name).toBe(before.first_name);
	});

	test('upsert of an unknown email creates it; by hashcode it updates, and an unknown hashcode is 404', async () => {
		await admin().form(P.customerUpsert, newLead('new@example.jp'));
		const created = sim.customerByEmail('new@example.jp');
		expect(created).toBeDefined();
		await admin().form(P.customerUpsert, {
			'customer[identity_type]': 'hashcode',
			'customer[hashcode]': created?.hashcode ?? '',
			'customer[memo]': 'by hashcode',
		});
		expect(created?.items.memo).toBe('by hashcode');
		const missing = await admin().form(P.customerUpsert, {
			'customer[identity_type]': 'hashcode',
			'customer[hashcode]': 'f'.repeat(32),
		});
		expect(missing.body).toEqual({ status: 404, message: 'カスタマーが見つかりません。' });
	});

	test('the 2025-10 fault: registration of an existing email answers 400 "already exists"', async () => {
		sim.behaviour.duplicateEmailBug = true;
		const existing = sim.customersOf()[0];
		const answer = await admin().form(P.customerRegistration, newLead(existing.email));
		expect(answer.body).toEqual({
			status: 400,
			message: 'バリデーションに失敗しました。 メールアドレスはすでに存在します。',
		});
		expect((await admin().form(P.customerUpsert, newLead(existing.email))).body.status).toBe(200);
	});

	test('multipart bodies are read like urlencoded ones, on every POST', async () => {
		const answer = await admin().multipart(P.customerUpsert, newLead('mp@example.jp', { 'customer[last_name]': '木村' }));
		expect(answer.body.status).toBe(200);
		expect(sim.customerByEmail('mp@example.jp')?.items.last_name).toBe('木村');
	});

	test('bytes that are not UTF-8 are refused with 400', async () => {
		const keys = new URLSearchParams(SatoriTestClient.keysFor(sim)).toString();
		// 山田 in Shift_JIS, percent-encoded, then raw.
		const escaped = await new SatoriTestClient(sim).raw(
			P.customerUpsert,
			'application/x-www-form-urlencoded',
			`${keys}&customer[identity_type]=email&customer[email]=sj%40example.jp&customer[collection_route]=x&customer[last_name]=%8ER%93c`,
		);
		expect(escaped.body).toEqual({
			status: 400,
			message: 'バリデーションに失敗しました。 文字コードはUTF-8で送信してください。',
		});
		const raw = await new SatoriTestClient(sim).raw(
			P.customerUpsert,
			'application/x-www-form-urlencoded',
			Buffer.concat([Buffer.from(`${keys}&customer[last_name]=`), Buffer.from([0x8e, 0x52, 0x93, 0x63])]),
		);
		expect(raw.body).toEqual(escaped.body);
		expect(sim.customerByEmail('sj@example.jp')).toBeUndefined();
	});
});

describe('permission rules (since 2025-10-21)', () => {
	test('"own only" users edit and delete only customers registered with their own key', async () => {
		const adminsCustomer = sim.customersOf()[0];
		const edit = await ownOnly().form(P.customerUpsert, {
			'customer[identity_type]': 'email',
			'customer[email]': adminsCustomer.email,
			'customer[memo]': 'not mine',
		});
		expect(edit).toEqual({ http: 403, body: { status: 403, message: '権限がありません。' } });
		const remove = await ownOnly().form(P.customerDelete, {
			'customer[identity_type]': 'email',
			'customer[email]': adminsCustomer.email,
		});
		expect(remove.body.status).toBe(403);
		expect(sim.customerByEmail(adminsCustomer.email)).toBeDefined();

		expect((await ownOnly().form(P.customerUpsert, newLead('mine@example.jp'))).body.status).toBe(200);
		const mine = await ownOnly().form(P.customerUpsert, {
			'customer[identity_type]': 'email',
			'customer[email]': 'mine@example.jp',
			'customer[memo]': 'mine',
		});
		expect(mine.body.status).toBe(200);
		expect((await ownOnly().form(P.customerDelete, { 'customer[identity_type]': 'email', 'customer[email]': 'mine@example.jp' })).body.status).toBe(200);
		expect(sim.customerByEmail('mine@example.jp')).toBeUndefined();
	});

	test('a missing permission item answers 403 for that call only', async () => {
		expect((await noBulk().form(P.customerUpsert, newLead('ok@example.jp'))).body.status).toBe(200);
		expect((await noBulk().form(P.customerDelete, { 'customer[identity_type]': 'email', 'customer[email]': 'ok@example.jp' })).body.status).toBe(403);
		expect((await noBulk().get(P.bulkStatus, { process_code: 'x' })).body.status).toBe(403);
		expect((await noBulk().multipart(P.bulkUpsert, { identity_type: 'email' }, { bytes: 'email\nz@example.jp\n' })).body.status).toBe(403);
		expect(
			(await noBulk().form(P.addAction, { 'customer[identity_type]': 'email', 'customer[email]': 'ok@example.jp', 'action[name]': 'x' })).body.status,
		).toBe(403);
	});
});

describe('customer/delete.json and add_action.json', () => {
	test('delete removes the customer; a missing one is 404', async () => {
		const target = sim.customersOf()[1];
		const ok = await admin().form(P.customerDelete, { 'customer[identity_type]': 'hashcode', 'customer[hashcode]': target.hashcode });
		expect(ok.body).toEqual({ status: 200, message: 'OK' });
		expect(sim.customersOf().some((c) => c.hashcode === target.hashcode)).toBe(false);
		const again = await admin().form(P.customerDelete, { 'customer[identity_type]': 'hashcode', 'customer[hashcode]': target.hashcode });
		expect(again.body).toEqual({ status: 404, message: 'カスタマーが見つかりません。' });
	});

	test('add_action stores every action[...] field verbatim; unknown customers are 404', async () => {
		const target = sim.customersOf()[2];
		const fields = {
			'customer[identity_type]': 'email',
			'customer[email]': target.email,
			'action[name]': '商談化',
			'action[detail]': 'Mazricaで案件化',
			'action[datetime]': '2026-04-01 10:30:00',
			'action[extra]': 'kept',
		};
		expect((await admin().form(P.addAction, fields)).body.status).toBe(200);
		expect(target.actions).toEqual([
			{ name: '商談化', detail: 'Mazricaで案件化', datetime: '2026-04-01 10:30:00', extra: 'kept' },
		]);
		const missing = await admin().form(P.addAction, { ...fields, 'customer[email]': 'nobody@example.jp' });
		expect(missing.body.status).toBe(404);
	});

	test('paths are configurable (PROPOSED ones may be corrected)', async () => {
		const moved = new SatoriSimulator({ paths: { customerDelete: '/api/v4/public/customer/destroy.json' } });
		await moved.start();
		try {
			const client = new SatoriTestClient(moved, SatoriTestClient.keysFor(moved));
			const target = moved.customersOf()[0];
			const answer = await client.form('/api/v4/public/customer/destroy.json', { 'customer[identity_type]': 'email', 'customer[email]': target.email });
			expect(answer.body.status).toBe(200);
		} finally {
			await moved.stop();
		}
	});

	test('an optional rate limit answers 429 in body and HTTP status', async () => {
		const limited = new SatoriSimulator({ rateLimit: { ratePerSecond: 1, burst: 1 } });
		await limited.start();
		try {
			const client = new SatoriTestClient(limited, SatoriTestClient.keysFor(limited));
			limited.freezeClock(Date.now());
			expect((await client.form(P.customerUpsert, newLead('r1@example.jp'))).body.status).toBe(200);
			expect(await client.form(P.customerUpsert, newLead('r2@example.jp'))).toEqual({
				http: 429,
				body: { status: 429, message: 'リクエストが多すぎます。' },
			});
		} finally {
			await limited.stop();
		}
	});
});
