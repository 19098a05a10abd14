import type { INodeExecutionData } from 'n8n-workflow';

import { vendorTimeMs } from '@japan-saas/shared/dates';

import type { PollingTriggerUnderTest } from '../harness';
import type { SimRequest, Simulator } from '../kit/simulator';
import { env } from '../platform/node';

/**
 * The parts every trigger property test shares: a seeded PRNG, the list of seeds to run, and a
 * model of which (id, change time) pairs were visible when, against which the emitted items are
 * judged.
 */

/** mulberry32: small, fast and reproducible; a seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
	let state = seed | 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Dice {
	private readonly next: () => number;

	constructor(seed: number) {
		this.next = mulberry32(seed);
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** `count` distinct items (fewer if the list is shorter), in random order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy.slice(0, count);
	}
}

/**
 * Seeds 1…count, or only `SEED` when it is set (`SEED=17 npx jest test/reliability/…` replays a
 * failing seed with its history printed).
 */
export function seedsToRun(count: number): number[] {
	const only = env.SEED;
	if (only !== undefined && only !== '') return only.split(',').map((s) => Number(s.trim()));
	return Array.from({ length: count }, (_, i) => i + 1);
}

interface Pair {
	id: string;
	time: number;
	/** Model step at which this pair became visible / stopped being visible (Infinity: still is). */
	from: number;
	until: number;
}

interface PollSpan {
	start: number;
	end: number;
	succeeded: boolean;
}

export interface Emission {
	id: string;
	time: number;
	event: unknown;
	poll: number;
}

/**
 * What the vendor showed, step by step. `sync` is called with the (id → change time) of every
 * record visible in the watched list after each batch of changes, so a record changed twice
 * between two syncs appears once, in its newest state. A poll spans the steps between
 * `beginPoll` and `endPoll`; changes made while it pages (from `sim.onRequest`) are synced inside
 * that span.
 *
 * A pair is *required* when it was visible for the whole of a poll that succeeded and was not
 * visible at activation (the activation poll replays nothing). A pair is *allowed* when it was
 * visible at any step after activation. Emitting a pair that is not allowed, emitting one twice,
 * or never emitting a required one is a failure.
 */
export class VisibilityModel {
	private step = 0;
	private readonly current = new Map<string, Pair>();
	private readonly pairs: Pair[] = [];
	private readonly polls: PollSpan[] = [];
	private baseline = new Set<string>();
	private readonly everVisible = new Set<string>();
	readonly emissions: Emission[] = [];

	sync(visible: Map<string, number>): void {
		this.step += 1;
		for (const [id, pair] of this.current) {
			if (visible.get(id) !== pair.time) {
				pair.until = this.step;
				this.current.delete(id);
			}
		}
		for (const [id, time] of visible) {
			if (this.current.has(id)) continue;
			const pair: Pair = { id, time, from: this.step, until: Infinity };
			this.current.set(id, pair);
			this.pairs.push(pair);
			this.everVisible.add(id);
		}
	}

	beginPoll(): number {
		this.step += 1;
		this.polls.push({ start: this.step, end: Infinity, succeeded: false });
		return this.polls.length - 1;
	}

	endPoll(index: number, succeeded: boolean): void {
		this.step += 1;
		Object.assign(this.polls[index], { end: this.step, succeeded });
	}

	/** After the activation poll: what is visible now is history, never to be emitted. */
	markActivated(): void {
		this.baseline = new Set([...this.current.values()].map(keyOf));
		this.knownAtActivation = new Set(this.current.keys());
	}

	/** IDs visible at activation: their first emission must be "updated", others' "created". */
	knownAtActivation = new Set<string>();

	record(poll: number, emitted: Emission[]): void {
		this.emissions.push(...emitted.map((e) => ({ ...e, poll })));
	}

