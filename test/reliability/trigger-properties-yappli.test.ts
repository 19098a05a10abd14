import { yappliProfile } from '../../nodes/YappliCrm/transport/profile';
import { serveDuringTests } from '../kit/lifecycle';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { yappliCredentials, yappliTrigger, type YappliCredentials } from '../yappli/setup';
import { Dice, runSeeds, TriggerHistory } from './property-kit';

/**
 * Yappli CRM Trigger, property: every change is emitted exactly once.
 *
 * A *change* is an (id, updated_at) pair of a member as the member list shows it (whole seconds:
 * edits of one member within one second are one change; a member edited twice between two polls
 * is one change, in its newest state). A member's first change after activation is "created" if
 * the member did not exist at activation, every other one "updated". Each seed builds a random
 * history: edits (also many in one second, and edits stamped up to minutes behind the clock),
 * new members, edits and new members while the trigger pages (`sim.onRequest`) under both
 * readings of the undocumented list order (by id, or most recently updated first, where such
 * changes shift the pages and one read sees fewer members than `total`), n8n restarts between
 * polls and polls failing on one of their requests. The judge is `VisibilityModel`: a change
 * visible for the whole of a successful poll must be emitted, nothing else may, nothing twice.
 */
const SEEDS = 500;
const BASE = Date.parse('2025-04-01T10:00:00+09:00');
const PAGE_CAP = 20;

const sim = serveDuringTests(
	new YappliSimulator({
		pageCap: PAGE_CAP,
		seed: { members: 1, pointHistory: false, anchor: '2025-04-01 00:00:00' },
	}),
);
/** One credential (and so one access token) for every seed. */
let credentials: YappliCredentials;

// The per-credential pace (5 requests/s) would make 500 histories take many minutes: lift it in
// this test process only.
const pace = { ...yappliProfile.throttle };
beforeAll(() => Object.assign(yappliProfile.throttle, { ratePerSecond: 10_000, burst: 10_000 }));
afterAll(() => Object.assign(yappliProfile.throttle, pace));

async function runSeed(seed: number): Promise<{ problems: string[]; history: string[] }> {
	const dice = new Dice(seed);
	// No reset between seeds (it would revoke the access token): data, faults and log by hand. The
	// clock runs on from the previous seed; nothing here depends on its absolute value.
	// Always more than one page, so that a change while paging can shift one.
	sim.seed({
		members: dice.int(PAGE_CAP + 1, 50),
		pointHistory: false,
		anchor: '2025-04-01 00:00:00',
	});
	sim.clearFaults();
	sim.requests.length = 0;
	sim.shapes.memberOrder = dice.chance(0.6) ? 'updatedDesc' : 'id';
	const { store } = sim;
	const template = structuredClone([...store.members.values()][0]);
	const ids = () => [...store.members.keys()];
	const run = new TriggerHistory({
		sim,
		trigger: yappliTrigger(credentials),
		dice,
		listPath: '/api/ext/users',
		timeField: 'updated_at',
		visible: () => new Map([...store.members.values()].map((m) => [m.id, m.updatedAt])),
		errorBody: { error: 'server_error', error_description: 'boom' },
	});
	run.log(`member order ${sim.shapes.memberOrder}, ${PAGE_CAP} per page`);

	const randomChange = (where: string) => {
		const roll = dice.int(0, 9);
		if (roll <= 5) {
			const id = dice.pick(ids());
			sim.touchMember(id, { enabled: dice.chance(0.5) ? 1 : 0 });
			run.log(`${where}edit ${id}`);
		} else if (roll <= 8) {
			const id = store.nextMemberId();
			const now = Math.floor(sim.now() / 1000) * 1000;
			store.members.set(id, { ...structuredClone(template), id, createdAt: now, updatedAt: now });
			run.log(`${where}create ${id}`);
		} else {
			// An edit stamped behind the clock (the vendor's servers disagree): still a new updated_at.
			const id = dice.pick(ids());
			const member = store.members.get(id);
			const at = Math.floor((sim.now() - dice.int(1, 300) * 1000) / 1000) * 1000;
			if (member && at > member.updatedAt) {
				member.updatedAt = at;
				run.log(`${where}edit ${id}, stamped ${sim.now() - at} ms behind`);
			}
		}
	};

	await run.activate();
	const rounds = dice.int(2, 3);
	for (let round = 1; round <= rounds; round++) {
		if (dice.chance(0.15)) {
			const edited = dice.sample(ids(), dice.int(5, 30));
			for (const id of edited) sim.touchMember(id, { enabled: 0 });
			run.log(`${edited.length} edits in one second`);
		} else {
			const count = dice.int(0, 6);
			for (let i = 0; i < count; i++) {
				if (dice.chance(0.5)) sim.advanceClock(1000);
				randomChange('');
			}
		}
		await run.round(
			`poll ${round}`,
			{ restart: 0.2, changeWhilePaging: 0.5, fail: 0.12 },
			3,
			(where) => {
				sim.advanceClock(1000);
				const changes = dice.int(1, 3);
				for (let i = 0; i < changes; i++) randomChange(where);
			},
		);
		sim.advanceClock(dice.pick([1000, 5000, 60_000]));
	}
	if (dice.chance(0.3)) run.restart();
	await run.poll('quiet poll');
	return run.verdict();
}

test(`Yappli CRM Trigger: every change emitted exactly once over ${SEEDS} random histories`, async () => {
	sim.freezeClock(BASE);
	credentials = yappliCredentials(sim);
	const { ran } = await runSeeds(SEEDS, runSeed, 'test/reliability/trigger-properties-yappli');
	expect(ran).toBeGreaterThan(0);
}, 900_000);
