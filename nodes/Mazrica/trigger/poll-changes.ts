import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { fetchListPage } from '../transport/list-page';
import type { TriggerSource } from './sources';
import { ChangeLedger, changeTime, filterTime, type WatermarkState } from './watermark';

export interface PollSettings {
	source: TriggerSource;
	path: string;
	signature: string;
	maxRequestsPerSecond?: number;
	/** Sortable sources stop after this many changes and go on from there at the next poll. */
	maxRecordsPerPoll: number;
}

function queryFor(
	settings: PollSettings,
	from: number,
	page: number,
	ascending: boolean,
): IDataObject {
	const { source } = settings;
	return {
		...source.fixedQuery,
		[source.fromParam]: filterTime(from, source.fromParam === 'startTime'),
		page,
		...(ascending ? { sort: `${source.timeField},id` } : {}),
	};
}

/**
 * Reads every change since the watermark. Sortable lists are read oldest first and keyset-paged
 * (each request starts at the newest time already read), so records changing while we page move
 * behind the cursor instead of shifting a page boundary past an unread record. Other lists come
 * newest first: they are paged to the end, duplicates from shifting are dropped by the ledger.
 */
export async function pollChanges(
	context: IPollFunctions,
	settings: PollSettings,
	state: WatermarkState,
): Promise<ChangeLedger> {
	const { source } = settings;
	const options = { maxRequestsPerSecond: settings.maxRequestsPerSecond };
	const ledger = new ChangeLedger(state, source.timeField);
	const from = state.watermark as number;

	if (source.sortableByUpdatedAt) {
		let cursor = from;
		let page = 1;
		for (;;) {
			const { items } = await fetchListPage(
				context,
				settings.path,
				source.listKey,
				queryFor(settings, cursor, page, true),
				options,
			);
			for (const record of items) {
				ledger.offer(record);
				if (ledger.size >= settings.maxRecordsPerPoll) return ledger;
			}
			if (items.length < source.pageSize) return ledger;
			const last = changeTime(items[items.length - 1], source.timeField) ?? cursor;
			// A whole page inside one second: move to the next page of that second, else re-anchor.
			if (last <= cursor) page += 1;
			else {
				cursor = last;
				page = 1;
			}
		}
	}

	for (let page = 1; ; page++) {
		const { items, totalCount } = await fetchListPage(
			context,
			settings.path,
			source.listKey,
			queryFor(settings, from, page, false),
			options,
		);
		for (const record of items) ledger.offer(record);
		if (items.length < source.pageSize) break;
		if (totalCount !== undefined && page * source.pageSize >= totalCount) break;
	}
	return ledger;
}

/** The newest records, for the editor's "Fetch Test Event" and for the first activation. */
export async function newestRecords(
	context: IPollFunctions,
	settings: PollSettings,
): Promise<IDataObject[]> {
	const { source } = settings;
	const qs: IDataObject = {
		...source.fixedQuery,
		page: 1,
		...(source.sortableByUpdatedAt ? { sort: `-${source.timeField}` } : {}),
	};
	const { items } = await fetchListPage(context, settings.path, source.listKey, qs, {
		maxRequestsPerSecond: settings.maxRequestsPerSecond,
	});
	return items;
}
