import { SimHttpError } from '../../kit/simulator';
import { ERR, errorsBody, invalidParameter } from './errors';
import type { Params } from './params';
import { parseUtc } from './time';

/** "1リクエストあたり200件まで" [vendor doc]. */
export const PAGE_SIZE = 200;

/** One key of a cursor: the query parameter that carries it and the record field it reads. */
export interface CursorKey<T> {
	param: string;
	value(row: T): string;
	/** The value is a UTC timestamp: a malformed one is a 400. */
	time?: boolean;
}

export interface Cursor<T> {
	keys: Array<CursorKey<T>>;
	/** Orders rows whose keys are equal (a single time key leaves ties). */
	tieBreak?(row: T): string;
}

export interface Page<T> {
	items: T[];
	/** The `next_*` keys to echo for the next page; empty on the last page. */
	next: Record<string, string>;
}

function compareTuples(a: string[], b: string[]): number {
	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
	}
	return 0;
}

/**
 * Keyset pagination as cyzen answers it (spec §7): at most 200 rows in cursor order; when more
 * exist, the `next_*` keys hold the key values of the first row of the next page [proposed
 * reading], and a request carrying them starts at the first row whose keys are ≥ those values.
 * A cursor of several keys (`/reports`) must be sent whole, else 400/40000 [public code]. With a
 * single time key (`next_history_created_at`, `next_start_date`) rows sharing the boundary second
 * come again on the next page; clients de-duplicate by id (spec §5).
 */
export function paginate<T>(rows: T[], cursor: Cursor<T>, params: Params): Page<T> {
	// Sort keys computed once per row: lists of 10,000 rows are sorted on every page.
	const keyed = rows.map((row) => ({
		row,
		keys: cursor.keys.map((key) => key.value(row)),
		tie: cursor.tieBreak?.(row) ?? '',
	}));
	keyed.sort((a, b) => compareTuples(a.keys, b.keys) || compareTuples([a.tie], [b.tie]));
	const sorted = keyed.map((entry) => entry.row);
	let start = 0;
	let from: string[] | undefined;
	if (cursor.keys.some((key) => params.string(key.param) !== undefined)) {
		// Once any key is sent, every key must be, non-empty (a missing one names itself).
		from = cursor.keys.map((key) => {
			const value = params.string(key.param) ?? '';
			if (value === '' || (key.time && parseUtc(value) === undefined)) invalidParameter(key.param);
			return value;
		});
		const at = keyed.findIndex((entry) => compareTuples(entry.keys, from ?? []) >= 0);
		start = at < 0 ? sorted.length : at;
	}
	const items = sorted.slice(start, start + PAGE_SIZE);
	if (start + PAGE_SIZE >= sorted.length) return { items, next: {} };
	const nextTuple = keyed[start + PAGE_SIZE].keys;
	if (from && compareTuples(nextTuple, from) === 0) {
		// More than 200 rows share one cursor value: a client following the cursor would loop.
		// The seed and the generators never produce this; say so instead of answering wrongly.
		throw new SimHttpError(
			500,
			errorsBody(
				ERR.internal,
				`simulator limitation: over ${PAGE_SIZE} rows share one cursor value`,
			),
		);
	}
	return {
		items,
		next: Object.fromEntries(cursor.keys.map((key, i) => [key.param, nextTuple[i]])),
	};
}

/** The cursor of most lists: `next_<object>_id` over the object's id (spec §7, §10.1). */
export function idCursor<T>(param: string, id: (row: T) => string): Cursor<T> {
	return { keys: [{ param, value: id }] };
}

/** A list answer: `{ "<listKey>": [...], "next_…": "…" }`, the cursor keys only when more exist. */
export function listBody<T, J>(
	listKey: string,
	page: Page<T>,
	serialize: (row: T) => J,
): Record<string, unknown> {
	return { [listKey]: page.items.map(serialize), ...page.next };
}
