import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import {
	pinnedInEnv,
	pinWallClock,
	pinWallClockFromEnv,
	unpinWallClock,
} from '../kit/pinned-clock';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { client, utc } from '../simulators/cyzen/test-client';
import { cyzenCredentials, cyzenTrigger } from './trigger-setup';

/**
 * The cyzen Trigger inside n8n-core's PollContext, over HTTP against the cyzen simulator, whose
 * clock runs a minute ahead of n8n's (so a report filed "now" on cyzen is never before the
 * trigger's idea of now). Each test gets a fresh tenant.
 */
pinWallClockFromEnv();
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

beforeEach(() => sim.advanceClock(60_000));

const json = (items: INodeExecutionData[] | null) => (items ?? []).map((item) => item.json);
const pairs = (items: INodeExecutionData[] | null, idField: string) =>
	json(items).map((item) => [item[idField], item.event]);
const tick = () => sim.advanceClock(2000);

function triggerFor(parameters: IDataObject) {
	return cyzenTrigger(cyzenCredentials(sim), parameters);
}

test('reports: nothing replayed at activation; a filed report is emitted once with its items as named fields and its id', async () => {
	const trigger = triggerFor({ watch: 'report' });
	expect(await trigger.poll()).toBeNull();
	// n8n saves the activation poll's state although it emitted nothing.
	expect(trigger.savedNodeStaticData).toEqual(expect.objectContaining({ watch: 'report:' }));
	expect(await trigger.poll()).toBeNull();

	tick();
	const report = sim.app.submitReport({ items: { 訪問目的: ['新規提案', '見積提出'] } });
	const emitted = await trigger.poll();
	expect(pairs(emitted, 'report_id')).toEqual([[report.report_id, 'created']]);
	const [item] = json(emitted);
	expect(item.report_definition_name).toBe('訪問報告');
	expect(item.訪問目的).toBe('新規提案, 見積提出');
	for (const { item_name, item_value } of report.report_items) {
		if (!Array.isArray(item_value)) expect(item[item_name]).toBe(item_value);
	}
	// Raw values stay available; times come out as ISO 8601 (cyzen prints UTC without a suffix).
	expect(item.report_items).toEqual(report.report_items);
	expect(item.updated_at).toBe(`${report.updated_at}Z`);
	expect(await trigger.poll()).toBeNull();

	tick();
	sim.app.editReport(report.report_id, { 訪問目的: ['クレーム対応'] });
	const edited = json(await trigger.poll());
	expect(edited.map((r) => [r.report_id, r.event, r.訪問目的])).toEqual([
		[report.report_id, 'updated', 'クレーム対応'],
	]);
	expect(await trigger.poll()).toBeNull();
});

test('reports are read by update time only, in windows of at most 7 days, both cursor keys sent together', async () => {
	const trigger = triggerFor({ watch: 'report' });
	await trigger.poll();
	// 250 reports in one poll: two pages.
	tick();
	const filed = Array.from({ length: 250 }, () => sim.app.submitReport().report_id);
	sim.requests.length = 0;
	const emitted = await trigger.poll();
	expect(json(emitted).map((r) => r.report_id)).toEqual(expect.arrayContaining(filed));
	expect(emitted).toHaveLength(250);
	const requests = sim.received({ method: 'GET', path: '/webapi/v0/reports' });
	expect(requests).toHaveLength(2);
	for (const { query } of requests) {
		expect(query).not.toHaveProperty('from_date');
		expect(query).not.toHaveProperty('to_date');
		const span =
			Date.parse(`${String(query.updated_to)}Z`) - Date.parse(`${String(query.updated_from)}Z`);
		expect(span).toBeLessThanOrEqual(7 * 86_400_000);
	}
	expect(requests[1].query).toEqual(
		expect.objectContaining({
			next_report_id: expect.any(String),
			next_report_updated_at: expect.any(String),
		}),
	);
});

test('an idle poll costs one request per watched object', async () => {
	for (const [watch, path] of [
		['report', '/reports'],
		['history', '/histories'],
		['spot', '/spots'],
		['schedule', '/schedules'],
	]) {
		const trigger = triggerFor({ watch });
		await trigger.poll();
		sim.requests.length = 0;
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(3).fill(`GET /webapi/v0${path}`),
		);
	}
});

