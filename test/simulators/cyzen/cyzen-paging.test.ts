import { serveDuringTests } from '../../kit/lifecycle';
import { CyzenSimulator } from './cyzen-simulator';
import type { SeedOptions } from './seed';
import {
	client,
	cursorOf,
	DAY_MS,
	utc,
	type ErrorsJson,
	type HistoryJson,
	type ListJson,
	type ReportJson,
	type SpotJson,
	type TrackingJson,
} from './test-client';

/** §5, §7, §12.3–§12.5 and §12.7's window: 200-row pages, `next_*` cursors, date windows. */
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

/** Stops the clock and reseeds at that instant, so window edges cannot move during a test. */
function frozenTenant(seed: SeedOptions = {}): number {
	const now = Math.floor(Date.now() / 1000) * 1000;
	sim.freezeClock(now);
	sim.seed(seed);
	return now;
}

const invalid = (name: string): ErrorsJson => ({
	errors: [{ err_code: 40000, err_msg: `invalid parameter ${name}.` }],
});

const ids = <T>(rows: T[], key: keyof T) => rows.map((r) => String(r[key]));
const sortedUnique = (values: string[]) => [...new Set(values)].sort();

afterAll(() => sim.seed());

describe('pages of at most 200 with next_* cursors (§7, §12.3)', () => {
	test('spots: 260 come as 200 + 60; next_spot_id only on the first page; nothing lost or doubled', async () => {
		const first = await api.get<ListJson<'spots', SpotJson>>('/spots');
		expect(first.json.spots).toHaveLength(200);
		expect(Object.keys(cursorOf(first.json))).toEqual(['next_spot_id']);
		const second = await api.get<ListJson<'spots', SpotJson>>('/spots', {
			next_spot_id: first.json.next_spot_id,
		});
		expect(second.json.spots).toHaveLength(60);
		expect(second.json).not.toHaveProperty('next_spot_id');
		// The cursor is the first row of the next page.
		expect(second.json.spots[0].spot_id).toBe(first.json.next_spot_id);
		const all = [...ids(first.json.spots, 'spot_id'), ...ids(second.json.spots, 'spot_id')];
		expect(all).toHaveLength(260);
		expect(sortedUnique(all)).toEqual([...sim.store.spots.keys()].sort());
	});

	test('a list that fits one page carries no cursor at all', async () => {
		const groups = await api.get<Record<string, unknown>>('/groups');
		expect(Object.keys(groups.json)).toEqual(['groups']);
	});

	test('the generic walk (send every non-empty next_* back) covers 1,000 spots in 5 pages', async () => {
		sim.seed({ spots: 1000 });
		const walk = await api.all<SpotJson>('/spots', 'spots');
		expect(walk.pageSizes).toEqual([200, 200, 200, 200, 200]);
		expect(sortedUnique(ids(walk.items, 'spot_id'))).toHaveLength(1000);
	});

	test('a cursor pointing past the end gives an empty last page', async () => {
		const res = await api.get<ListJson<'spots', SpotJson>>('/spots', {
			next_spot_id: 'g'.repeat(32),
		});
		expect(res.status).toBe(200);
		expect(res.json.spots).toEqual([]);
		expect(cursorOf(res.json)).toEqual({});
	});
});

