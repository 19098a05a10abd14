import { serveDuringTests } from '../kit/lifecycle';
import { mazricaCredentials, mazricaTrigger } from '../mazrica/setup';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import {
	type ChangeableList,
	Dice,
	playRandomHistory,
	runSeeds,
	TriggerHistory,
} from './property-kit';

/**
 * Mazrica Trigger, property: every change is emitted exactly once.
 *
 * A *change* is an (id, updatedAt) pair of a record in the watched list (audit entries: (id,
 * createdAt)), as the API shows it. Mazrica prints whole seconds, so edits of one record within
 * one second are one change; a record edited twice between two polls is one change, in its newest
 * state. Each seed builds a random history against the simulator: many edits in one second
 * (whole pages of one second), edits spread over more than the overlap window, creations,
 * deletions, records that become visible late (their updatedAt up to the overlap behind the
 * simulator clock), the same kinds of change made while the trigger pages (`sim.onRequest`),
 * n8n restarts between polls and polls that fail on one of their requests. The judge is
 * `VisibilityModel`: a change visible for the whole of a successful poll must be emitted, nothing
 * else may be, and nothing twice. Items are tagged "created" the first time a record that did not
 * exist at activation is emitted, else "updated"; audit entries are always "created".
 */
const SEEDS = 500;
const BASE = Date.parse('2025-04-01T10:00:00+09:00');

/** A tenant small enough to reseed cheaply between seeds (each seed then seeds its own). */
const TINY = {
	users: 1,
	customers: 1,
	contacts: 0,
	deals: 1,
	customerActions: 0,
	dealActions: 0,
	contactActions: 0,
	customObjects: 1,
	auditHistory: false,
};
const sim = serveDuringTests(new MazricaSimulator({ rateLimit: false, seed: TINY }));

type Kind = 'customer' | 'deal' | 'dealAction' | 'customObject' | 'auditLog';

interface TimedRecord {
	id: number;
	createdAt: number;
	updatedAt: number;
}

/** How the test reads and changes the watched list "in the Mazrica UI". */
interface Watched extends ChangeableList<number> {
	kind: Kind;
	parameters: Record<string, unknown>;
	listPath: string;
	timeField: 'updatedAt' | 'createdAt';
	visible(): Map<string, number>;
	remove?(id: number): void;
}

function editable<R extends TimedRecord>(
	kind: Exclude<Kind, 'auditLog'>,
	map: Map<number, R>,
	belongs: (r: R) => boolean,
	sequence: 'customer' | 'deal' | 'action' | 'customObject',
	touchKind: 'customer' | 'deal' | 'action' | 'customObject',
	listPath: string,
	parameters: Record<string, unknown>,
	remove: (id: number) => void,
): Watched {
	const records = () => [...map.values()].filter(belongs);
	const template = structuredClone(records()[0]);
	const second = (ms: number) => Math.floor(ms / 1000) * 1000;
	return {
		kind,
		parameters,
		listPath,
		timeField: 'updatedAt',
		visible: () => new Map(records().map((r) => [String(r.id), r.updatedAt])),
		ids: () => records().map((r) => r.id),
		edit: (id) => void sim.touch(touchKind, id),
		create: (lagMs) => {
			const id = sim.store.nextId(sequence);
			const at = second(sim.now() - lagMs);
			map.set(id, { ...structuredClone(template), id, createdAt: at, updatedAt: at });
			return id;
		},
		editLate: (id, lagMs) => {
			const record = map.get(id);
			const at = second(sim.now() - lagMs);
			if (!record || at <= record.updatedAt) return false;
			sim.touch(touchKind, id);
			record.updatedAt = at;
			return true;
		},
		remove,
	};
}

