import { serveDuringTests } from '../../kit/lifecycle';
import {
	client,
	type ErrorJson,
	type ExpiryJson,
	type MemberEnvelope,
	type PageJson,
	type PointJson,
} from './test-client';
import { YappliSimulator } from './yappli-simulator';

/** Points: history, expiry list, add/subtract, calculation, and what a dropped connection does. */
const sim = serveDuringTests(new YappliSimulator({ seed: { members: 10 } }));
const api = client(sim);

/** 2027-06-10 12:00:00 in Japan. */
const T0 = Date.UTC(2027, 5, 10, 3, 0, 0);
const HOUR = 3_600_000;

let id = '';

beforeEach(async () => {
	sim.freezeClock(T0);
	await api.login();
	const created = await api.post<MemberEnvelope>('/api/ext/users', { rank: 'regular' });
	id = String(created.json.member.id);
});

const member = async () => (await api.get<MemberEnvelope>(`/api/ext/users/${id}`)).json.member;
const history = async (query = '') =>
	(await api.get<PageJson<'points', PointJson>>(`/api/ext/users/${id}/points${query}`)).json;
const expiries = async (query = '') =>
	(
		await api.get<PageJson<'points', ExpiryJson>>(
			`/api/ext/users/${id}/points/expired_list${query}`,
		)
	).json;
const grant = (body: Record<string, unknown>) =>
	api.post<MemberEnvelope>(`/api/ext/users/${id}/points`, body);

describe('add (POST /api/ext/users/{id}/points)', () => {
	test('the document example adds points with the default expiry and records one history row', async () => {
		sim.advanceClock(HOUR);
		const res = await grant({ point: 100, title: 'キャンペーンポイント10pt', remarks: '備考欄' });
		expect(res.status).toBe(200);
		expect(res.json.member).toMatchObject({
			id,
			point: 100,
			total_point: 100,
			point_geted_at: '2027-06-10 13:00:00',
			point_used_at: null,
			// 365 days after 2027-06-10 [proposed default expiry].
			point_expired_at: '2028-06-09',
			point_expired_point: 100,
			updated_at: '2027-06-10 13:00:00',
		});
		const page = await history();
		expect(page).toMatchObject({ total: 1, per_page: 50, current_page: 1, last_page: 1 });
		expect(page.points).toEqual([
			{
				id: expect.stringMatching(/^\d+$/) as unknown,
				title: 'キャンペーンポイント10pt',
				point: 100,
				detail: null,
				remarks: '備考欄',
				expired_at: '2028-06-09 23:59:59',
				created_at: '2027-06-10 13:00:00',
				updated_at: '2027-06-10 13:00:00',
			},
		]);
	});

	test('expired_at is a date stored at 23:59:59; the expiry list sums per date, nearest first', async () => {
		expect((await grant({ point: 200, expired_at: '2027-12-31' })).status).toBe(200);
		expect((await grant({ point: 100, expired_at: '2027-07-01' })).status).toBe(200);
		expect((await grant({ point: 50, expired_at: '2027-07-01' })).status).toBe(200);
		const list = await expiries();
		expect(list).toEqual({
			points: [
				{ expired_at: '2027-07-01 23:59:59', point: 150 },
				{ expired_at: '2027-12-31 23:59:59', point: 200 },
			],
			total: 2,
			per_page: 50,
			current_page: 1,
			last_page: 1,
		});
		expect(await member()).toMatchObject({
			point: 350,
			point_expired_at: '2027-07-01',
			point_expired_point: 150,
		});
		const second = await expiries('?per_page=1&page=2');
		expect(second.points).toEqual([{ expired_at: '2027-12-31 23:59:59', point: 200 }]);
		expect(second.last_page).toBe(2);
	});

	test.each<[string, Record<string, unknown>, string]>([
		['missing point', { title: 'x' }, 'point is required'],
		['zero', { point: 0 }, 'point must not be 0'],
		['fraction', { point: 1.5 }, 'point must be an integer'],
		['numeric string', { point: '100' }, 'point must be an integer'],
		[
			'slashed date',
			{ point: 10, expired_at: '2027/07/01' },
			'expired_at must be a date YYYY-MM-DD',
		],
		[
			'date-time',
			{ point: 10, expired_at: '2027-07-01 23:59:59' },
			'expired_at must be a date YYYY-MM-DD',
		],
		['past date', { point: 10, expired_at: '2027-06-09' }, 'expired_at must not be in the past'],
		['title not a string', { point: 10, title: 5 }, 'title must be a string'],
		['unknown field', { point: 10, amount: 5 }, 'unknown field amount'],
	])('%s → 400 and nothing written', async (_label, body, problem) => {
		const res = await api.post<ErrorJson>(`/api/ext/users/${id}/points`, body);
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'Bad Request',
			error_description: '要求が無効です。',
			errors: [problem],
		});
		expect((await history()).total).toBe(0);
	});

	test('an expiry of today is accepted; an unknown member is a 404', async () => {
		expect((await grant({ point: 10, expired_at: '2027-06-10' })).status).toBe(200);
		const res = await api.post<ErrorJson>('/api/ext/users/70000/points', { point: 10 });
		expect(res.status).toBe(404);
	});

	test('point writes are not idempotent: the same body twice is two rows', async () => {
		const body = { point: 100, title: '同じ付与', remarks: 'dedupe-key-1' };
		await grant(body);
		await grant(body);
		const page = await history();
		expect(page.total).toBe(2);
		expect(page.points.map((p) => p.remarks)).toEqual(['dedupe-key-1', 'dedupe-key-1']);
		expect((await member()).point).toBe(200);
	});
});

