import { DateTime } from 'luxon';

/**
 * cyzen writes every timestamp in UTC as `YYYY-MM-DDThh:mm:ss`, without `Z` or offset, in requests
 * and responses (spec §5, [public code] PC1, PC2, PC3). Stored timestamps keep that text: its fixed
 * width makes string order the time order, so filters and cursors compare strings.
 */
export type UtcText = string;

const UTC_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UTC_FORMAT = "yyyy-LL-dd'T'HH:mm:ss";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

// Looked up once: the seed formats tens of thousands of times, and in Jest's vm context every
// access to a global (`Date`, `Math`) is slow.
const UtcDate = Date;
const floor = Math.floor;

/** Epoch ms → UTC text, seconds truncated (ISO 8601 in UTC without milliseconds and `Z`). */
export function formatUtc(ms: number): UtcText {
	return new UtcDate(floor(ms / SECOND) * SECOND).toISOString().slice(0, 19);
}

/**
 * `YYYY-MM-DDThh:mm:ss` (UTC) → epoch ms; anything else (a `Z` or offset suffix, a date alone, a
 * space instead of `T`, no such instant) → undefined. [proposed] The API's tolerance for other
 * spellings is not published; the simulator is strict so a client that drifts is caught.
 */
export function parseUtc(text: string): number | undefined {
	if (!UTC_TEXT.test(text)) return undefined;
	const dt = DateTime.fromFormat(text, UTC_FORMAT, { zone: 'utc' });
	return dt.isValid ? dt.toMillis() : undefined;
}

export function startOfUtcDay(ms: number): number {
	return floor(ms / DAY) * DAY;
}

export function truncateToSecond(ms: number): number {
	return floor(ms / SECOND) * SECOND;
}
