import { DateTime, Settings } from 'luxon';
import { rodemProfile } from '../../nodes/Rodem/transport/profile';
import { serveDuringTests } from '../kit/lifecycle';
import { rodemCredentials, rodemTrigger, type RodemCredentials } from '../rodem/setup';
import { RodemSimulator } from '../simulators/rodem/rodem-simulator';
import { Dice, runSeeds, TriggerHistory } from './property-kit';

/**
 * RODEM Trigger, property: every change is emitted exactly once.
 *
 * A *change* is an (id, updated_at) pair of an expense whose use date lies in the trigger's
 * window (Look Back … Look Ahead days around today), as the expense list shows it; an expense
 * edited twice between two polls is one change, in its newest state. An expense leaving the
 * window is not a change. An expense's first change after activation is "created" if it was not
 * in the window at activation, every other one "updated" (also after it left the window and came
 * back). Each seed builds a random history: edits, use dates moved into and out of the window,
 * new and deleted expenses, the same while the trigger pages (`sim.onRequest`: a deletion shifts
 * the offset pages), n8n restarts between polls and polls failing on one of their requests. The
 * judge is `VisibilityModel`: a change visible for the whole of a successful poll must be
 * emitted, nothing else may, nothing twice.
 */
const SEEDS = 500;
/** The trigger's "today": luxon's clock is pinned so windows and data agree on any day. */
const TODAY = DateTime.fromISO('2025-06-18T10:00:00', { zone: 'Asia/Tokyo' });

const sim = serveDuringTests(new RodemSimulator());
/** One connected credential for every seed (connected after the simulator's reset). */
let credentials: RodemCredentials;

const pace = { ...rodemProfile.throttle };
const realNow = Settings.now;
beforeAll(() => {
	// The per-credential pace (2 requests/s) would make 500 histories take many minutes: lift it
	// in this test process only.
	Object.assign(rodemProfile.throttle, { ratePerSecond: 10_000, burst: 10_000 });
	Settings.now = () => TODAY.toMillis();
});
afterAll(() => {
	Object.assign(rodemProfile.throttle, pace);
	Settings.now = realNow;
});

const isoDay = (offset: number) => TODAY.plus({ days: offset }).toISODate() ?? '';

async function runSeed(seed: number): Promise<{ problems: string[]; history: string[] }> {
	const dice = new Dice(seed);
	// A fifth of the seeds hold more than one page (200) in the window.
	const big = dice.chance(0.2);
	const lookBackDays = big ? dice.int(27, 30) : dice.int(3, 30);
	const lookAheadDays = dice.int(0, 7);
	sim.reseed({
		users: 1,
		primaryUserExpenses: big ? dice.int(250, 290) : dice.int(5, 70),
		otherUserExpenses: 0,
		startDate: isoDay(-lookBackDays - 4),
		months: 1,
		lateEditShare: 0,
		randomSeed: seed,
	});
	sim.clearFaults();
	sim.requests.length = 0;
	sim.onRequest = undefined;
	const [first, last] = [isoDay(-lookBackDays), isoDay(lookAheadDays)];
	const inWindow = (date: string) => date >= first && date <= last;
	const run = new TriggerHistory({
		sim,
		trigger: rodemTrigger(credentials, { lookBackDays, lookAheadDays }),
		dice,
		listPath: '/api/v1/expenses',
		timeField: 'updated_at',
		visible: () =>
			new Map(
				[...sim.expenses.values()]
					.filter((e) => inWindow(e.useDate))
					.map((e) => [String(e.id), e.updatedAt]),
			),
		errorBody: { error: 'server_error' },
	});
	run.log(`window ${first} … ${last}`);
	const someDay = () => isoDay(dice.int(-lookBackDays - 4, lookAheadDays + 4));
	/** Expenses last moved out of the window: moving one back is what a state must remember. */
	const movedOut: number[] = [];

	const randomChange = (where: string) => {
		sim.advanceClock(dice.int(1, 900));
		// Every expense belongs to the one user seeded.
		const ids = [...sim.expenses.keys()];
		const roll = dice.int(0, 9);
		if (roll <= 3 && ids.length > 0) {
			const id = dice.pick(ids);
			sim.editExpense(id, { price: dice.int(150, 3000) });
			run.log(`${where}edit ${id}`);
		} else if (roll <= 5 && ids.length > 0) {
			const back = movedOut.filter((id) => sim.expenses.has(id));
			const id = back.length > 0 && dice.chance(0.5) ? dice.pick(back) : dice.pick(ids);
			const useDate = someDay();
			sim.editExpense(id, { useDate });
			if (!inWindow(useDate)) movedOut.push(id);
			run.log(`${where}move ${id} to ${useDate}`);
		} else if (roll <= 7) {
			const useDate = someDay();
			run.log(`${where}add ${sim.addExpense({ useDate }).id} on ${useDate}`);
		} else if (ids.length > 1) {
			const id = dice.pick(ids);
			sim.deleteExpense(id);
			run.log(`${where}delete ${id}`);
		}
	};

	await run.activate();
	const rounds = dice.int(2, 3);
	for (let round = 1; round <= rounds; round++) {
		const count = dice.int(0, 6);
		for (let i = 0; i < count; i++) randomChange('');
		await run.round(
			`poll ${round}`,
			{ restart: 0.2, changeWhilePaging: 0.4, fail: 0.12 },
			2,
			(where) => {
				const changes = dice.int(1, 3);
				for (let i = 0; i < changes; i++) randomChange(where);
			},
		);
	}
	if (dice.chance(0.3)) run.restart();
	await run.poll('quiet poll');
	return run.verdict();
}

test(`RODEM Trigger: every change emitted exactly once over ${SEEDS} random histories`, async () => {
	sim.freezeClock(TODAY.toMillis());
	credentials = await rodemCredentials(sim);
	const { ran } = await runSeeds(SEEDS, runSeed, 'test/reliability/trigger-properties-rodem');
	expect(ran).toBeGreaterThan(0);
}, 900_000);