describe('subtract', () => {
	test('uses the points nearest to expiry first and ignores expired_at', async () => {
		await grant({ point: 100, expired_at: '2027-12-31' });
		await grant({ point: 50, expired_at: '2027-07-01' });
		sim.advanceClock(HOUR);
		const res = await grant({ point: -120, title: 'ポイント利用', expired_at: 'not a date' });
		expect(res.status).toBe(200);
		expect(res.json.member).toMatchObject({
			point: 30,
			total_point: 150,
			point_used_at: '2027-06-10',
			point_expired_at: '2027-12-31',
			point_expired_point: 30,
		});
		expect((await expiries()).points).toEqual([{ expired_at: '2027-12-31 23:59:59', point: 30 }]);
		const rows = (await history()).points;
		expect(rows.map((p) => p.point)).toEqual([-120, 50, 100]);
		expect(rows[0]).toMatchObject({ title: 'ポイント利用', expired_at: null });
	});

	test('taking more than the balance is a 400 and writes nothing', async () => {
		await grant({ point: 30 });
		const res = await api.post<ErrorJson>(`/api/ext/users/${id}/points`, { point: -31 });
		expect(res.status).toBe(400);
		expect(res.json.errors).toEqual(["point -31 exceeds the member's balance"]);
		expect((await member()).point).toBe(30);
		expect((await history()).total).toBe(1);
		expect((await grant({ point: -30 })).json.member.point).toBe(0);
	});
});

describe('expiry on the simulator clock', () => {
	test('points count until 23:59:59 of their date, then drop out of balance and list', async () => {
		await grant({ point: 100, expired_at: '2027-06-11' });
		await grant({ point: 40, expired_at: '2027-06-20' });
		// From 12:00 on the 10th to 23:59:59 on the 11th.
		sim.advanceClock(36 * HOUR - 1000);
		await api.login();
		expect(await member()).toMatchObject({ point: 140, point_expired_at: '2027-06-11' });
		sim.advanceClock(1000);
		expect(await member()).toMatchObject({
			point: 40,
			total_point: 140,
			point_expired_at: '2027-06-20',
			point_expired_point: 40,
		});
		expect((await expiries()).points).toEqual([{ expired_at: '2027-06-20 23:59:59', point: 40 }]);
		expect((await history()).total).toBe(2);
		const refused = await api.post<ErrorJson>(`/api/ext/users/${id}/points`, { point: -41 });
		expect(refused.status).toBe(400);
	});
});

