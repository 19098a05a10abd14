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

export function fingerprintsOf(records: IDataObject[]): Fingerprints {
	const fingerprints: Fingerprints = {};
	for (const record of records) fingerprints[String(record.id)] = String(record.updated_at ?? '');
	return fingerprints;
}

/** Records new since `previous`, or whose `updated_at` moved, oldest change first. */
export function changesSince(previous: Fingerprints, records: IDataObject[]): RecordChange[] {
	const changes: RecordChange[] = [];
	for (const record of records) {
		const before = previous[String(record.id)];
		if (before === undefined) changes.push({ record, event: 'created' });
		else if (before !== String(record.updated_at ?? '')) changes.push({ record, event: 'updated' });
	}
	const time = (change: RecordChange) => vendorTimeMs(change.record.updated_at) ?? 0;
	return changes.sort(
		(a, b) =>
			time(a) - time(b) ||
			String(a.record.id).localeCompare(String(b.record.id), undefined, { numeric: true }),
	);
}
