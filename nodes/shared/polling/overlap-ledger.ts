/**
 * Exactly-once emission for a trigger that can ask its vendor for "records changed since T".
 *
 * Every poll re-reads an overlap window behind the newest change already seen, so a record that
 * becomes visible late (commit lag, clock skew between the vendor's servers, an update stamped a
 * second behind the newest one) is still found. The (id, change time) pairs already emitted
 * inside that window are remembered, so nothing is emitted twice. The state is bounded by the
 * changes inside the window: older pairs can no longer be read back, so they are forgotten.
 */
export interface OverlapState {
	/**
	 * The earliest change time (epoch ms) the next poll reads. It trails the newest change seen by
	 * the overlap and never moves back, so widening the overlap later replays nothing.
	 */
	readFrom?: number;
	/** Record id → newest change time already emitted (or seen at activation), all ≥ readFrom. */
	seen?: Record<string, number>;
}

/** The state right after activation: read from `overlapMs` behind the newest change that exists. */
export function anchorAt(newestChange: number | undefined, overlapMs: number): OverlapState {
	// A source without any record yet starts at the epoch: whatever appears is a change.
	return { readFrom: newestChange === undefined ? 0 : newestChange - overlapMs, seen: {} };
}

interface Offered<R> {
	record: R;
	time: number;
}

/** What one poll met, record by record; decides what it emits and the state it leaves. */
export class OverlapLedger<R> {
	/** Where this poll reads from (inclusive). */
	readonly from: number;
	private readonly seen: Record<string, number>;
	private readonly latest = new Map<string, Offered<R>>();

	constructor(
		state: OverlapState,
		private readonly overlapMs: number,
	) {
		this.from = state.readFrom ?? 0;
		this.seen = state.seen ?? {};
	}

	/**
	 * Offers one listed record. Changes already emitted, and changes before the window, are
	 * dropped. A record met twice in one poll (edited while the trigger paged, or read again at a
	 * page boundary) is kept once, in its newest state, so a downstream sync writes it once.
	 */
	offer(id: string | number, time: number, record: R): void {
		const key = String(id);
		if (time < this.from) return;
		const emitted = this.seen[key];
		if (emitted !== undefined && emitted >= time) return;
		const known = this.latest.get(key);
		if (known && known.time >= time) return;
		this.latest.delete(key);
		this.latest.set(key, { record, time });
	}

	/** Whether an earlier poll emitted (or activation saw) a change of this record inside the window. */
	knew(id: string | number): boolean {
		return this.seen[String(id)] !== undefined;
	}

	/** New changes met so far. */
	get size(): number {
		return this.latest.size;
	}

	/** The new changes, oldest first (ties by id). */
	emitted(): R[] {
		return [...this.latest.entries()]
			.sort(
				([idA, a], [idB, b]) =>
					a.time - b.time || idA.localeCompare(idB, undefined, { numeric: true }),
			)
			.map(([, entry]) => entry.record);
	}

	/** The state to keep once this poll's changes are handed to n8n. */
	nextState(): Required<OverlapState> {
		let newest = -Infinity;
		for (const { time } of this.latest.values()) newest = Math.max(newest, time);
		const readFrom = Math.max(this.from, newest - this.overlapMs);
		const seen: Record<string, number> = {};
		for (const [key, time] of Object.entries(this.seen)) if (time >= readFrom) seen[key] = time;
		for (const [key, { time }] of this.latest) if (time >= readFrom) seen[key] = time;
		return { readFrom, seen };
	}
}
