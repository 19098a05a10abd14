import { serveDuringTests } from '../../kit/lifecycle';
import { CyzenSimulator } from './cyzen-simulator';
import {
	client,
	DAY_MS,
	utc,
	type ErrorsJson,
	type ListJson,
	type ScheduleJson,
} from './test-client';

/** §9.13, §9.14, §11.11 and §12.6: the schedule window, deleted and actual, bad days, writes. */
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

const invalid = (name: string): ErrorsJson => ({
	errors: [{ err_code: 40000, err_msg: `invalid parameter ${name}.` }],
});

/** Midnight UTC `days` from today, on a frozen clock with data seeded at that instant. */
function frozen(): { now: number; day: (days: number) => number } {
	const now = Math.floor(Date.now() / 1000) * 1000;
	sim.freezeClock(now);
	sim.seed();
	const today = Math.floor(now / DAY_MS) * DAY_MS;
	return { now, day: (days) => today + days * DAY_MS };
}

const windowOf = (from: number, days = 7) => ({
	from_date: utc(from),
	to_date: utc(from + days * DAY_MS - 1000),
});

describe('GET /schedules window', () => {
	test('7 days is fine, 8 is 400/40000; selection is on start_date', async () => {
		const { day } = frozen();
		const res = await api.all<ScheduleJson>('/schedules', 'schedules', windowOf(day(-3)));
		expect(res.items.length).toBeGreaterThan(0);
		for (const s of res.items)
			expect(s.start_date >= utc(day(-3)) && s.start_date < utc(day(4))).toBe(true);
		const expected = [...sim.store.schedules.values()].filter(
			(s) => s.deleted_at === null && s.start_date >= utc(day(-3)) && s.start_date < utc(day(4)),
		);
		expect(res.items.map((s) => s.schedule_id).sort()).toEqual(
			expected.map((s) => s.schedule_id).sort(),
		);
		const eight = await api.get<ErrorsJson>('/schedules', windowOf(day(-3), 8));
		expect(eight.status).toBe(400);
		expect(eight.json).toEqual(invalid('to_date'));
	});

	test('without dates: the 7 days from 00:00 UTC today [proposed default]', async () => {
		const { day } = frozen();
		const res = await api.all<ScheduleJson>('/schedules', 'schedules');
		const explicit = await api.all<ScheduleJson>('/schedules', 'schedules', windowOf(day(0)));
		expect(res.items.map((s) => s.schedule_id)).toEqual(explicit.items.map((s) => s.schedule_id));
	});

	test('the other reading behind a switch: the window selects on updated_at', async () => {
		const { now } = frozen();
		sim.setSwitches({ scheduleWindowOn: 'updated_at' });
		const res = await api.all<ScheduleJson>('/schedules', 'schedules', {
			from_date: utc(now - 7 * DAY_MS),
			to_date: utc(now),
		});
		expect(res.items.length).toBeGreaterThan(0);
		for (const s of res.items) expect(s.updated_at >= utc(now - 7 * DAY_MS)).toBe(true);
		// Schedules start both before and after now: the updated_at window is not a start window.
		expect(res.items.some((s) => s.start_date > utc(now))).toBe(true);
	});

	test('more than 200 schedules in a window page with next_start_date', async () => {
		sim.seed({ users: 120 });
		const today = Math.floor(sim.now() / DAY_MS) * DAY_MS;
		const walk = await api.all<ScheduleJson>(
			'/schedules',
			'schedules',
			windowOf(today - 7 * DAY_MS),
		);
		expect(walk.pageSizes.length).toBeGreaterThan(1);
		for (const cursor of walk.cursors) expect(Object.keys(cursor)).toEqual(['next_start_date']);
		const starts = walk.items.map((s) => s.start_date);
		expect(starts).toEqual([...starts].sort());
		const unique = new Set(walk.items.map((s) => s.schedule_id));
		const expected = [...sim.store.schedules.values()].filter(
			(s) =>
				s.deleted_at === null &&
				s.start_date >= utc(today - 7 * DAY_MS) &&
				s.start_date < utc(today),
		);
		expect(unique.size).toBe(expected.length);
		sim.seed();
	});
});