	/** Every way the emissions break the property, as readable lines (empty: the seed passed). */
	violations(checkEvent: (e: Emission, firstForId: boolean, known: boolean) => string | undefined) {
		const problems: string[] = [];
		const allowed = new Set(this.pairs.map(keyOf).filter((k) => !this.baseline.has(k)));
		const counts = new Map<string, number>();
		const emittedIds = new Set<string>();
		for (const e of this.emissions) {
			const key = keyOf(e);
			counts.set(key, (counts.get(key) ?? 0) + 1);
			if (!allowed.has(key)) problems.push(`poll ${e.poll}: emitted ${key}, never a change`);
			const complaint = checkEvent(e, !emittedIds.has(e.id), this.knownAtActivation.has(e.id));
			if (complaint) problems.push(`poll ${e.poll}: ${key} ${complaint}`);
			emittedIds.add(e.id);
		}
		for (const [key, n] of counts) if (n > 1) problems.push(`emitted ${key} ${n} times`);
		for (const pair of this.pairs) {
			const key = keyOf(pair);
			if (this.baseline.has(key) || counts.has(key)) continue;
			const seenBy = this.polls.findIndex(
				(p) => p.succeeded && pair.from < p.start && pair.until > p.end,
			);
			if (seenBy >= 0) problems.push(`never emitted ${key} (visible throughout poll ${seenBy})`);
		}
		return problems;
	}
}

function keyOf(pair: { id: string; time: number }): string {
	return `${pair.id}@${new Date(pair.time).toISOString()}`;
}

/** Runs every seed, collects the failures and fails once with the first failing seeds' stories. */
export async function runSeeds(
	count: number,
	runOne: (seed: number) => Promise<{ problems: string[]; history: string[] }>,
	label: string,
): Promise<{ failed: number[]; ran: number }> {
	const seeds = seedsToRun(count);
	const failed: number[] = [];
	const stories: string[] = [];
	for (const seed of seeds) {
		const { problems, history } = await runOne(seed);
		if (problems.length === 0) continue;
		failed.push(seed);
		if (stories.length < 3) {
			stories.push(
				[
					`seed ${seed} (replay: SEED=${seed} npx jest ${label}):`,
					...problems.slice(0, 12).map((p) => `  ✗ ${p}`),
					'  history:',
					...history.map((h) => `    ${h}`),
				].join('\n'),
			);
		}
	}
	if (failed.length > 0) {
		throw new Error(
			`${failed.length} of ${seeds.length} seeds failed: ${failed.slice(0, 40).join(', ')}${
				failed.length > 40 ? ' …' : ''
			}\n\n${stories.join('\n\n')}`,
		);
	}
	return { failed, ran: seeds.length };
}

export interface HistorySetup {
	sim: Simulator;
	trigger: PollingTriggerUnderTest;
	dice: Dice;
	/** The list the trigger reads (its GET path), for mid-poll changes and injected failures. */
	listPath: string;
	/** The item field holding the change time. */
	timeField: string;
	/** The item field holding the record id; default `id`. */
	idField?: string;
	/** id → change time of every record the watched list shows now. */
	visible: () => Map<string, number>;
	/** The body of the 500 a failing request gets, in the vendor's error shape. */
	errorBody: unknown;
	/** The status of a failing request; default 500 (a transport that retries 500s may want a 400). */
	failStatus?: number;
	/** Runs at every vendor request of every poll (before a change made while paging). */
	everyRequest?: (req: SimRequest) => void;
}

/**
 * One seed's history: the trigger polls, the test changes the vendor between and during polls,
 * everything is logged, and `VisibilityModel` judges the emissions at the end.
 */
export class TriggerHistory {
	readonly model = new VisibilityModel();
	readonly lines: string[] = [];
	/** The change `round` makes at one request of its poll, if it drew one. */
	private whilePaging?: (req: SimRequest) => void;

	constructor(private readonly setup: HistorySetup) {}

