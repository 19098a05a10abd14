import { serveDuringTests } from '../kit/lifecycle';
import { advanceWallClock, pinWallClock, unpinWallClock } from '../kit/pinned-clock';
import {
	type ChangeableList,
	Dice,
	playRandomHistory,
	runSeeds,
	TriggerHistory,
} from '../reliability/property-kit';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { formatUtc, parseUtc } from '../simulators/cyzen/time';
import type { Stamped } from '../simulators/cyzen/types';
import { cyzenCredentials, cyzenTrigger } from './trigger-setup';

/**
 * cyzen Trigger, property: every change is emitted exactly once (the harness of
 * test/reliability/trigger-properties-*.test.ts). A *change* is an (id, change time) pair as cyzen
 * prints it (whole seconds): reports and spots by `updated_at`, stamps by `create_at`, schedules by
 * `updated_at` (a deletion moves it to `deleted_at`). Each seed builds a random history against
 * the simulator — edits, creations, spot deletions, schedule deletions, whole pages changed in one
 * second, changes spread past the overlap, records visible late (stamped up to the overlap behind
 * the clock), changes while the trigger pages, n8n restarts, polls failing on one request — and
 * `VisibilityModel` judges the items. Schedules run in both readings of their window
 * (`scheduleWindowOn`). The simulator clock runs ahead of n8n's, as a vendor's clock may.
 */
const SEEDS = 500;
/**
 * The token's rate (秒間5回, the credential's maximum). The transport spaces requests at it (burst
 * 1): 200 ms of n8n's clock between two requests, about 1 s of waiting per seed in real time. n8n's
 * wall clock (`Date`, see test/kit/pinned-clock) moves by that interval at every request instead,
 * so the throttle finds its bucket refilled and the requests leave at once; what it spaces and
 * how are the business of test/cyzen/limits.test.ts, not of this property.
 */
const REQUESTS_PER_SECOND = 5;

const SMALL = {
	users: 4,
	spots: 20,
	reports: 20,
	reportDays: 3,
	historyDays: 1,
	trackingDays: 1,
	scheduleDays: 2,
};
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false }, seed: SMALL }));
beforeAll(() => pinWallClock(Date.now()));
afterAll(() => unpinWallClock());

type Kind = 'report' | 'spot' | 'history' | 'schedule';

interface Watched extends ChangeableList<string> {
	listPath: string;
	idField: string;
	timeField: string;
	visible(): Map<string, number>;
}

const ms = (text: string) => parseUtc(text) ?? NaN;
const stampedLate = (lagMs: number) => formatUtc(Math.floor((sim.now() - lagMs) / 1000) * 1000);

function moveLate(record: Stamped | undefined, lagMs: number): boolean {
	const at = stampedLate(lagMs);
	if (!record || at <= record.updated_at) return false;
	record.updated_at = at;
	return true;
}

function watchedFor(kind: Kind): Watched {
	const { store, app } = sim;
	switch (kind) {
		case 'report':
			return {
				listPath: '/webapi/v0/reports',
				idField: 'report_id',
				timeField: 'updated_at',
				visible: () =>
					new Map([...store.reports.values()].map((r) => [r.report_id, ms(r.updated_at)])),
				ids: () => [...store.reports.keys()],
				edit: (id) => void app.editReport(id, {}),
				create: (lagMs) => {
					const report = app.submitReport();
					report.created_at = report.updated_at = stampedLate(lagMs);
					return report.report_id;
				},
				editLate: (id, lagMs) => moveLate(store.reports.get(id), lagMs),
			};
		case 'spot': {
			const template = structuredClone([...store.spots.values()][0]);
			return {
				listPath: '/webapi/v0/spots',
				idField: 'spot_id',
				timeField: 'updated_at',
				visible: () => new Map([...store.spots.values()].map((s) => [s.spot_id, ms(s.updated_at)])),
				ids: () => [...store.spots.keys()],
				edit: (id) => app.touch('spot', id),
				create: (lagMs) => {
					const spot_id = store.newId();
					const at = stampedLate(lagMs);
					store.spots.set(spot_id, {
						...structuredClone(template),
						spot_id,
						spot_code: null,
						created_at: at,
						updated_at: at,
					});
					return spot_id;
				},
				editLate: (id, lagMs) => moveLate(store.spots.get(id), lagMs),
				remove: (id) => void store.spots.delete(id),
			};
		}
		case 'history':
			return {
				listPath: '/webapi/v0/histories',
				idField: 'history_id',
				timeField: 'create_at',
				visible: () =>
					new Map([...store.histories.values()].map((h) => [h.history_id, ms(h.create_at)])),
				ids: () => [...store.histories.keys()],
				// A stamp is never edited: every "edit" in the field is a new stamp.
				edit: () => void app.stamp(),
				create: (lagMs) => {
					const history = app.stamp();
					history.create_at = history.updated_at = stampedLate(lagMs);
					return history.history_id;
				},
				editLate: (_id, lagMs) => {
					const history = app.stamp();
					history.create_at = history.updated_at = stampedLate(lagMs);
					return true;
				},
			};
		case 'schedule': {
			const live = () => [...store.schedules.values()].filter((s) => s.deleted_at === null);
			const template = structuredClone([...store.schedules.values()][0]);
			return {
				listPath: '/webapi/v0/schedules',
				idField: 'schedule_id',
				timeField: 'updated_at',
				// Deleted ones too (get_deleted=1), their deletion being their last change.
				visible: () =>
					new Map([...store.schedules.values()].map((s) => [s.schedule_id, ms(s.updated_at)])),
				ids: () => live().map((s) => s.schedule_id),
				edit: (id) => app.touch('schedule', id),
				create: (lagMs) => {
					const schedule_id = store.newId();
					const at = stampedLate(lagMs);
					const start = formatUtc(Math.floor((sim.now() + 86_400_000) / 1000) * 1000);
					store.schedules.set(schedule_id, {
						...structuredClone(template),
						schedule_id,
						start_date: start,
						end_date: start,
						deleted_at: null,
						created_at: at,
						updated_at: at,
					});
					return schedule_id;
				},
				editLate: (id, lagMs) => moveLate(store.schedules.get(id), lagMs),
				remove: (id) => app.deleteSchedule(id),
			};
		}
	}
}

