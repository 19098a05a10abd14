import { DateTime } from 'luxon';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { RequestOptions } from '@japan-saas/shared/transport';
import { OverlapLedger, type OverlapState } from '@japan-saas/shared/polling/overlap-ledger';

import { listCyzenChanges } from '../transport';
import { DAY, SECOND, type WatchedObject } from './sources';

export interface PollSettings {
	source: WatchedObject;
	/** Reports only: cyzen accepts `report_definition_id` but does not filter by it (quirk 3). */
	reportDefinitionId?: string;
	/** Schedules: the rolling range of start dates read, behind and ahead of now. */
	scheduleDaysBack: number;
	scheduleDaysAhead: number;
	request: RequestOptions;
}

/** One request's date window, both ends inclusive, whole seconds. */
export interface Span {
	from: number;
	to: number;
}

/**
 * A state whose window start lies further back than this after a complete read is moved up to it:
 * a record visible a day late is far beyond any overlap, and an idle trigger then keeps reading one
 * window per poll however long nothing changed.
 */
const QUIET_FLOOR_MS = DAY;

/**
 * The windows a poll reads, each at most the endpoint's span (spec §5 "split automatically").
 * Change-time lists: from the ledger's start up to now — one window on an idle poll. Schedules: the
 * rolling start-date range (also reaching back to the ledger's start, which covers the update
 * times in the other reading of the schedule window). A window may end in the future: cyzen's
 * clock can run ahead of n8n's.
 */
export function windowsFor(settings: PollSettings, readFrom: number, now: number): Span[] {
	const { source } = settings;
	const [start, end] =
		source.windowOn === 'change'
			? // At least the window from the ledger's start, also when that lies ahead of n8n's clock.
				[readFrom, Math.max(readFrom, now) + SECOND]
			: [
					Math.min(readFrom, now - settings.scheduleDaysBack * DAY),
					now + settings.scheduleDaysAhead * DAY,
				];
	const spans: Span[] = [];
	const second = (ms: number) => Math.floor(ms / SECOND) * SECOND;
	for (let from = second(start); from < second(end); from += source.maxSpanMs) {
		spans.push({ from, to: from + source.maxSpanMs - SECOND });
	}
	return spans;
}

/**
 * Reads one span through the transport (every page, every `next_*` key, errors inside HTTP 200,
 * the report-definition filter cyzen ignores, schedule days that keep answering 500 skipped).
 * Skipped days are told in n8n's log: their changes cannot be read until cyzen serves them.
 */
async function readSpan(
	context: IPollFunctions,
	settings: PollSettings,
	span: Span,
	take: (record: IDataObject) => void,
): Promise<void> {
	const { source, reportDefinitionId } = settings;
	const { records, skippedDays } = await listCyzenChanges(
		context,
		source.list,
		{
			from: DateTime.fromMillis(span.from, { zone: 'utc' }),
			to: DateTime.fromMillis(span.to, { zone: 'utc' }),
		},
		{
			query: {
				...source.fixedQuery,
				...(reportDefinitionId ? { report_definition_id: reportDefinitionId } : {}),
			},
			options: settings.request,
		},
	);
	for (const { day, message } of skippedDays) {
		context.logger.warn(
			`cyzen Trigger: schedules of ${day} (UTC) skipped, cyzen answered: ${message}`,
		);
	}
	for (const record of records) take(record);
}

function offerTo(ledger: OverlapLedger<IDataObject>, settings: PollSettings, record: IDataObject) {
	const { source } = settings;
	const id = record[source.idField];
	const time = source.changeTime(record);
	if ((typeof id === 'string' || typeof id === 'number') && time !== undefined) {
		ledger.offer(id, time, record);
	}
}

/** Offers the ledger every change from its window start on (each window, every page). */
export async function pollChanges(
	context: IPollFunctions,
	settings: PollSettings,
	ledger: OverlapLedger<IDataObject>,
	now: number,
): Promise<void> {
	for (const span of windowsFor(settings, ledger.from, now)) {
		await readSpan(context, settings, span, (record) => offerTo(ledger, settings, record));
	}
}

/** The state to keep after a complete read at `now`: the ledger's, its start at most a day back. */
export function stateAfter(
	ledger: OverlapLedger<IDataObject>,
	now: number,
): Required<OverlapState> {
	const next = ledger.nextState();
	const readFrom = Math.max(next.readFrom, now - QUIET_FLOOR_MS);
	const seen: Record<string, number> = {};
	for (const [id, time] of Object.entries(next.seen)) if (time >= readFrom) seen[id] = time;
	return { readFrom, seen };
}

/**
 * The state of a freshly activated trigger: it reads from the overlap behind now, and whatever is
 * visible in that window now is history, not to be replayed.
 */
export async function activationState(
	context: IPollFunctions,
	settings: PollSettings,
	overlapMs: number,
	now: number,
): Promise<Required<OverlapState>> {
	const ledger = new OverlapLedger<IDataObject>({ readFrom: now - overlapMs, seen: {} }, overlapMs);
	await pollChanges(context, settings, ledger, now);
	return stateAfter(ledger, now);
}

/** The newest changes of the last day, newest first, for the editor's "Fetch Test Event". */
export async function recentChanges(
	context: IPollFunctions,
	settings: PollSettings,
	now: number,
	count: number,
): Promise<IDataObject[]> {
	const ledger = new OverlapLedger<IDataObject>({ readFrom: now - DAY, seen: {} }, 0);
	await pollChanges(context, settings, ledger, now);
	return ledger.emitted().reverse().slice(0, count);
}
