import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	anchorAt,
	OverlapLedger,
	type OverlapState,
} from '@japan-saas/shared/polling/overlap-ledger';

import { fetchListPage, type MazricaPage } from '../transport/list-page';
import type { TriggerSource } from './sources';
import { changeTime, filterTime, SECOND } from './times';

export interface PollSettings {
	source: TriggerSource;
	path: string;
	signature: string;
	maxRequestsPerSecond?: number;
	/** Lists read oldest first stop after this many changes and go on from there at the next poll. */
	maxRecordsPerPoll: number;
}

/** Change times [vendor doc] are inclusive on both ends; `to` absent means "up to now". */
interface Bounds {
	from: number;
	to?: number;
}

/** Re-reads of one second whose record count moved while it was paged, before leaving it to the overlap. */
const SECOND_ATTEMPTS = 3;

/** Takes one record; false once the poll has taken enough. */
type Take = (record: IDataObject) => boolean;

function listPage(
	context: IPollFunctions,
	settings: PollSettings,
	bounds: Bounds,
	page: number,
	ascending: boolean,
): Promise<MazricaPage> {
	const { source } = settings;
	const withOffset = source.fromParam === 'startTime';
	const qs: IDataObject = {
		...source.fixedQuery,
		[source.fromParam]: filterTime(bounds.from, withOffset),
		...(bounds.to === undefined ? {} : { [source.toParam]: filterTime(bounds.to, withOffset) }),
		page,
		...(ascending ? { sort: `${source.timeField},id` } : {}),
	};
	return fetchListPage(context, settings.path, source.listKey, qs, {
		maxRequestsPerSecond: settings.maxRequestsPerSecond,
	});
}

/** Oldest and newest change time on a page (undefined when no record carries one). */
function span(items: IDataObject[], field: string): [number, number] | undefined {
	const times = items
		.map((record) => changeTime(record, field))
		.filter((time): time is number => time !== undefined);
	return times.length ? [Math.min(...times), Math.max(...times)] : undefined;
}

/**
 * Reads every record of one second, page by page. A record leaving that second (edited, deleted)
 * or entering it while the trigger pages shifts the page boundaries and could hide a record, so
 * when the count the list reports moves between pages the second is read again from page 1. Ties
 * inside a second keep the list's order (documented `id` tie-breaker when sorted).
 */
async function readSecond(
	context: IPollFunctions,
	settings: PollSettings,
	second: number,
	ascending: boolean,
	take: Take,
): Promise<boolean> {
	const { pageSize } = settings.source;
	for (let attempt = 1; attempt <= SECOND_ATTEMPTS; attempt++) {
		let firstCount: number | undefined;
		let moved = false;
		for (let page = 1; ; page++) {
			const { items, totalCount } = await listPage(
				context,
				settings,
				{ from: second, to: second },
				page,
				ascending,
			);
			for (const record of items) if (!take(record)) return false;
			if (page === 1) firstCount = totalCount;
			else if (totalCount !== firstCount) moved = true;
			if (items.length < pageSize) break;
			if (totalCount !== undefined && page * pageSize >= totalCount) break;
		}
		// Still moving after the last attempt: the next poll's overlap window reads this second again.
		if (!moved) return true;
	}
	return true;
}

/**
 * Reads every change from `from` on, keyset-paged: each request starts where the previous page
 * ended (its newest time when reading oldest first, its oldest when reading newest first), never
 * at "page 2", so a record deleted or edited while the trigger pages cannot shift an unread one
 * past a page boundary. Only a whole page inside one second is paged by number (`readSecond`).
 *
 * - Oldest first (`sort=updatedAt,id`, customers, contacts, deals): a record edited while the
 *   trigger pages moves ahead of the cursor and is read later in the same poll.
 * - Newest first (the lists' default order; actions, custom objects and audits document no sort
 *   on the update time), bounded above by the to-filter: an edited record moves above the bound
 *   and the next poll reads it.
 */
async function readKeyset(
	context: IPollFunctions,
	settings: PollSettings,
	from: number,
	ascending: boolean,
	take: Take,
): Promise<void> {
	const { pageSize, timeField } = settings.source;
	for (let bounds: Bounds = { from }; ; ) {
		const { items } = await listPage(context, settings, bounds, 1, ascending);
		for (const record of items) if (!take(record)) return;
		const times = span(items, timeField);
		if (items.length < pageSize || !times) return;
		const [oldest, newest] = times;
		const edge = ascending ? newest : oldest;
		if (newest === oldest) {
			// A whole page inside one second: read that second, then go on past it.
			if (!(await readSecond(context, settings, edge, ascending, take))) return;
			bounds = ascending ? { from: edge + SECOND } : { from, to: edge - SECOND };
			if (bounds.to !== undefined && bounds.to < from) return;
		} else {
			bounds = ascending ? { from: edge } : { from, to: edge };
		}
	}
}

function offerTo(ledger: OverlapLedger<IDataObject>, source: TriggerSource, record: IDataObject) {
	const time = changeTime(record, source.timeField);
	const id = record.id as string | number | undefined;
	if (time !== undefined && id !== undefined) ledger.offer(id, time, record);
}

/**
 * Offers the ledger every change from its window start on. Lists read oldest first stop once
 * `maxRecords` changes are new; lists read newest first cannot stop early, as what is left unread
 * would be older than what is emitted.
 */
export async function pollChanges(
	context: IPollFunctions,
	settings: PollSettings,
	ledger: OverlapLedger<IDataObject>,
	maxRecords = settings.maxRecordsPerPoll,
): Promise<void> {
	const ascending = settings.source.sortableByUpdatedAt;
	await readKeyset(context, settings, ledger.from, ascending, (record) => {
		offerTo(ledger, settings.source, record);
		return !ascending || ledger.size < maxRecords;
	});
}

/**
 * The state of a freshly activated trigger: it reads from the overlap behind the newest change
 * that exists, and everything visible now inside that window is history, not to be replayed.
 */
export async function activationWindow(
	context: IPollFunctions,
	settings: PollSettings,
	overlapMs: number,
): Promise<OverlapState> {
	const { source } = settings;
	const newest = await newestRecords(context, settings);
	const times = newest
		.map((record) => changeTime(record, source.timeField))
		.filter((time): time is number => time !== undefined);
	const ledger = new OverlapLedger<IDataObject>(
		anchorAt(times.length ? Math.max(...times) : undefined, overlapMs),
		overlapMs,
	);
	for (const record of newest) offerTo(ledger, source, record);
	// The newest page covers the window unless the whole page lies inside it.
	if (newest.length >= source.pageSize && Math.min(...times) >= ledger.from) {
		await pollChanges(context, settings, ledger, Infinity);
	}
	return ledger.nextState();
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