async function runSeed(seed: number): Promise<{ problems: string[]; history: string[] }> {
	const dice = new Dice(seed);
	const kind = dice.pick<Kind>(['report', 'spot', 'history', 'schedule']);
	const overlapMinutes = dice.pick([5, 5, 1, 0]);
	const scheduleWindowOn = dice.pick(['start_date', 'updated_at'] as const);
	// Ahead of n8n's clock by up to 10 minutes; frozen, so many changes can share one second.
	sim.reset();
	sim.freezeClock(Math.floor(Date.now() / 1000) * 1000 + dice.int(0, 600) * 1000);
	sim.seed({ ...SMALL, randomSeed: seed, spots: kind === 'spot' ? dice.int(150, 260) : 20 });
	sim.setSwitches({ scheduleWindowOn });
	if (kind === 'schedule') {
		// Only schedules starting well inside the watched range (now − 1 day … now + 6 days).
		for (const [id, s] of sim.store.schedules) {
			const start = ms(s.start_date) - sim.now();
			if (start < -12 * 3_600_000 || start > 5 * 86_400_000) sim.store.schedules.delete(id);
		}
	}
	const watched = watchedFor(kind);
	const deletedAt = new Map<string, number>();
	const maxLagMs = overlapMinutes * 60_000 - 1000;
	const trigger = cyzenTrigger(
		cyzenCredentials(sim, { accessToken: sim.addToken(), requestsPerSecond: REQUESTS_PER_SECOND }),
		{
			watch: kind,
			options: { overlapMinutes },
		},
	);
	const run = new TriggerHistory({
		sim,
		trigger,
		dice,
		listPath: watched.listPath,
		timeField: watched.timeField,
		idField: watched.idField,
		visible: watched.visible,
		// A 400 fails the poll at once; a 500 would be retried by the transport after 1-2 s.
		errorBody: { errors: [{ err_code: 40000, err_msg: 'invalid parameter.' }] },
		failStatus: 400,
		everyRequest: () => advanceWallClock(1000 / REQUESTS_PER_SECOND),
	});
	run.log(
		`watch ${kind}, overlap ${overlapMinutes} min, schedules windowed on ${scheduleWindowOn}`,
	);

	await playRandomHistory(
		run,
		{ sim, dice },
		watched,
		maxLagMs,
		{
			// Stamps are never edited, so never many in one second.
			burst: kind === 'history' ? undefined : { aboveIds: 140, edits: [141, 230] },
			spread: { count: [20, 80], stepSeconds: [2, 12] },
			pages: 2,
			pauses: [1000, 60_000, 360_000],
		},
		(id) => {
			if (kind === 'schedule') deletedAt.set(id, sim.now() - (sim.now() % 1000));
		},
	);
	sim.freezeClock(undefined);
	const problems = run.model.violations((e, first, known) => {
		const expected =
			deletedAt.get(e.id) === e.time
				? 'deleted'
				: kind === 'history' || (first && !known)
					? 'created'
					: 'updated';
		return e.event === expected ? undefined : `tagged ${String(e.event)}, expected ${expected}`;
	});
	return { problems, history: run.lines };
}

test(`cyzen Trigger: every change emitted exactly once over ${SEEDS} random histories`, async () => {
	const { ran } = await runSeeds(SEEDS, runSeed, 'test/cyzen/trigger-properties');
	expect(ran).toBeGreaterThan(0);
}, 600_000);