test('a report definition filter is applied by the trigger (cyzen ignores it)', async () => {
	const definitions = [...sim.store.reportDefinitions.values()];
	const trigger = triggerFor({
		watch: 'report',
		reportDefinitionId: definitions[1].report_definition_id,
	});
	await trigger.poll();
	tick();
	sim.app.submitReport({ reportDefinitionId: definitions[0].report_definition_id });
	const wanted = sim.app.submitReport({ reportDefinitionId: definitions[1].report_definition_id });
	expect(json(await trigger.poll()).map((r) => r.report_id)).toEqual([wanted.report_id]);
});

test('overlap: a report that becomes visible late, inside the overlap, is still emitted once', async () => {
	const trigger = triggerFor({ watch: 'report', options: { overlapMinutes: 5 } });
	await trigger.poll();
	tick();
	const first = sim.app.submitReport();
	expect(pairs(await trigger.poll(), 'report_id')).toEqual([[first.report_id, 'created']]);
	// A phone syncs a report stamped 3 minutes before the newest one already emitted.
	tick();
	const late = sim.app.submitReport();
	late.updated_at = utc(Date.parse(`${first.updated_at}Z`) - 180_000);
	late.created_at = late.updated_at;
	const emitted = await trigger.poll();
	expect(pairs(emitted, 'report_id')).toEqual([[late.report_id, 'created']]);
	expect(await trigger.poll()).toBeNull();
	// Beyond the overlap it is missed, as the option's description says.
	const tooLate = sim.app.submitReport();
	tooLate.updated_at = utc(Date.parse(`${first.updated_at}Z`) - 600_000);
	expect(await trigger.poll()).toBeNull();
});

test('restart: a change made while n8n is down is emitted after the restart; nothing emitted comes again', async () => {
	const trigger = triggerFor({ watch: 'report' });
	await trigger.poll();
	trigger.restart();
	tick();
	const whileDown = sim.app.submitReport();
	// The first poll after a restart (activation mode 'init') goes on from the saved state.
	expect(pairs(await trigger.poll(), 'report_id')).toEqual([[whileDown.report_id, 'created']]);
	trigger.restart();
	expect(await trigger.poll()).toBeNull();
	expect(await trigger.poll()).toBeNull();
	tick();
	sim.app.editReport(whileDown.report_id, {});
	trigger.restart();
	expect(pairs(await trigger.poll(), 'report_id')).toEqual([[whileDown.report_id, 'updated']]);
	expect(await trigger.poll()).toBeNull();
});

test('a poll that fails (an error inside HTTP 200) changes no state; the next one emits', async () => {
	const trigger = triggerFor({ watch: 'report' });
	await trigger.poll();
	tick();
	const report = sim.app.submitReport();
	sim.inject({
		method: 'GET',
		path: '/webapi/v0/reports',
		exact: true,
		respond: {
			status: 200,
			body: { errors: [{ err_code: 40000, err_msg: 'invalid parameter.' }] },
		},
	});
	await expect(trigger.poll()).rejects.toThrow(/invalid parameter/);
	expect(pairs(await trigger.poll(), 'report_id')).toEqual([[report.report_id, 'created']]);
});

test('check-ins and status stamps: each new stamp once, read by create_at', async () => {
	const trigger = triggerFor({ watch: 'history' });
	expect(await trigger.poll()).toBeNull();
	tick();
	const spot = [...sim.store.spots.values()][0];
	const checkIn = sim.app.stamp({ spotId: spot.spot_id });
	const out = sim.app.stamp({ status: '訪問終了', spotId: spot.spot_id });
	const emitted = await trigger.poll();
	expect(pairs(emitted, 'history_id')).toEqual(
		expect.arrayContaining([checkIn, out].map((h) => [h.history_id, 'created'])),
	);
	expect(emitted).toHaveLength(2);
	expect(json(emitted)[0].create_at).toMatch(/Z$/);
	expect(await trigger.poll()).toBeNull();
	const [request] = sim.received({ path: '/webapi/v0/histories' }).slice(-1);
	expect(request.query).toEqual(
		expect.objectContaining({ from_date: expect.any(String), to_date: expect.any(String) }),
	);
});

