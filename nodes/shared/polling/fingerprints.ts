import type { IDataObject } from 'n8n-workflow';

import { vendorTimeMs } from '../dates';

/**
 * Record id → its `updated_at` as last seen. For APIs that cannot list "changed since", a trigger
 * reads a whole list (or a window of it) and compares; this map is all it keeps, one short entry
 * per record in the list, so the state is bounded by the list itself.
 */
export type Fingerprints = Record<string, string>;

export interface RecordChange {
	record: IDataObject;
	event: 'created' | 'updated';
}

const changeTime = (record: IDataObject) => vendorTimeMs(record.updated_at) ?? 0;

/**
 * One entry per id, the newest `updated_at` winning: a list that shifts while it is paged hands
 * the same record out twice.
 */
export function latestById(records: IDataObject[]): IDataObject[] {
	const latest = new Map<string, IDataObject>();
	for (const record of records) {
		const id = String(record.id);
		const known = latest.get(id);
		if (!known || changeTime(record) >= changeTime(known)) latest.set(id, record);
	}
	return [...latest.values()];
}

export function fingerprintsOf(records: IDataObject[]): Fingerprints {
	const fingerprints: Fingerprints = {};
	for (const record of latestById(records)) {
		fingerprints[String(record.id)] = String(record.updated_at ?? '');
	}
	return fingerprints;
}

/** Records new since `previous`, or whose `updated_at` moved, each once, oldest change first. */
export function changesSince(previous: Fingerprints, records: IDataObject[]): RecordChange[] {
	const changes: Array<RecordChange & { time: number }> = [];
	for (const record of latestById(records)) {
		const before = previous[String(record.id)];
		const event =
			before === undefined
				? 'created'
				: before !== String(record.updated_at ?? '')
					? 'updated'
					: undefined;
		if (event) changes.push({ record, event, time: changeTime(record) });
	}
	return changes
		.sort(
			(a, b) =>
				a.time - b.time ||
				String(a.record.id).localeCompare(String(b.record.id), undefined, { numeric: true }),
		)
		.map(({ record, event }) => ({ record, event }));
}
