import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

/** What the trigger keeps between polls: small and bounded by the records of one second. */
export interface WatermarkState {
	/** Which source/definition the watermark belongs to; a change of either starts afresh. */
	source?: string;
	/** The newest change time emitted, in epoch ms (Mazrica times have whole seconds). */
	watermark?: number;
	/** IDs already emitted whose change time equals the watermark. */
	seenAtWatermark?: Array<string | number>;
}

export function changeTime(record: IDataObject, field: string): number | undefined {
	const value = record[field];
	if (typeof value !== 'string') return undefined;
	const parsed = DateTime.fromISO(value, { setZone: true, zone: 'Asia/Tokyo' });
	return parsed.isValid ? parsed.toMillis() : undefined;
}

/** A filter value in Japan time, as the reference's examples write it. */
export function filterTime(epochMs: number, withOffset: boolean): string {
	const jst = DateTime.fromMillis(epochMs, { zone: 'Asia/Tokyo' });
	return withOffset ? jst.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : jst.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/**
 * Decides, record by record, what a poll emits: skips what was emitted at the watermark instant
 * and anything already met in this poll (lists shift while they are paged), and moves the
 * watermark to the newest change emitted.
 */
export class ChangeLedger {
	readonly emitted: IDataObject[] = [];
	private readonly metThisPoll = new Set<string>();
	private readonly seen: Set<string | number>;
	private newest: number;
	private atNewest: Set<string | number>;

	constructor(
		private readonly state: WatermarkState,
		private readonly timeField: string,
	) {
		this.seen = new Set(state.seenAtWatermark ?? []);
		this.newest = state.watermark ?? 0;
		this.atNewest = new Set(this.seen);
	}

	/** Offers one listed record; returns whether it is a change to emit. */
	offer(record: IDataObject): boolean {
		const time = changeTime(record, this.timeField);
		const id = record.id as string | number;
		if (time === undefined || id === undefined) return false;
		if (this.state.watermark !== undefined && time < this.state.watermark) return false;
		if (time === this.state.watermark && this.seen.has(id)) return false;
		const key = `${id}@${time}`;
		if (this.metThisPoll.has(key)) return false;
		this.metThisPoll.add(key);
		this.emitted.push(record);
		if (time > this.newest) {
			this.newest = time;
			this.atNewest = new Set([id]);
		} else if (time === this.newest) {
			this.atNewest.add(id);
		}
		return true;
	}

	/** The state to keep once the emitted records are handed to n8n. */
	nextState(source: string): WatermarkState {
		return { source, watermark: this.newest, seenAtWatermark: [...this.atNewest] };
	}
}