test('spots: created and updated, each once; Events can keep only one kind', async () => {
	const all = triggerFor({ watch: 'spot' });
	const updatesOnly = triggerFor({ watch: 'spot', events: ['updated'] });
	await all.poll();
	await updatesOnly.poll();
	tick();
	const created = await api.post<{ spot_id: string }>('/spots', {
		spot_code: 'MZ-000999',
		spot_name: '株式会社テスト商事',
		address: '東京都千代田区丸の内1-1-1',
	});
	expect(created.status).toBe(200);
	const existing = [...sim.store.spots.values()][3];
	sim.app.touch('spot', existing.spot_id, { comment: '担当変更' });
	const emitted = await all.poll();
	expect(new Map(pairs(emitted, 'spot_id') as Array<[string, string]>)).toEqual(
		new Map([
			[created.json.spot_id, 'created'],
			[existing.spot_id, 'updated'],
		]),
	);
	expect(pairs(await updatesOnly.poll(), 'spot_id')).toEqual([[existing.spot_id, 'updated']]);
	expect(await all.poll()).toBeNull();
});

describe.each(['start_date', 'updated_at'] as const)(
	'schedules (cyzen windows on %s)',
	(scheduleWindowOn) => {
		test('created, updated and deleted, each once, with get_deleted=1', async () => {
			sim.setSwitches({ scheduleWindowOn });
			const trigger = triggerFor({ watch: 'schedule' });
			expect(await trigger.poll()).toBeNull();
			tick();
			const group = [...sim.store.groups.values()][0];
			const start = utc(sim.now() + 2 * 86_400_000);
			const end = utc(sim.now() + 2 * 86_400_000 + 3_600_000);
			const created = await api.post<{ schedule_id: string }>('/schedules', {
				group_id: group.group_id,
				title: '定期点検',
				start_date: start,
				end_date: end,
			});
			expect(created.status).toBe(200);
			const id = created.json.schedule_id;
			expect(pairs(await trigger.poll(), 'schedule_id')).toEqual([[id, 'created']]);
			tick();
			sim.app.touch('schedule', id, { title: '定期点検（変更）' });
			const updated = json(await trigger.poll());
			expect(updated.map((s) => [s.schedule_id, s.event, s.title])).toEqual([
				[id, 'updated', '定期点検（変更）'],
			]);
			tick();
			sim.app.deleteSchedule(id);
			const deleted = json(await trigger.poll());
			expect(deleted.map((s) => [s.schedule_id, s.event])).toEqual([[id, 'deleted']]);
			expect(deleted[0].deleted_at).toMatch(/Z$/);
			expect(await trigger.poll()).toBeNull();
			for (const { query } of sim.received({ method: 'GET', path: '/webapi/v0/schedules' })) {
				expect(query.get_deleted).toBe('1');
			}
		});
	},
);

test('Fetch Test Event returns recent changes without touching the state', async () => {
	const trigger = triggerFor({ watch: 'report' });
	await trigger.poll();
	const before = JSON.stringify(trigger.staticData);
	tick();
	const report = sim.app.submitReport();
	const sample = json(await trigger.poll('manual'));
	expect(sample.length).toBeGreaterThan(0);
	expect(sample.length).toBeLessThanOrEqual(5);
	expect(sample[0].report_id).toBe(report.report_id);
	expect(JSON.stringify(trigger.staticData)).toBe(before);
});

test("cyzen's clock running ahead of n8n's by more than the overlap loses nothing", async () => {
	sim.advanceClock(20 * 60_000);
	const trigger = triggerFor({ watch: 'report' });
	await trigger.poll();
	tick();
	const first = sim.app.submitReport();
	expect(pairs(await trigger.poll(), 'report_id')).toEqual([[first.report_id, 'created']]);
	// The window now starts ahead of n8n's clock; it is still read.
	tick();
	const second = sim.app.submitReport();
	expect(pairs(await trigger.poll(), 'report_id')).toEqual([[second.report_id, 'created']]);
});

