import { serveDuringTests } from '../../kit/lifecycle';
import { CyzenSimulator } from './cyzen-simulator';
import { REPORT_DEFINITIONS } from './seed-data';
import {
	client,
	DAY_MS,
	utc,
	type HistoryJson,
	type ListJson,
	type ReportJson,
	type SpotJson,
	type UserJson,
} from './test-client';

/** The demo tenant and the load generator, read back through the API. */
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

afterAll(() => sim.seed());

describe('a realistic Japanese field-sales tenant', () => {
	test('offices, staff with member attributes, customers with tags and Japanese addresses', async () => {
		const groups = (await api.get<ListJson<'groups', { group_name: string }>>('/groups')).json
			.groups;
		expect(groups.map((g) => g.group_name)).toContain('東京営業所');
		const users = await api.all<UserJson>('/users', 'users', { field: 'all' });
		for (const u of users.items) {
			expect(u.user_name).toMatch(JAPANESE);
			expect(new Set(u.user_tags?.map((t) => t.user_tag_category_name))).toContain('役職');
		}
		expect(
			users.items.some((u) => u.groups.length > 1 && u.groups.some((g) => g.is_group_owner === 1)),
		).toBe(true);
		const spots = await api.all<SpotJson>('/spots', 'spots');
		for (const s of spots.items) {
			expect(s.address).toMatch(/^(東京都|神奈川県|愛知県|大阪府|福岡県).+\d+丁目\d+-\d+$/);
			expect(s.zip_code).toMatch(/^\d{3}-\d{4}$/);
			expect(s.spot_name_kana).toMatch(/^[\u30a0-\u30ff]+$/);
			expect(s.spot_tags.length).toBeGreaterThan(0);
		}
		expect(new Set(spots.items.map((s) => s.spot_code)).size).toBe(260);
	});

	test('report formats use every documented item type; choice items are lists, text items strings', async () => {
		const types = new Set(REPORT_DEFINITIONS.flatMap((d) => d.items.map((i) => i.type)));
		expect([...types].sort()).toEqual(
			[
				'barcode',
				'checkbox',
				'date',
				'number',
				'phone',
				'photo',
				'radio',
				'schedule',
				'spot',
				'text',
				'textarea',
				'time',
			].sort(),
		);
		const reports = await api.all<ReportJson>('/reports', 'reports');
		const visit = reports.items.filter((r) => r.report_definition_name === '訪問報告');
		expect(visit.length).toBeGreaterThan(50);
		for (const r of visit) {
			const item = (name: string) => r.report_items.find((i) => i.item_name === name)?.item_value;
			expect(Array.isArray(item('訪問目的'))).toBe(true);
			expect(Array.isArray(item('提案商材'))).toBe(true);
			expect(item('商談内容')).toEqual(expect.any(String));
			expect(item('次回訪問日')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(item('訪問開始時刻')).toMatch(/^\d{2}:\d{2}$/);
		}
		// Photo items name images that /images serves.
		const photo = visit
			.flatMap((r) => r.report_items.filter((i) => i.item_name === '現場写真'))
			.find((i) => i.item_value.length > 0);
		const imageId = (photo?.item_value as string[])[0];
		const images = await api.get<ListJson<'images', { image_id: string }>>('/images', {
			image_id: imageId,
		});
		expect(images.json.images).toHaveLength(1);
	});

	test("check-ins (訪問開始) at customer addresses, and each user's latest position", async () => {
		const statuses = (
			await api.get<ListJson<'statuses', { status_id: string; status_name: string }>>('/statuses')
		).json.statuses;
		const checkIn = new Set(
			statuses.filter((s) => s.status_name === '訪問開始').map((s) => s.status_id),
		);
		const histories = await api.all<HistoryJson>('/histories', 'histories');
		const visits = histories.items.filter((h) => checkIn.has(h.status_id));
		expect(visits.length).toBeGreaterThan(100);
		expect(visits.every((h) => JAPANESE.test(h.address ?? ''))).toBe(true);
		const latest =
			await api.get<
				ListJson<
					'members_statuses',
					{ user_id: string; history: HistoryJson | null; tracking: { create_at: string } | null }
				>
			>('/members_statuses');
		expect(latest.json.members_statuses).toHaveLength(24);
		const active = latest.json.members_statuses.filter((m) => m.history !== null);
		expect(active.length).toBeGreaterThan(20);
		for (const m of active) {
			const own = [...sim.store.histories.values()].filter((h) => h.user_id === m.user_id);
			expect(m.history?.updated_at).toBe(
				own
					.map((h) => h.updated_at)
					.sort()
					.pop(),
			);
		}
	});

	test('recent changes relative to the clock, never in the future', async () => {
		const now = Math.floor(Date.now() / 1000) * 1000;
		sim.freezeClock(now);
		sim.seed();
		const s = sim.store;
		const stamps = [
			...[
				...s.groups.values(),
				...s.users.values(),
				...s.spots.values(),
				...s.reports.values(),
				...s.schedules.values(),
				...s.spotCustomerStaffs.values(),
				...s.statuses.values(),
				...s.transportationExpenses.values(),
				...s.spotPhotos.values(),
			].flatMap((r) => [r.created_at, r.updated_at]),
			...[...s.histories.values(), ...s.trackings.values()].flatMap((r) => [
				r.create_at,
				r.updated_at,
			]),
			...[...s.schedules.values()].flatMap((r) => (r.deleted_at ? [r.deleted_at] : [])),
		];
		expect(stamps.length).toBeGreaterThan(10_000);
		expect(stamps.filter((t) => t > utc(now))).toEqual([]);
		const lastHour = utc(now - 3_600_000);
		expect(
			[...s.reports.values()].filter((r) => r.updated_at >= utc(now - DAY_MS)).length,
		).toBeGreaterThan(0);
		expect(
			[...s.spots.values()].filter((r) => r.updated_at >= utc(now - 7 * DAY_MS)).length,
		).toBeGreaterThan(5);
		expect(
			[...s.schedules.values()].some((r) => r.updated_at >= lastHour || r.created_at >= lastHour),
		).toBe(true);
		// Schedules also lie ahead: a calendar, not only history.
		expect([...s.schedules.values()].some((r) => r.start_date > utc(now + DAY_MS))).toBe(true);
		expect([...s.schedules.values()].filter((r) => r.deleted_at !== null).length).toBeGreaterThan(
			0,
		);
	});

	test('whatever day the clock shows (a Sunday, a Monday before work), every list has recent data', () => {
		// 2026-10-11 is a Sunday; 2026-10-11T21:00:00 UTC is Monday 06:00 in Japan.
		for (const anchor of ['2026-10-11T03:00:00', '2026-10-11T21:00:00']) {
			const tenant = new CyzenSimulator({ seed: { anchor } });
			const at = Date.parse(`${anchor}Z`);
			const since = (days: number) => utc(at - days * DAY_MS);
			const s = tenant.store;
			const counts = {
				anchor,
				trackings: [...s.trackings.values()].length > 0,
				histories: [...s.histories.values()].filter((h) => h.create_at >= since(14)).length > 0,
				reports: [...s.reports.values()].filter((r) => r.updated_at >= since(7)).length > 0,
				expenses:
					[...s.transportationExpenses.values()].filter((e) => e.use_date >= since(7).slice(0, 10))
						.length > 0,
				schedulesAhead:
					[...s.schedules.values()].filter(
						(x) => x.start_date > anchor && x.start_date < utc(at + 7 * DAY_MS),
					).length > 0,
			};
			expect(counts).toEqual({
				anchor,
				trackings: true,
				histories: true,
				reports: true,
				expenses: true,
				schedulesAhead: true,
			});
		}
	});

	test('deterministic: the same options and anchor give the same tenant', () => {
		const anchor = '2026-10-08T08:48:27';
		const a = new CyzenSimulator({ seed: { anchor } });
		const b = new CyzenSimulator({ seed: { anchor } });
		expect([...a.store.reports.values()]).toEqual([...b.store.reports.values()]);
		expect([...a.store.spots.values()]).toEqual([...b.store.spots.values()]);
		const other = new CyzenSimulator({ seed: { anchor, randomSeed: 7 } });
		expect([...other.store.spots.keys()]).not.toEqual([...a.store.spots.keys()]);
	});
});

describe('load generator', () => {
	test('10,000 reports over 60 days: consecutive 7-day windows read back every one exactly once', async () => {
		const now = Math.floor(Date.now() / 1000) * 1000;
		sim.freezeClock(now);
		sim.seed({ reports: 10_000, reportDays: 60 });
		expect(sim.store.reports.size).toBe(10_000);
		const today = Math.floor(now / DAY_MS) * DAY_MS;
		const seen: string[] = [];
		let largestPage = 0;
		let pages = 0;
		// The client rule of spec §5: windows end at 23:59:59, the next starts at 00:00:00.
		for (let start = today - 63 * DAY_MS; start <= now; start += 7 * DAY_MS) {
			const walk = await api.all<ReportJson>('/reports', 'reports', {
				updated_from: utc(start),
				updated_to: utc(Math.min(start + 7 * DAY_MS - 1000, now)),
			});
			seen.push(...walk.items.map((r) => r.report_id));
			largestPage = Math.max(largestPage, ...walk.pageSizes);
			pages += walk.pageSizes.length;
		}
		expect(seen).toHaveLength(10_000);
		expect(new Set(seen).size).toBe(10_000);
		expect(largestPage).toBe(200);
		expect(pages).toBeGreaterThanOrEqual(50);
		// Spread over the whole period, not bunched: every week holds a fair share.
		const perWeek = new Map<number, number>();
		for (const r of sim.store.reports.values()) {
			const week = Math.floor((now - Date.parse(`${r.created_at}Z`)) / (7 * DAY_MS));
			perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
		}
		for (let week = 1; week < 8; week++) expect(perWeek.get(week)).toBeGreaterThan(800);
	});

	test('N spots: 5,000 spots in 25 full pages', async () => {
		sim.seed({ spots: 5000 });
		const walk = await api.all<SpotJson>('/spots', 'spots');
		expect(walk.pageSizes).toEqual(Array(25).fill(200));
		expect(new Set(walk.items.map((s) => s.spot_id)).size).toBe(5000);
		expect(new Set(walk.items.map((s) => s.spot_code?.toLowerCase())).size).toBe(5000);
	});
});
