import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { nextKeyPager, pagedRecords } from '@japan-saas/shared/engine/paging';
import {
	vendorResponseOf,
	type RequestContext,
	type RequestOptions,
} from '@japan-saas/shared/transport';

import type { CyzenEndpoint } from '../endpoints/schema';
import { cyzenRequest } from './request';
import { fromCyzenTime, toCyzenTime } from './times';
import { splitIntoWindows, utcDaysOf, type TimeRange } from './windows';

/** A day of a schedule list cyzen kept answering 500 for (spec §11.11): skipped, and said so. */
export interface SkippedDay {
	/** `YYYY-MM-DD` (UTC). */
	day: string;
	message: string;
}

export interface ListRun {
	context: RequestContext;
	endpoint: CyzenEndpoint;
	/** The query as cyzen reads it (UTC texts), without the window's own parameters. */
	qs: IDataObject;
	/** The range to cover; undefined sends no window parameters (cyzen's default window). */
	range?: TimeRange;
	options?: RequestOptions;
	/** Filled with the days a degrading list skipped. */
	skippedDays: SkippedDay[];
}

const cyzenPager = nextKeyPager<CyzenEndpoint>();

/** Every page of one request, forwarding every `next_*` key cyzen returns (spec §7, §11.4, §11.6). */
function pagesOf(run: ListRun, qs: IDataObject): AsyncGenerator<IDataObject> {
	return pagedRecords(cyzenPager, {
		endpoint: run.endpoint,
		request: { path: run.endpoint.path, qs, body: {}, pathValues: {} },
		limit: { returnAll: true },
		send: async (request) => await cyzenRequest(run.context, request, requestOptionsOf(run)),
	});
}

/**
 * A list that degrades day by day (schedules) takes a 500 as cyzen's data fault on some days,
 * not as a passing failure: the day-by-day fallback is its retry, so the shared transport
 * neither repeats a 500 nor pauses the key for the days still to be asked. Every other failure
 * (a refusal, a dropped connection, a timeout, an unreadable answer) is retried as on any list.
 */
function requestOptionsOf(run: ListRun): RequestOptions | undefined {
	if (!run.endpoint.window?.degradeByDay) return run.options;
	return { ...run.options, retry: { ...run.options?.retry, handledByCaller: [500] } };
}

