import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { inJapan, vendorTimeMs } from '@japan-saas/shared/dates';

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
	return vendorTimeMs(record[field]);
}

/** A filter value in Japan time, as the reference's examples write it. */
export function filterTime(epochMs: number, withOffset: boolean): string {
	return inJapan(
		DateTime.fromMillis(epochMs),
		withOffset ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss",
	);
}

/**
 * Decides, record by record, what a poll emits: skips what was emitted at the watermark instant
 * and anything already met in this poll (lists shift while they are paged), and moves the
 * watermark to the newest change emitted.
 */
export class ChangeLedger {
	/** Latest change per record met in this poll, in the order first met. */
	private readonly latest = new Map<string | number, { record: IDataObject; time: number }>();
	private readonly seen: Set<string | number>;

	constructor(
		private readonly state: WatermarkState,
		private readonly timeField: string,
	) {
		this.seen = new Set(state.seenAtWatermark ?? []);
	}

	/**
	 * Offers one listed record. A record met twice in one poll (edited while we paged) is emitted
	 * once, in its newest state, so a downstream sync writes it once.
	 */
	offer(record: IDataObject): void {
		const time = changeTime(record, this.timeField);
		const id = record.id as string | number;
		if (time === undefined || id === undefined) return;
		if (this.state.watermark !== undefined && time < this.state.watermark) return;
		if (time === this.state.watermark && this.seen.has(id)) return;
		const known = this.latest.get(id);
		if (known && known.time >= time) return;
		if (known) this.latest.delete(id);
		this.latest.set(id, { record, time });
	}

	get size(): number {
		return this.latest.size;
	}

	/** The changes to emit, oldest first. */
	get emitted(): IDataObject[] {
		return [...this.latest.values()]
			.sort(
				(a, b) =>
					a.time - b.time ||
					String(a.record.id).localeCompare(String(b.record.id), undefined, { numeric: true }),
			)
			.map((entry) => entry.record);
	}

	/** The state to keep once the emitted records are handed to n8n. */
	nextState(source: string): WatermarkState {
		let newest = this.state.watermark ?? 0;
		for (const { time } of this.latest.values()) newest = Math.max(newest, time);
		const atNewest = new Set<string | number>(newest === this.state.watermark ? this.seen : []);
		for (const [id, { time }] of this.latest) if (time === newest) atNewest.add(id);
		return { source, watermark: newest, seenAtWatermark: [...atNewest] };
	}
}