describe('/reports: update-time window, two-key cursor, ignored parameters (§9.12, §12.4)', () => {
	const inLastWeek = (now: number) =>
		[...sim.store.reports.values()]
			.filter((r) => r.updated_at >= utc(now - 7 * DAY_MS) && r.updated_at <= utc(now))
			.map((r) => r.report_id)
			.sort();

	test('default: exactly the reports updated in the last 7 days, over 200-row pages', async () => {
		const now = frozenTenant();
		const walk = await api.all<ReportJson>('/reports', 'reports');
		expect(walk.pageSizes.length).toBeGreaterThan(1);
		expect(walk.pageSizes.slice(0, -1).every((n) => n === 200)).toBe(true);
		expect(walk.items.map((r) => r.report_id).sort()).toEqual(inLastWeek(now));
		// Both keys on every page but the last, together.
		for (const cursor of walk.cursors)
			expect(Object.keys(cursor).sort()).toEqual(['next_report_id', 'next_report_updated_at']);
		// In update order.
		const times = walk.items.map((r) => r.updated_at);
		expect(times).toEqual([...times].sort());
	});

	test('one key of the cursor pair alone is 400/40000 naming the missing one', async () => {
		frozenTenant();
		const first = await api.get<ListJson<'reports', ReportJson>>('/reports');
		const onlyId = await api.get<ErrorsJson>('/reports', {
			next_report_id: first.json.next_report_id,
		});
		expect(onlyId.status).toBe(400);
		expect(onlyId.json).toEqual(invalid('next_report_updated_at'));
		const onlyTime = await api.get<ErrorsJson>('/reports', {
			next_report_updated_at: first.json.next_report_updated_at,
		});
		expect(onlyTime.status).toBe(400);
		expect(onlyTime.json).toEqual(invalid('next_report_id'));
		const badTime = await api.get<ErrorsJson>('/reports', {
			next_report_id: first.json.next_report_id,
			next_report_updated_at: '2026-10-08 08:48:27',
		});
		expect(badTime.json).toEqual(invalid('next_report_updated_at'));
	});

	test('the pair resumes exactly where the page ended, even inside one second', async () => {
		// 450 reports in one second: only the id half of the pair separates them.
		const now = frozenTenant({ reports: 0 });
		for (let i = 0; i < 450; i++) sim.app.submitReport();
		const walk = await api.all<ReportJson>('/reports', 'reports');
		expect(walk.pageSizes).toEqual([200, 200, 50]);
		expect(sortedUnique(ids(walk.items, 'report_id'))).toHaveLength(450);
		expect(walk.cursors.every((c) => c.next_report_updated_at === utc(now))).toBe(true);
	});

	test('span: 7 days is fine, 7 days and 1 second is 400 `invalid parameter updated_to.`', async () => {
		const now = frozenTenant();
		const seven = await api.get('/reports', {
			updated_from: utc(now - 7 * DAY_MS),
			updated_to: utc(now),
		});
		expect(seven.status).toBe(200);
		const eight = await api.get<ErrorsJson>('/reports', {
			updated_from: utc(now - 7 * DAY_MS - 1000),
			updated_to: utc(now),
		});
		expect(eight.status).toBe(400);
		expect(eight.json).toEqual(invalid('updated_to'));
		const backwards = await api.get('/reports', {
			updated_from: utc(now),
			updated_to: utc(now - DAY_MS),
		});
		expect(backwards.status).toBe(400);
	});

	test('update times older than 30 days are allowed', async () => {
		const now = frozenTenant({ reports: 600, reportDays: 60 });
		const from = now - 45 * DAY_MS;
		const walk = await api.all<ReportJson>('/reports', 'reports', {
			updated_from: utc(from),
			updated_to: utc(from + 7 * DAY_MS),
		});
		expect(walk.items.length).toBeGreaterThan(0);
		for (const r of walk.items)
			expect(r.updated_at >= utc(from) && r.updated_at <= utc(from + 7 * DAY_MS)).toBe(true);
	});

	test('from_date/to_date are silently ignored: the default window comes back, no error', async () => {
		const now = frozenTenant({ reports: 600, reportDays: 60 });
		const walk = await api.all<ReportJson>('/reports', 'reports', {
			from_date: utc(now - 40 * DAY_MS),
			to_date: utc(now - 35 * DAY_MS),
		});
		expect(walk.items.map((r) => r.report_id).sort()).toEqual(inLastWeek(now));
	});

	test('report_definition_id is accepted and does not filter; the "applied" switch filters', async () => {
		const now = frozenTenant();
		const definition = [...sim.store.reportDefinitions.values()][1].report_definition_id;
		const ignored = await api.all<ReportJson>('/reports', 'reports', {
			report_definition_id: definition,
		});
		expect(ignored.items.map((r) => r.report_id).sort()).toEqual(inLastWeek(now));
		expect(new Set(ignored.items.map((r) => r.report_definition_id)).size).toBeGreaterThan(1);

		sim.setSwitches({ reportDefinitionFilter: 'applied' });
		const applied = await api.all<ReportJson>('/reports', 'reports', {
			report_definition_id: definition,
		});
		expect(applied.items.length).toBeGreaterThan(0);
		expect(applied.items.every((r) => r.report_definition_id === definition)).toBe(true);
	});

	test('timestamps in another spelling are 400 (a Z suffix, a space, a date alone)', async () => {
		const now = frozenTenant();
		for (const spelling of [`${utc(now)}Z`, utc(now).replace('T', ' '), utc(now).slice(0, 10)]) {
			const res = await api.get<ErrorsJson>('/reports', { updated_to: spelling });
			expect({ spelling, status: res.status }).toEqual({ spelling, status: 400 });
			expect(res.json).toEqual(invalid('updated_to'));
		}
	});
});