describe('get_deleted=1 and with_actual=1', () => {
	test('deleted schedules only with get_deleted=1, and then every schedule carries deleted_at', async () => {
		const { now } = frozen();
		const deleted = [...sim.store.schedules.values()].find((s) => s.deleted_at !== null);
		expect(deleted).toBeDefined();
		const start = Math.floor((Date.parse(`${deleted?.start_date}Z`) ?? now) / DAY_MS) * DAY_MS;
		const plain = await api.all<ScheduleJson>('/schedules', 'schedules', windowOf(start));
		expect(plain.items.find((s) => s.schedule_id === deleted?.schedule_id)).toBeUndefined();
		expect(plain.items.every((s) => !('deleted_at' in s))).toBe(true);
		const all = await api.all<ScheduleJson>('/schedules', 'schedules', {
			...windowOf(start),
			get_deleted: 1,
		});
		expect(all.items.find((s) => s.schedule_id === deleted?.schedule_id)?.deleted_at).toBe(
			deleted?.deleted_at,
		);
		expect(all.items.every((s) => 'deleted_at' in s)).toBe(true);
		expect(all.items.length).toBeGreaterThan(plain.items.length);
	});

	test('with_actual=1 adds schedule_actual.schedule_reports: the reports filed against it', async () => {
		frozen();
		const report = [...sim.store.reports.values()].find((r) => r.scheduleId !== null);
		const schedule = sim.store.schedules.get(report?.scheduleId ?? '');
		expect(schedule).toBeDefined();
		const start = Math.floor(Date.parse(`${schedule?.start_date}Z`) / DAY_MS) * DAY_MS;
		const res = await api.all<ScheduleJson>('/schedules', 'schedules', {
			...windowOf(start),
			with_actual: 1,
		});
		const found = res.items.find((s) => s.schedule_id === schedule?.schedule_id);
		expect(found?.schedule_actual?.schedule_reports.map((r) => r.report_id)).toContain(
			report?.report_id,
		);
		expect(found?.schedule_actual?.schedule_reports[0]).toMatchObject({
			report_definition_name: expect.any(String),
			user_id: expect.any(String),
		});
		const plain = await api.all<ScheduleJson>('/schedules', 'schedules', windowOf(start));
		expect(plain.items.every((s) => !('schedule_actual' in s))).toBe(true);
	});

	test('a schedule has members, a place from its spot, a category, and no creator field', async () => {
		const { day } = frozen();
		const res = await api.get<ListJson<'schedules', ScheduleJson>>('/schedules', windowOf(day(-7)));
		const schedule = res.json.schedules[0];
		expect(schedule.users.length).toBeGreaterThan(0);
		expect(Object.keys(schedule.place ?? {}).sort()).toEqual([
			'address',
			'latitude',
			'longitude',
			'spot_id',
		]);
		expect(schedule.schedule_category?.schedule_category_name).toEqual(expect.any(String));
		expect(Object.keys(schedule).filter((k) => /creat(or|e_user)/.test(k))).toEqual([]);
	});
});

describe('bad days answer 500 (§11.11)', () => {
	test('a window touching a bad day is 500; the same range day by day fails only on that day', async () => {
		const { day } = frozen();
		const bad = utc(day(2)).slice(0, 10);
		sim.setSwitches({ badScheduleDays: [bad] });
		const week = await api.get<ErrorsJson>('/schedules', windowOf(day(0)));
		expect(week.status).toBe(500);
		expect(week.json.errors[0].err_code).toBe(50000);
		const statuses: Array<[string, number]> = [];
		for (let d = 0; d < 7; d++) {
			const res = await api.get('/schedules', windowOf(day(d), 1));
			statuses.push([utc(day(d)).slice(0, 10), res.status]);
		}
		expect(statuses.filter(([, status]) => status === 500)).toEqual([[bad, 500]]);
		expect(statuses.filter(([, status]) => status === 200)).toHaveLength(6);
	});

	test('other endpoints are not affected', async () => {
		const { day } = frozen();
		sim.setSwitches({ badScheduleDays: [utc(day(0)).slice(0, 10)] });
		expect((await api.get('/reports')).status).toBe(200);
		expect((await api.get('/schedules', windowOf(day(1)))).status).toBe(200);
	});
});