function watchedFor(kind: Kind): Watched {
	const { store } = sim;
	switch (kind) {
		case 'customer':
			return editable(
				kind,
				store.customers,
				() => true,
				'customer',
				'customer',
				'/v1/customers',
				{ source: 'customer' },
				(id) => store.deleteCustomer(id),
			);
		case 'deal':
			return editable(
				kind,
				store.deals,
				() => true,
				'deal',
				'deal',
				'/v1/deals',
				{ source: 'deal' },
				(id) => store.deleteDeal(id),
			);
		case 'dealAction':
			return editable(
				kind,
				store.actions,
				(a) => a.kind === 'deal',
				'action',
				'action',
				'/v1/actions',
				{ source: 'dealAction' },
				(id) => store.actions.delete(id),
			);
		case 'customObject':
			return editable(
				kind,
				store.customObjects,
				(r) => r.defKey === 'product_master',
				'customObject',
				'customObject',
				'/v1/custom_object_defs/product_master/custom_objects',
				{ source: 'customObject', custom_object_def_key: 'product_master' },
				(id) => store.customObjects.delete(id),
			);
		case 'auditLog': {
			const customers = () => [...store.customers.keys()];
			const pushAudit = (at: number) => {
				const id = store.nextId('audit');
				store.audits.push({
					id,
					at: Math.floor(at / 1000) * 1000,
					userId: 1,
					operation: 'update',
					targetType: 'customer',
					targetId: customers()[0],
					targetName: null,
					source: 'web',
				});
				return id;
			};
			return {
				kind,
				parameters: { source: 'auditLog' },
				listPath: '/v1/audits',
				timeField: 'createdAt',
				visible: () => new Map(store.audits.map((a) => [String(a.id), a.at])),
				ids: customers,
				// An edit in the UI writes an audit entry; entries themselves never change or go.
				edit: (id) => void sim.touch('customer', id),
				create: (lagMs) => pushAudit(sim.now() - lagMs),
				editLate: (_id, lagMs) => pushAudit(sim.now() - lagMs) > 0,
				// Entries never change or go: no remove.
			};
		}
	}
}

function seedSizes(kind: Kind, dice: Dice, randomSeed: number) {
	const n = dice.chance(0.4) ? dice.int(101, 170) : dice.int(10, 100);
	return {
		users: 3,
		customers: kind === 'customer' ? n : kind === 'auditLog' ? Math.ceil(n / 2) : 8,
		contacts: 0,
		deals: kind === 'deal' ? n : kind === 'dealAction' ? 6 : 4,
		customerActions: 0,
		dealActions: kind === 'dealAction' ? n : 0,
		contactActions: 0,
		customObjects: kind === 'customObject' ? n : 5,
		auditHistory: kind === 'auditLog',
		randomSeed,
	};
}

async function runSeed(seed: number): Promise<{ problems: string[]; history: string[] }> {
	const dice = new Dice(seed);
	const kind = dice.pick<Kind>(['customer', 'deal', 'dealAction', 'customObject', 'auditLog']);
	const overlapMinutes = dice.pick([5, 5, 1, 0]);
	sim.seed(TINY);
	sim.reset();
	sim.seed(seedSizes(kind, dice, seed));
	sim.freezeClock(BASE);
	const watched = watchedFor(kind);
	const maxLagMs = overlapMinutes * 60_000 - 1000;
	// A key of its own per seed: a fresh throttle bucket and daily count, however they are keyed.
	const trigger = mazricaTrigger(mazricaCredentials(sim, sim.addApiKey()), {
		...watched.parameters,
		options: { overlapMinutes },
	});
	const run = new TriggerHistory({
		sim,
		trigger,
		dice,
		listPath: watched.listPath,
		timeField: watched.timeField,
		visible: watched.visible,
		errorBody: { error: 'Internal Server Error', messages: ['boom'] },
	});
	run.log(`watch ${kind}, overlap ${overlapMinutes} min`);

	await playRandomHistory(run, { sim, dice }, watched, maxLagMs, {
		// Many changes in one second: a whole page shares one updatedAt.
		burst: { aboveIds: 100, edits: [101, 130] },
		// Spread over more than the overlap window, so early pages fall out of it.
		spread: { aboveIds: 100, count: [101, 130], stepSeconds: [2, 6] },
		pages: 3,
		pauses: [1000, 120_000, 360_000],
	});
	return run.verdict(kind === 'auditLog');
}

test(`Mazrica Trigger: every change emitted exactly once over ${SEEDS} random histories`, async () => {
	const { ran } = await runSeeds(SEEDS, runSeed, 'test/reliability/trigger-properties-mazrica');
	expect(ran).toBeGreaterThan(0);
}, 900_000);