const DAY = 86_400_000;
const reportTime = (report: { updated_at: string }) => Date.parse(`${report.updated_at}Z`);
/** Ids of the reports cyzen holds whose last change lies at or after `from`, sorted. */
const reportsChangedSince = (from: number) =>
	[...sim.store.reports.values()]
		.filter((r) => reportTime(r) >= from)
		.map((r) => r.report_id)
		.sort();

/**
 * These run at fixed times of day: the seeded tenant is laid out by Japan's calendar (reports in
 * working hours, today's squeezed into the part of the day already gone), so what the seed holds
 * near "now" and "9 days ago" differs by the hour. Each sits on both sides of Japan's midnight
 * (15:00 UTC), where the seed's "today" begins again, and at hours in and out of working time;
 * with PIN_CLOCK set, at that instant only.
 */
const PINNED = pinnedInEnv();
const TIMES_OF_DAY = PINNED
	? [PINNED]
	: [
			'2026-12-01T23:59:00+09:00',
			'2026-12-02T00:00:30+09:00',
			'2026-12-02T08:59:00+09:00',
			'2026-12-02T13:30:00+09:00',
		];

describe.each(TIMES_OF_DAY)('with the clock at %s', (at) => {
	beforeAll(() => pinWallClock(Date.parse(at)));
	afterAll(() => unpinWallClock());
	// A token of its own: the process-wide throttle's bucket of the shared token was last filled
	// at the real time, which may lie ahead of the pinned one.
	const triggerFor = (parameters: IDataObject) =>
		cyzenTrigger(cyzenCredentials(sim, { accessToken: sim.addToken() }), parameters);

	test('a trigger left far behind reads the gap in 7-day windows without gap or overlap, every change once, then one request again', async () => {
		const trigger = triggerFor({ watch: 'report' });
		await trigger.poll();
		// As if the state were 12 days old: the gap holds reports edited 9 to 12 days ago, unseen.
		const state = trigger.staticData as { readFrom: number; seen: Record<string, number> };
		state.readFrom -= 12 * DAY;
		state.seen = {};
		const gapStart = state.readFrom;
		const inGap = reportsChangedSince(gapStart);
		const old = inGap.filter((id) => reportTime(sim.store.reports.get(id)!) < sim.now() - 9 * DAY);
		expect(old.length).toBeGreaterThan(0);
		sim.requests.length = 0;
		const emitted = json(await trigger.poll()).map((r) => String(r.report_id));
		// Every report changed in the gap, each once, and nothing from before it.
		expect([...emitted].sort()).toEqual(inGap);
		const windows = sim
			.received({ path: '/webapi/v0/reports' })
			.filter((r) => r.query.next_report_id === undefined)
			.map((r) => [
				Date.parse(`${String(r.query.updated_from)}Z`),
				Date.parse(`${String(r.query.updated_to)}Z`),
			]);
		expect(windows.length).toBe(2);
		expect(windows[0][0]).toBe(Math.floor(gapStart / 1000) * 1000);
		expect(windows[1][0]).toBe(windows[0][1] + 1000);
		for (const [from, to] of windows) expect(to - from).toBeLessThanOrEqual(7 * DAY);

		sim.requests.length = 0;
		expect(await trigger.poll()).toBeNull();
		expect(sim.received({ path: '/webapi/v0/reports' })).toHaveLength(1);
	});

	test('the state stays bounded: after a burst it keeps only changes inside the overlap window', async () => {
		const trigger = triggerFor({ watch: 'report' });
		await trigger.poll();
		tick();
		const burst = Array.from({ length: 50 }, () => sim.app.submitReport().report_id);
		expect(json(await trigger.poll()).map((r) => r.report_id)).toEqual(
			expect.arrayContaining(burst),
		);
		// The burst, and whatever else changed inside the overlap behind it (the seed's newest
		// reports, seen at activation), nothing older.
		const { readFrom, seen } = trigger.staticData as {
			readFrom: number;
			seen: Record<string, number>;
		};
		expect(Object.keys(seen)).toEqual(expect.arrayContaining(burst));
		expect(Object.keys(seen).sort()).toEqual(reportsChangedSince(readFrom));
		sim.advanceClock(10 * 60_000);
		const last = sim.app.submitReport();
		await trigger.poll();
		expect(Object.keys(trigger.staticData.seen as object)).toEqual([last.report_id]);
	});
});