describe('schedule writes', () => {
	const base = () => {
		const user = [...sim.store.users.values()][1];
		const spot = [...sim.store.spots.values()][2];
		return {
			user,
			spot,
			form: {
				group_id: sim.store.homeGroupOf(user.user_id),
				spot_id: spot.spot_id,
				members: user.user_id,
				start_date: utc(sim.now() + DAY_MS),
				end_date: utc(sim.now() + DAY_MS + 3_600_000),
				title: '新商品のご提案',
				detail: '担当者2名で訪問',
			},
		};
	};

	test('POST creates (answer {schedule_id}); the schedule reads back with place and members', async () => {
		const { user, spot, form } = base();
		const res = await api.post<{ schedule_id: string }>('/schedules', form);
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['schedule_id']);
		const start = Math.floor((sim.now() + DAY_MS) / DAY_MS) * DAY_MS;
		const list = await api.all<ScheduleJson>('/schedules', 'schedules', windowOf(start, 1));
		expect(list.items.find((s) => s.schedule_id === res.json.schedule_id)).toMatchObject({
			title: form.title,
			detail: form.detail,
			place: { spot_id: spot.spot_id, address: spot.address },
			users: [{ user_id: user.user_id }],
		});
	});

	test('several members comma-separated; unknown member or detail over 500 characters is 400', async () => {
		const { form } = base();
		const [a, b] = [...sim.store.users.keys()];
		const res = await api.post<{ schedule_id: string }>('/schedules', {
			...form,
			members: `${a},${b}`,
		});
		expect(sim.store.schedules.get(res.json.schedule_id)?.members).toEqual([a, b]);
		expect((await api.post<ErrorsJson>('/schedules', { ...form, members: 'ghost' })).json).toEqual(
			invalid('members'),
		);
		expect(
			(await api.post<ErrorsJson>('/schedules', { ...form, detail: 'あ'.repeat(501) })).json,
		).toEqual(invalid('detail'));
		expect((await api.post('/schedules', { ...form, detail: 'あ'.repeat(500) })).status).toBe(200);
		expect(
			(await api.post<ErrorsJson>('/schedules', { ...form, end_date: utc(sim.now()) })).json,
		).toEqual(invalid('end_date'));
	});

	test('PUT updates by schedule_id, DELETE is soft (shows with get_deleted=1), then writes refuse it', async () => {
		const { form } = base();
		const { json } = await api.post<{ schedule_id: string }>('/schedules', form);
		const put = await api.put<{ modified: number; schedule_id: string }>('/schedules', {
			schedule_id: json.schedule_id,
			title: '見積書のご説明',
		});
		expect(put.json).toEqual({ modified: 1, schedule_id: json.schedule_id });
		expect(sim.store.schedules.get(json.schedule_id)?.title).toBe('見積書のご説明');
		const del = await api.del<{ deleted: number }>('/schedules', { schedule_id: json.schedule_id });
		expect(del.json).toEqual({ deleted: 1, schedule_id: json.schedule_id });
		const start = Math.floor((sim.now() + DAY_MS) / DAY_MS) * DAY_MS;
		const withDeleted = await api.all<ScheduleJson>('/schedules', 'schedules', {
			...windowOf(start, 1),
			get_deleted: 1,
		});
		expect(withDeleted.items.find((s) => s.schedule_id === json.schedule_id)?.deleted_at).toEqual(
			expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
		);
		expect(
			(await api.put('/schedules', { schedule_id: json.schedule_id, title: 'x' })).status,
		).toBe(400);
		expect((await api.del('/schedules', { schedule_id: json.schedule_id })).status).toBe(400);
		expect(sim.ledger.entries.map((e) => `${e.method} ${e.operation}`)).toEqual([
			'POST create',
			'PUT update',
			'DELETE delete',
		]);
	});
});
