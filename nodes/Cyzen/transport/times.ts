import { DateTime, FixedOffsetZone } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

/** [public code] PC1, PC2, PC3: every cyzen timestamp is UTC written without a zone suffix. */
export const CYZEN_TIME_LAYOUT = "yyyy-MM-dd'T'HH:mm:ss";
export const CYZEN_ZONE = 'UTC';

const CYZEN_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** An instant as cyzen writes it: `2026-10-08T08:48:27` (UTC, no suffix). */
export function toCyzenTime(instant: DateTime): string {
	return instant.setZone(CYZEN_ZONE).toFormat(CYZEN_TIME_LAYOUT);
}

/**
 * A cyzen timestamp as an instant; undefined for anything else. Read as ISO 8601 once the pattern
 * has matched (the same instant as the layout gives): every timestamp of every record goes
 * through here, and luxon's ISO parser is about ten times cheaper than its format parser.
 */
export function fromCyzenTime(text: unknown): DateTime | undefined {
	if (typeof text !== 'string' || !CYZEN_TIMESTAMP.test(text)) return undefined;
	const instant = DateTime.fromISO(text, { zone: CYZEN_ZONE });
	return instant.isValid ? instant : undefined;
}

/** How the node writes cyzen's timestamps on its output. */
export type OutputZone = 'UTC' | 'Asia/Tokyo';

/**
 * Japan has kept +09:00 all year since 1951, so a fixed offset writes the same text as Asia/Tokyo
 * without asking Intl for the zone's offset on every timestamp (most of the cost of a large list).
 */
const JAPAN_TIME = FixedOffsetZone.instance(9 * 60);

function convert(value: unknown, zone: OutputZone): unknown {
	if (Array.isArray(value)) return value.map((entry) => convert(entry, zone));
	if (value && typeof value === 'object') return withIsoTimes(value as IDataObject, zone);
	const instant = fromCyzenTime(value);
	if (!instant) return value;
	return zone === 'UTC'
		? instant.toUTC().toISO({ suppressMilliseconds: true })
		: instant.setZone(JAPAN_TIME).toISO({ suppressMilliseconds: true });
}

/**
 * A record with every cyzen timestamp (at any depth) written as ISO 8601: `…Z` in UTC or
 * `…+09:00` in Japan time, the time users see in cyzen's screens. Other values are untouched.
 */
export function withIsoTimes(record: IDataObject, zone: OutputZone = 'UTC'): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) out[key] = convert(value, zone) as IDataObject;
	return out;
}

/**
 * [public code] PC1: histories and tracking positions carry `create_at` (sic) beside
 * `updated_at`; other objects `created_at`. Either, as written by cyzen.
 */
export function createdAtOf(record: IDataObject): string | undefined {
	const value = record.created_at ?? record.create_at;
	return typeof value === 'string' ? value : undefined;
}

/** The record with `created_at` added where cyzen wrote only `create_at` (kept as well). */
export function withCreatedAt(record: IDataObject): IDataObject {
	if (record.created_at !== undefined || record.create_at === undefined) return record;
	return { ...record, created_at: record.create_at };
}
