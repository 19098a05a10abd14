import { serveDuringTests } from '../../kit/lifecycle';
import { RodemSimulator } from './rodem-simulator';
import { generateSeed } from './seed';
import { client, detailsOf, ymd, type ExpenseJson, type ExpensePageJson } from './test-client';

/** `GET /api/v1/expenses` over HTTP: shape, date filter, paging, switches and edits. */
const sim = serveDuringTests(new RodemSimulator());
const api = client(sim);
const ALL = { start_date: '20240101', end_date: '20241231' };
const ISO_MS_JST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/;

let token = '';
beforeEach(() => {
	token = sim.issueTokens().access_token;
});

const get = (query: Record<string, string | number>) => api.expenses(query, token);

describe('response shape', () => {
	test('root and record fields in the vendor example order, with its types and formats', async () => {
		const res = await get({ ...ALL, limit: 5 });
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toContain('application/json');
		expect(Object.keys(res.json)).toEqual([
			'id',
			'total_expense_count',
			'offset',
			'expens_details',
		]);
		expect(res.json.id).toBe(27);
		const records = detailsOf(res.json);
		expect(records).toHaveLength(5);
		for (const rec of records) {
			expect(Object.keys(rec)).toEqual([
				'id',
				'updated_at',
				'use_date',
				'price',
				'distance',
				'serialize_data',
				'movement_start_time',
				'movement_end_time',
				'sojourn_time',
				'calendar_title',
				'flags',
				'course_detail',
				'teiki_course',
			]);
			expect(rec.updated_at).toMatch(ISO_MS_JST);
			expect(rec.movement_start_time).toMatch(ISO_MS_JST);
			expect(Date.parse(rec.movement_end_time)).toBeGreaterThan(
				Date.parse(rec.movement_start_time),
			);
			expect(rec.movement_start_time.slice(0, 10)).toBe(rec.use_date);
			expect(rec.use_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(Number.isInteger(rec.price) && rec.price > 0).toBe(true);
			expect(Number.isInteger(rec.distance)).toBe(true);
			expect(typeof rec.sojourn_time).toBe('number');
			expect(rec.serialize_data).toMatch(/^VkV4Q[A-Za-z0-9+/]+$/);
			expect(rec.calendar_title).toMatch(/^\[.+\].+$/);
			expect(Object.keys(rec.flags)).toEqual([
				'best_price',
				'best_time',
				'best_transfer',
				'with_teiki',
				'use_ic_card',
				'reroute',
			]);
			for (const flag of Object.values(rec.flags)) expect(typeof flag).toBe('boolean');
			const course = rec.course_detail;
			expect(Object.keys(course)).toEqual([
				'course_string',
				'from_name',
				'to_name',
				'lines',
				'stations',
			]);
			expect(course.lines[0]).toEqual({ name: '徒歩' });
			for (const station of course.stations) expect(station.code).toMatch(/^\d{5}$/);
			expect(
				course.course_string.startsWith(`${course.from_name}-[徒歩]-${course.stations[0].name}-`),
			).toBe(true);
			expect(rec.teiki_course).toBe('桜台:西武池袋線:Up:池袋:JR山手線内回り:Down:新宿');
		}
	});

	test('the demo data: Japanese routes, months of use dates, records edited after closing', () => {
		const mine = sim.expensesOf(27);
		expect(mine).toHaveLength(250);
		expect(new Set(mine.map((e) => e.useDate.slice(0, 7))).size).toBe(6);
		expect(
			mine.some(
				(e) =>
					e.courseString ===
					'自社-[徒歩]-渋谷-[JR山手線外回り・新宿・池袋方面]-新宿-[徒歩]-' + e.toName,
			),
		).toBe(true);
		// Edited after the month's closing: updated_at (Japan time) falls in a later month.
		const late = mine.filter(
			(e) => String(sim.serialize(e.id)?.updated_at).slice(0, 7) > e.useDate.slice(0, 7),
		);
		expect(late.length).toBeGreaterThan(10);
		expect(late.length).toBeLessThan(mine.length / 4);
		expect(sim.employees.map((e) => e.department)).toContain('営業部');
		expect(generateSeed()).toEqual(generateSeed());
		expect(generateSeed({ randomSeed: 1 })).not.toEqual(generateSeed());
	});

	test('timestamps can be switched to the field table format', async () => {
		sim.timestampFormat = 'table';
		const [rec] = detailsOf((await get({ ...ALL, limit: 1 })).json);
		expect(rec.updated_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(rec.movement_start_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	});

	test('Accept must allow JSON: text/html alone is a 406', async () => {
		expect((await api.expenses(ALL, token, { accept: 'text/html' })).status).toBe(406);
		expect((await api.expenses(ALL, token, { accept: '*/*' })).status).toBe(200);
		expect(
			(await api.expenses(ALL, token, { accept: 'application/json, text/plain, */*' })).status,
		).toBe(200);
	});
});

describe('the array key spelling switch', () => {
	test.each([
		['expens_details', ['expens_details']],
		['expense_details', ['expense_details']],
		['both', ['expense_details', 'expens_details']],
	] as const)('%s', async (key, keys) => {
		sim.detailsKey = key;
		const res = await get({ ...ALL, limit: 3 });
		expect(Object.keys(res.json).slice(3)).toEqual(keys);
		for (const k of keys) expect(res.json[k]).toHaveLength(3);
	});

	test('a reset restores the option (default: the example spelling)', () => {
		sim.detailsKey = 'expense_details';
		sim.reset();
		expect(sim.detailsKey).toBe('expens_details');
	});
});

describe('date range on use_date', () => {
	test('start_date and end_date are inclusive yyyymmdd bounds', async () => {
		const mine = sim.expensesOf(27);
		const day = mine[40].useDate;
		const sameDay = mine.filter((e) => e.useDate === day);
		const res = await get({ start_date: ymd(day), end_date: ymd(day) });
		expect(res.json.total_expense_count).toBe(sameDay.length);
		expect(detailsOf(res.json).map((e) => e.id)).toEqual(sameDay.map((e) => e.id));

		const may = await get({ start_date: '20240501', end_date: '20240531' });
		const inMay = mine.filter((e) => e.useDate.startsWith('2024-05'));
		expect(inMay.length).toBeGreaterThan(0);
		expect(may.json.total_expense_count).toBe(inMay.length);
		expect(detailsOf(may.json).every((e) => e.use_date.startsWith('2024-05'))).toBe(true);

		const empty = await get({ start_date: '20230101', end_date: '20230331' });
		expect(empty.json).toEqual({ id: 27, total_expense_count: 0, offset: 0, expens_details: [] });
	});

	test('the date of a record that moves into the range counts from the next request', async () => {
		const [rec] = sim.expensesOf(27).filter((e) => e.useDate.startsWith('2024-05'));
		const before = (await get({ start_date: '20241001', end_date: '20241031' })).json;
		sim.editExpense(rec.id, { useDate: '2024-10-15' });
		const after = (await get({ start_date: '20241001', end_date: '20241031' })).json;
		expect(after.total_expense_count).toBe(before.total_expense_count + 1);
		expect(detailsOf(after).map((e) => e.id)).toContain(rec.id);
	});

	test('missing, malformed, impossible or reversed dates are 400 invalid_request', async () => {
		const bad: Array<Record<string, string>> = [
			{ end_date: '20240430' },
			{ start_date: '20240401' },
			{ start_date: '2024-04-01', end_date: '20240430' },
			{ start_date: '20240401', end_date: '2024/04/30' },
			{ start_date: '20240231', end_date: '20240430' },
			{ start_date: '2024041', end_date: '20240430' },
			{ start_date: '', end_date: '20240430' },
			{ start_date: '20240501', end_date: '20240430' },
		];
		for (const query of bad) {
			const res = await get(query);
			expect([query, res.status]).toEqual([query, 400]);
			expect(res.json).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
		}
	});

	test("only the token owner's records are listed", async () => {
		const other = sim.issueTokens(31).access_token;
		const res = await api.expenses({ ...ALL }, other);
		expect(res.json.id).toBe(31);
		const ids = new Set(sim.expensesOf(31).map((e) => e.id));
		expect(res.json.total_expense_count).toBe(ids.size);
		expect(detailsOf(res.json).every((e) => ids.has(e.id))).toBe(true);
		expect(detailsOf(res.json)[0].teiki_course).toBe('武蔵小杉:東急東横線:Up:渋谷');
		const noPass = await api.expenses({ ...ALL, limit: 1 }, sim.issueTokens(56).access_token);
		expect(detailsOf(noPass.json)[0].teiki_course).toBeNull();
	});
});

describe('paging with offset and limit', () => {
	test('limit defaults to 200; offset pages through in use-date-then-id order', async () => {
		const first = await get(ALL);
		expect(first.json.total_expense_count).toBe(250);
		expect(first.json.offset).toBe(0);
		expect(detailsOf(first.json)).toHaveLength(200);
		const second = await get({ ...ALL, offset: 200 });
		expect(second.json.offset).toBe(200);
		expect(detailsOf(second.json)).toHaveLength(50);
		const all = [...detailsOf(first.json), ...detailsOf(second.json)];
		expect(all.map((e) => e.id)).toEqual(sim.expensesOf(27).map((e) => e.id));
		const key = (e: ExpenseJson) => `${e.use_date}|${String(e.id).padStart(8, '0')}`;
		expect(all.map(key)).toEqual([...all.map(key)].sort());
		// Ids follow registration, not use date: the order is really by date.
		const ids = all.map((e) => e.id);
		expect(ids).not.toEqual([...ids].sort((a, b) => a - b));

		const past = await get({ ...ALL, offset: 250 });
		expect(past.json).toEqual({
			id: 27,
			total_expense_count: 250,
			offset: 250,
			expens_details: [],
		});
	});

	test('small pages walk the same records', async () => {
		const seen: number[] = [];
		let offset = 0;
		for (;;) {
			const page = (await get({ start_date: '20240601', end_date: '20240630', offset, limit: 7 }))
				.json;
			const records = detailsOf(page);
			seen.push(...records.map((e) => e.id));
			offset += records.length;
			if (records.length === 0 || offset >= page.total_expense_count) break;
		}
		expect(seen).toEqual(
			sim
				.expensesOf(27)
				.filter((e) => e.useDate.startsWith('2024-06'))
				.map((e) => e.id),
		);
	});

	test('the vendor example: offset=1&limit=1 of two records returns the second', async () => {
		sim.reseed({ primaryUserExpenses: 0 });
		try {
			// Two records in the example's range; the later use date is registered first.
			const later = sim.addExpense({ useDate: '2016-12-18', price: 154, routeIndex: 8 });
			const earlier = sim.addExpense({ useDate: '2016-12-05' });
			sim.addExpense({ useDate: '2016-12-21' });
			const res = await get({ start_date: '20161201', end_date: '20161220', offset: 1, limit: 1 });
			expect(res.json.total_expense_count).toBe(2);
			expect(res.json.offset).toBe(1);
			expect(detailsOf(res.json).map((e) => e.id)).toEqual([later.id]);
			expect(later.id).toBeLessThan(earlier.id);
			const [rec] = detailsOf(res.json);
			expect([rec.price, rec.distance]).toEqual([154, 117]);
			expect(rec.course_detail.course_string).toBe(
				'自社-[徒歩]-高円寺-[JR総武線・津田沼行]-新宿-[JR山手線外回り・池袋・上野方面]-池袋-[徒歩]-株式会社◯◯',
			);
			expect(rec.course_detail.stations).toEqual([
				{ name: '高円寺', code: '22671' },
				{ name: '新宿', code: '22741' },
				{ name: '池袋', code: '22513' },
			]);
		} finally {
			sim.reseed({});
		}
	});

	test('limit must be 1…200 and offset a non-negative integer', async () => {
		for (const limit of [1, 200]) expect((await get({ ...ALL, limit })).status).toBe(200);
		expect(detailsOf((await get({ ...ALL, limit: 1 })).json)).toHaveLength(1);
		const bad: Array<Record<string, string | number>> = [
			{ limit: 0 },
			{ limit: 201 },
			{ limit: 1000 },
			{ limit: -1 },
			{ limit: '1.5' },
			{ limit: 'all' },
			{ limit: '' },
			{ offset: -1 },
			{ offset: 'x' },
			{ offset: '' },
		];
		for (const query of bad) {
			const res = await get({ ...ALL, ...query });
			expect([query, res.status, res.json.error]).toEqual([query, 400, 'invalid_request']);
		}
	});
});

describe('edits after month-end closing', () => {
	test('editExpense changes fields and moves updated_at to the simulator clock', async () => {
		const [rec] = sim.expensesOf(27);
		const before = sim.serialize(rec.id) as ExpenseJson;
		const at = Date.parse('2024-11-05T09:30:12.345+09:00');
		sim.freezeClock(at);
		token = sim.issueTokens().access_token;
		sim.editExpense(rec.id, { price: 9999, flags: { reroute: true } });
		const page = await get({ start_date: ymd(rec.useDate), end_date: ymd(rec.useDate) });
		const after = detailsOf(page.json).find((e) => e.id === rec.id) as ExpenseJson;
		expect(after.price).toBe(9999);
		expect(after.flags.reroute).toBe(true);
		expect(after.flags.best_price).toBe(before.flags.best_price);
		expect(Date.parse(after.updated_at)).toBe(at);
		expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
		expect(after.updated_at).toBe('2024-11-05T09:30:12.345+09:00');
	});

	test('addExpense registers a record now; teiki_course always shows the current pass', async () => {
		sim.freezeClock(Date.parse('2024-10-03T10:15:30.250+09:00'));
		const added = sim.addExpense({ useDate: '2024-09-30', routeIndex: 0 });
		sim.setTeikiCourse(27, '中野:JR中央線快速:Up:新宿');
		const res = await get({ start_date: '20240930', end_date: '20240930' });
		const rec = detailsOf(res.json).find((e) => e.id === added.id) as ExpenseJson;
		expect(rec.updated_at).toBe('2024-10-03T10:15:30.250+09:00');
		expect(rec.course_detail.course_string).toBe(
			'自社-[徒歩]-渋谷-[JR山手線外回り・新宿・池袋方面]-新宿-[徒歩]-株式会社サクラ商事',
		);
		expect(rec.course_detail.stations).toEqual([
			{ name: '渋谷', code: '22715' },
			{ name: '新宿', code: '22741' },
		]);
		expect(detailsOf(res.json).every((e) => e.teiki_course === '中野:JR中央線快速:Up:新宿')).toBe(
			true,
		);
	});
});

describe('rate limit (none published; optional)', () => {
	const limited = serveDuringTests(
		new RodemSimulator({ rateLimit: { ratePerSecond: 1, burst: 2 } }),
	);
	const limitedApi = client(limited);

	test('over the burst the API answers 429 with Retry-After; OAuth is not limited', async () => {
		limited.freezeClock(Date.parse('2024-10-01T00:00:00Z'));
		const t = limited.issueTokens().access_token;
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) statuses.push((await limitedApi.expenses(ALL, t)).status);
		expect(statuses).toEqual([200, 200, 429]);
		const refused = await limitedApi.expenses<ExpensePageJson & { error: string }>(ALL, t);
		expect(refused.headers['retry-after']).toBe('1');
		expect((await limitedApi.exchange(await limitedApi.code())).status).toBe(200);
		limited.advanceClock(1000);
		expect((await limitedApi.expenses(ALL, t)).status).toBe(200);
	});
});