describe('/histories and /trackings: 15-day window, 14-day retention, renamed cursor (§9.9, §12.5)', () => {
	test('15 days is fine, 16 is 400; the default is the last 15 days', async () => {
		const now = frozenTenant();
		expect(
			(await api.get('/histories', { from_date: utc(now - 15 * DAY_MS), to_date: utc(now) }))
				.status,
		).toBe(200);
		const sixteen = await api.get<ErrorsJson>('/histories', {
			from_date: utc(now - 16 * DAY_MS),
			to_date: utc(now),
		});
		expect(sixteen.status).toBe(400);
		expect(sixteen.json).toEqual(invalid('to_date'));
		const trackings = await api.get<ErrorsJson>('/trackings', {
			from_date: utc(now - 16 * DAY_MS),
			to_date: utc(now),
		});
		expect(trackings.status).toBe(400);
	});

	test('nothing older than 14 days comes back, though the tenant has it; the retention is a switch', async () => {
		const now = frozenTenant();
		const cutoff = utc(now - 14 * DAY_MS);
		const all = [...sim.store.histories.values()];
		const older = all.filter((h) => h.create_at < cutoff);
		expect(older.length).toBeGreaterThan(0);
		const walk = await api.all<HistoryJson>('/histories', 'histories');
		const seen = sortedUnique(ids(walk.items, 'history_id'));
		expect(seen).toEqual(
			all
				.filter((h) => h.create_at >= cutoff)
				.map((h) => h.history_id)
				.sort(),
		);

		sim.setSwitches({ historyRetentionDays: 30 });
		const longer = await api.all<HistoryJson>('/histories', 'histories');
		expect(sortedUnique(ids(longer.items, 'history_id'))).toEqual(
			all
				.filter((h) => h.create_at >= utc(now - 15 * DAY_MS))
				.map((h) => h.history_id)
				.sort(),
		);
	});

	test('next_history_created_at pages in time order; rows of the boundary second may repeat, none is lost', async () => {
		frozenTenant();
		const walk = await api.all<HistoryJson>('/histories', 'histories');
		expect(walk.pageSizes.length).toBeGreaterThan(2);
		for (const cursor of walk.cursors)
			expect(Object.keys(cursor)).toEqual(['next_history_created_at']);
		const times = walk.items.map((h) => h.create_at);
		expect(times).toEqual([...times].sort());
		const boundaries = new Set(walk.cursors.map((c) => c.next_history_created_at));
		const counts = new Map<string, number>();
		for (const h of walk.items) counts.set(h.history_id, (counts.get(h.history_id) ?? 0) + 1);
		for (const h of walk.items)
			if ((counts.get(h.history_id) ?? 0) > 1) expect(boundaries.has(h.create_at)).toBe(true);
	});

	test('a check-in stamped now is the newest history, with create_at (sic)', async () => {
		frozenTenant();
		const stamped = sim.app.stamp({ status: '訪問開始', spotId: [...sim.store.spots.keys()][0] });
		const walk = await api.all<HistoryJson>('/histories', 'histories');
		const found = walk.items.find((h) => h.history_id === stamped.history_id);
		expect(found).toMatchObject({ create_at: utc(sim.now()), updated_at: utc(sim.now()) });
		expect(walk.items.every((h) => h.create_at <= utc(sim.now()))).toBe(true);
	});

	test('the 2018 cursor name behind a switch; a client sending the other name gets page one again', async () => {
		frozenTenant();
		sim.setSwitches({ historyCursor: 'next_history_id' });
		const walk = await api.all<HistoryJson>('/histories', 'histories');
		for (const cursor of walk.cursors) expect(Object.keys(cursor)).toEqual(['next_history_id']);
		expect(walk.items.length).toBe(sortedUnique(ids(walk.items, 'history_id')).length);

		const first = await api.get<ListJson<'histories', HistoryJson>>('/histories');
		const wrongName = await api.get<ListJson<'histories', HistoryJson>>('/histories', {
			next_history_created_at: first.json.next_history_id,
		});
		expect(ids(wrongName.json.histories, 'history_id')).toEqual(
			ids(first.json.histories, 'history_id'),
		);
	});

	test('/trackings pages by next_tracking_id and carries create_at', async () => {
		frozenTenant({ trackingDays: 3 });
		const walk = await api.all<TrackingJson>('/trackings', 'trackings');
		expect(walk.pageSizes.length).toBeGreaterThan(1);
		for (const cursor of walk.cursors) expect(Object.keys(cursor)).toEqual(['next_tracking_id']);
		expect(walk.items[0]).toHaveProperty('create_at');
		expect(sortedUnique(ids(walk.items, 'tracking_id'))).toHaveLength(walk.items.length);
	});
});

describe('/spots window (§9.4, §12.7)', () => {
	test('updated_from/updated_to select on update time, at most 7 days', async () => {
		const now = frozenTenant();
		const from = utc(now - 7 * DAY_MS);
		const recent = await api.all<SpotJson>('/spots', 'spots', {
			updated_from: from,
			updated_to: utc(now),
		});
		const expected = [...sim.store.spots.values()]
			.filter((s) => s.updated_at >= from)
			.map((s) => s.spot_id);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(260);
		expect(ids(recent.items, 'spot_id').sort()).toEqual(expected.sort());
		const tooLong = await api.get<ErrorsJson>('/spots', {
			updated_from: utc(now - 8 * DAY_MS),
			updated_to: utc(now),
		});
		expect(tooLong.status).toBe(400);
		expect(tooLong.json).toEqual(invalid('updated_to'));
	});
});