	log(line: string): void {
		this.lines.push(`[${new Date(this.setup.sim.now()).toISOString()}] ${line}`);
	}

	/** Tells the model what is visible now; call after each batch of changes. */
	sync(): void {
		this.model.sync(this.setup.visible());
	}

	/** The activation poll: what is visible then is history. */
	async activate(): Promise<void> {
		this.sync();
		await this.poll('activation poll');
		this.model.markActivated();
	}

	/**
	 * A scheduled poll, possibly after an n8n restart, with `change` run (then synced) when the
	 * trigger sends its `at`-th list request, and possibly with one of its requests failing.
	 */
	async round(
		label: string,
		chances: { restart: number; changeWhilePaging: number; fail: number },
		pages: number,
		change: (where: string) => void,
	): Promise<void> {
		const { sim, dice, listPath } = this.setup;
		this.sync();
		if (dice.chance(chances.restart)) this.restart();
		if (dice.chance(chances.changeWhilePaging)) {
			let listed = 0;
			const at = dice.int(1, pages);
			this.whilePaging = (req: SimRequest) => {
				if (req.method !== 'GET' || req.path !== listPath || ++listed !== at) return;
				change(`while paging (request ${at}): `);
				this.sync();
			};
		}
		if (dice.chance(chances.fail)) {
			const skip = dice.int(0, pages - 1);
			sim.inject({
				method: 'GET',
				path: listPath,
				exact: true,
				skip,
				respond: { status: this.setup.failStatus ?? 500, body: this.setup.errorBody },
			});
			this.log(`request ${skip + 1} of the next poll fails with ${this.setup.failStatus ?? 500}`);
		}
		await this.poll(label);
	}

	restart(): void {
		this.setup.trigger.restart();
		this.log('n8n restarts');
	}

	async poll(label: string): Promise<void> {
		const { sim, trigger, timeField, idField = 'id' } = this.setup;
		const index = this.model.beginPoll();
		let emitted: INodeExecutionData[] | null = null;
		let ok = true;
		const { everyRequest } = this.setup;
		const whilePaging = this.whilePaging;
		sim.onRequest = (req: SimRequest) => {
			everyRequest?.(req);
			whilePaging?.(req);
		};
		try {
			emitted = await trigger.poll();
		} catch (error) {
			ok = false;
			this.log(`${label}: failed (${(error as Error).message.slice(0, 80)})`);
		}
		sim.onRequest = undefined;
		this.whilePaging = undefined;
		sim.clearFaults();
		this.model.endPoll(index, ok);
		const items: Emission[] = (emitted ?? []).map((item) => ({
			id: String(item.json[idField]),
			time: vendorTimeMs(item.json[timeField]) ?? NaN,
			event: item.json.event,
			poll: index,
		}));
		this.model.record(index, items);
		if (ok)
			this.log(`${label}: emitted ${items.map((i) => `${i.id}(${String(i.event)})`).join(' ')}`);
	}

	/**
	 * The verdict. `alwaysCreated`: every item is "created" (audit entries); otherwise an item is
	 * "created" exactly when it is the first one of a record that did not exist at activation.
	 */
	verdict(alwaysCreated = false): { problems: string[]; history: string[] } {
		const problems = this.model.violations((e, first, known) => {
			const expected = alwaysCreated || (first && !known) ? 'created' : 'updated';
			return e.event === expected ? undefined : `tagged ${String(e.event)}, expected ${expected}`;
		});
		return { problems, history: this.lines };
	}
}

/** How a test changes the watched list "in the vendor's UI", record by record. */
export interface ChangeableList<Id> {
	ids(): Id[];
	edit(id: Id): void;
	/** A new record whose change time is `lagMs` behind the vendor's clock (0: now). */
	create(lagMs: number): Id;
	/** Edits `id` so that its change time is `lagMs` behind the clock, if that is after its last. */
	editLate(id: Id, lagMs: number): boolean;
	/** Absent where records never go (audit entries, stamps). */
	remove?(id: Id): void;
}