function statusOf(error: unknown): number | undefined {
	return vendorResponseOf(error).status;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * One request's records; with a fallback query (`field=all`), sent first and, when cyzen answers
 * 400 naming it before any record came, asked once more without it (spec §9.2, §11.7).
 */
async function* withFallback(run: ListRun, qs: IDataObject): AsyncGenerator<IDataObject> {
	const extra = run.endpoint.fallbackQuery;
	if (!extra) {
		yield* pagesOf(run, qs);
		return;
	}
	let yielded = false;
	let failure: unknown;
	try {
		for await (const record of pagesOf(run, { ...qs, ...extra })) {
			yielded = true;
			yield record;
		}
		return;
	} catch (error) {
		failure = error;
	}
	const refusesIt =
		statusOf(failure) === 400 &&
		Object.keys(extra).some((name) => messageOf(failure).includes(name));
	if (yielded || !refusesIt) throw failure;
	yield* pagesOf(run, qs);
}

function windowQuery(run: ListRun, window: TimeRange): IDataObject {
	const rule = run.endpoint.window;
	if (!rule) return run.qs;
	return { ...run.qs, [rule.from]: toCyzenTime(window.from), [rule.to]: toCyzenTime(window.to) };
}

/**
 * One window's records. A schedule window answering 500 (a data fault on cyzen's side on some
 * days, spec §6) is asked again day by day; a day that still fails is skipped and recorded.
 */
async function* windowRecords(
	run: ListRun,
	window: TimeRange | undefined,
): AsyncGenerator<IDataObject> {
	const qs = window ? windowQuery(run, window) : run.qs;
	if (!window || !run.endpoint.window?.degradeByDay) {
		yield* withFallback(run, qs);
		return;
	}
	let failure: unknown;
	try {
		yield* withFallback(run, qs);
		return;
	} catch (error) {
		failure = error;
	}
	if (statusOf(failure) !== 500) throw failure;
	for (const day of utcDaysOf(window)) {
		let dayFailure: unknown;
		try {
			yield* withFallback(run, windowQuery(run, day));
		} catch (error) {
			dayFailure = error;
		}
		if (dayFailure === undefined) continue;
		if (statusOf(dayFailure) !== 500) throw dayFailure;
		run.skippedDays.push({
			day: day.from.toUTC().toISODate() ?? '',
			message: messageOf(dayFailure),
		});
	}
}

function idOf(endpoint: CyzenEndpoint, record: IDataObject): string | undefined {
	if (!endpoint.idKeys?.length) return undefined;
	const parts = endpoint.idKeys.map((key) => record[key]);
	return parts.some((part) => part === undefined || part === null)
		? undefined
		: parts.join('\u0000');
}

/** Whether a record passes the filters cyzen ignores (report_definition_id, spec §11.3). */
function passesClientFilters(
	endpoint: CyzenEndpoint,
	qs: IDataObject,
	record: IDataObject,
): boolean {
	return (endpoint.clientFilters ?? []).every((name) => {
		const wanted = qs[name];
		if (wanted === undefined || wanted === null || wanted === '') return true;
		const allowed = String(wanted).split(',');
		return allowed.includes(String(record[name] ?? ''));
	});
}

/**
 * Every record of a cyzen list over a range: split into the endpoint's windows (none overlapping,
 * none missing), every page of each, de-duplicated by id (a record edited while the list runs
 * may show in two windows; the first is kept), filtered by what cyzen ignores. Lazy: stop
 * iterating and no further page is asked for.
 */
export async function* listRecords(run: ListRun): AsyncGenerator<IDataObject> {
	const { endpoint } = run;
	const windows =
		run.range && endpoint.window ? splitIntoWindows(run.range, endpoint.window.days) : [undefined];
	const seen = new Set<string>();
	for (const window of windows) {
		for await (const record of windowRecords(run, window)) {
			if (!passesClientFilters(endpoint, run.qs, record)) continue;
			const id = idOf(endpoint, record);
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			yield record;
		}
	}
}

/** Why a user's range cannot be sent, naming the parameter (thrown before any request). */
export class RangeRefused extends Error {
	constructor(
		readonly parameter: string,
		message: string,
	) {
		super(message);
	}
}

/**
 * Takes a windowed endpoint's range out of a built query (UTC texts): both bounds as given; only
 * `from`: up to now; only `to`: one window before it; neither: no range (cyzen's default).
 */
export function rangeOfQuery(
	endpoint: CyzenEndpoint,
	qs: IDataObject,
	now: DateTime = DateTime.utc(),
): { qs: IDataObject; range?: TimeRange } {
	const rule = endpoint.window;
	if (!rule) return { qs };
	const { [rule.from]: fromText, [rule.to]: toText, ...rest } = qs;
	if (fromText === undefined && toText === undefined) return { qs: rest };
	const from = fromText === undefined ? undefined : fromCyzenTime(fromText);
	const to = toText === undefined ? undefined : fromCyzenTime(toText);
	if (fromText !== undefined && !from)
		throw new RangeRefused(rule.from, `${rule.from} is not a date`);
	if (toText !== undefined && !to) throw new RangeRefused(rule.to, `${rule.to} is not a date`);
	const end = to ?? now.toUTC().startOf('second');
	const start = from ?? end.minus({ days: rule.days }).plus({ seconds: 1 });
	if (start > end) throw new RangeRefused(rule.to, `${rule.to} is before ${rule.from}`);
	return { qs: rest, range: { from: start, to: end } };
}