describe('history paging', () => {
	test('newest first across pages; per_page limits apply', async () => {
		for (let i = 1; i <= 5; i++) {
			await grant({ point: i, title: `付与${i}` });
			sim.advanceClock(1000);
		}
		const p1 = await history('?per_page=2');
		expect(p1).toMatchObject({ total: 5, per_page: 2, current_page: 1, last_page: 3 });
		const p3 = await history('?per_page=2&page=3');
		expect(
			[...p1.points, ...(await history('?per_page=2&page=2')).points, ...p3.points].map(
				(p) => p.point,
			),
		).toEqual([5, 4, 3, 2, 1]);
		expect((await api.get(`/api/ext/users/${id}/points?per_page=1001`)).status).toBe(400);
		expect((await api.get(`/api/ext/users/${id}/points/expired_list?page=0`)).status).toBe(400);
	});

	test('the wrapped list-item switch wraps point rows as {point: {...}}', async () => {
		await grant({ point: 7, expired_at: '2027-08-01' });
		sim.shapes.listItems = 'wrapped';
		const rows = await api.get<PageJson<'points', { point: PointJson }>>(
			`/api/ext/users/${id}/points`,
		);
		expect(rows.json.points[0].point.point).toBe(7);
		const groups = await api.get<PageJson<'points', { point: ExpiryJson }>>(
			`/api/ext/users/${id}/points/expired_list`,
		);
		expect(groups.json.points).toEqual([
			{ point: { expired_at: '2027-08-01 23:59:59', point: 7 } },
		]);
	});
});

describe('calculation (POST /api/ext/users/{id}/points/calculation)', () => {
	const calc = (body: Record<string, unknown>, who = id) =>
		api.post<MemberEnvelope & ErrorJson>(`/api/ext/users/${who}/points/calculation`, body);

	test('points = amount × the rank rate, rounded down; recorded like an addition', async () => {
		const res = await calc({ amount: 199, title: 'お買い上げ', remarks: 'order-1' });
		expect(res.status).toBe(200);
		expect(res.json.member).toMatchObject({ point: 1, total_point: 1 });
		const gold = await api.post<MemberEnvelope>('/api/ext/users', { rank: 'gold' });
		const goldId = String(gold.json.member.id);
		const goldRes = await calc({ amount: 1234, expired_at: '2027-09-30' }, goldId);
		expect(goldRes.json.member).toMatchObject({ point: 37, point_expired_at: '2027-09-30' });
		const row = (await api.get<PageJson<'points', PointJson>>(`/api/ext/users/${goldId}/points`))
			.json.points[0];
		expect(row).toMatchObject({
			point: 37,
			detail: '計算値 1234 × 付与率 3%',
			expired_at: '2027-09-30 23:59:59',
		});
		const first = (await history()).points[0];
		expect(first).toMatchObject({ point: 1, title: 'お買い上げ', remarks: 'order-1' });
	});

	test('rates follow the tenant settings; an amount below one point still makes a row', async () => {
		sim.tenant.rankRates.regular = 10;
		expect((await calc({ amount: 55 })).json.member.point).toBe(5);
		sim.tenant.rankRates.regular = 1;
		expect((await calc({ amount: 99 })).json.member.point).toBe(5);
		expect((await history()).points.map((p) => p.point)).toEqual([0, 5]);
	});

	test.each<[string, Record<string, unknown>, string]>([
		['negative amount', { amount: -100 }, 'amount must not be negative'],
		['missing amount', { title: 'x' }, 'amount is required'],
		['string amount', { amount: '1000' }, 'amount must be an integer'],
		['point instead of amount', { point: 10 }, 'unknown field point'],
	])('%s → 400', async (_label, body, problem) => {
		const res = await calc(body);
		expect(res.status).toBe(400);
		expect(res.json.errors).toContain(problem);
		expect((await history()).total).toBe(0);
	});
});

describe('a dropped connection after a point write', () => {
	test('reset "after" loses the answer but the points land exactly once', async () => {
		const path = `/api/ext/users/${id}/points`;
		sim.inject({ method: 'POST', path, exact: true, reset: 'after' });
		await expect(grant({ point: 100, remarks: 'once' })).rejects.toThrow();
		const log = sim.received({ method: 'POST', path });
		expect(log.map((r) => [r.status, r.fault])).toEqual([['reset', 'reset-after']]);
		expect(await member()).toMatchObject({ point: 100, total_point: 100 });
		const rows = (await history()).points;
		expect(rows.map((p) => [p.point, p.remarks])).toEqual([[100, 'once']]);
		// A blind retry would apply it a second time: the API has no idempotency.
		await grant({ point: 100, remarks: 'once' });
		expect((await member()).point).toBe(200);
	});

	test('reset "before" loses the request: nothing is written', async () => {
		const path = `/api/ext/users/${id}/points`;
		sim.inject({ method: 'POST', path, exact: true, reset: 'before' });
		await expect(grant({ point: 100 })).rejects.toThrow();
		expect((await member()).point).toBe(0);
		expect((await history()).total).toBe(0);
	});
});