/** The sizes of one suite's random rounds (vendors page and window differently). */
export interface RoundPlan {
	/** "A whole page and more in one second": drawn only when the list has more than `aboveIds`. */
	burst?: { aboveIds: number; edits: [number, number] };
	/** Changes spread over more than the overlap window, `stepSeconds` apart. */
	spread: { aboveIds?: number; count: [number, number]; stepSeconds: [number, number] };
	/** List requests a poll makes at most in the history (where a change while paging may land). */
	pages: number;
	/** The pauses drawn from after each poll. */
	pauses: number[];
}

/**
 * One seed's history after `run` is set up: the activation poll, two to four rounds of random
 * changes (a burst in one second, changes spread past the overlap, or a few changes; edits,
 * creations, deletions, records visible up to `maxLagMs` late), each followed by a poll that may
 * follow a restart, change the list while it pages or fail on one request, and a quiet poll.
 * `removed` hears of each deletion.
 */
export async function playRandomHistory<Id>(
	run: TriggerHistory,
	{ sim, dice }: { sim: Simulator; dice: Dice },
	list: ChangeableList<Id>,
	maxLagMs: number,
	plan: RoundPlan,
	removed: (id: Id) => void = () => undefined,
): Promise<void> {
	const randomChange = (where: string) => {
		const ids = list.ids();
		const roll = dice.int(0, 9);
		if (roll <= 4 && ids.length > 0) {
			const id = dice.pick(ids);
			list.edit(id);
			run.log(`${where}edit ${String(id)}`);
		} else if (roll <= 6) {
			run.log(`${where}create ${String(list.create(0))}`);
		} else if (roll <= 8 && ids.length > 1 && list.remove) {
			const id = dice.pick(ids);
			list.remove(id);
			removed(id);
			run.log(`${where}delete ${String(id)}`);
		} else if (maxLagMs > 0) {
			const lag = dice.int(1000, maxLagMs);
			if (ids.length > 0 && dice.chance(0.6)) {
				const id = dice.pick(ids);
				if (list.editLate(id, lag)) run.log(`${where}edit ${String(id)}, visible ${lag} ms late`);
			} else {
				run.log(`${where}create ${String(list.create(lag))}, visible ${lag} ms late`);
			}
		}
	};
	const { burst, spread } = plan;

	await run.activate();
	const rounds = dice.int(2, 4);
	for (let round = 1; round <= rounds; round++) {
		const shape = dice.int(0, 19);
		if (shape <= 1 && burst && list.ids().length > burst.aboveIds) {
			sim.advanceClock(1000);
			const ids = dice.sample(list.ids(), dice.int(...burst.edits));
			for (const id of ids) list.edit(id);
			run.log(`${ids.length} edits in one second`);
		} else if (
			shape <= 4 &&
			(spread.aboveIds === undefined || list.ids().length > spread.aboveIds)
		) {
			const count = dice.int(...spread.count);
			for (let i = 0; i < count; i++) {
				sim.advanceClock(dice.int(...spread.stepSeconds) * 1000);
				randomChange('');
			}
			run.log(`(${count} changes spread over time)`);
		} else {
			const count = dice.int(0, 6);
			for (let i = 0; i < count; i++) {
				if (dice.chance(0.5)) sim.advanceClock(dice.pick([1000, 2000, 15_000]));
				randomChange('');
			}
		}
		await run.round(
			`poll ${round}`,
			{ restart: 0.2, changeWhilePaging: 0.35, fail: 0.12 },
			plan.pages,
			(where) => {
				const changes = dice.int(1, 4);
				for (let i = 0; i < changes; i++) randomChange(where);
			},
		);
		sim.advanceClock(dice.pick(plan.pauses));
	}
	if (dice.chance(0.3)) run.restart();
	await run.poll('quiet poll');
}
