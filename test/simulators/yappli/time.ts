import { DateTime, FixedOffsetZone } from 'luxon';

/** Japan has no DST; a fixed +09:00 zone formats exactly like Asia/Tokyo. */
const JST = FixedOffsetZone.instance(9 * 60);
const DAY_MS = 86_400_000;

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function truncateToSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

/**
 * DateTime output: `YYYY-MM-DD HH:MM:SS` in Japan time, no offset. [proposed] The document writes
 * input layouts with Go's reference time (`2006-01-02 15:04:05`) and shows no output sample.
 */
export function formatDateTime(ms: number): string {
	return DateTime.fromMillis(ms, { zone: JST }).toFormat('yyyy-LL-dd HH:mm:ss');
}

export function formatDateTimeOrNull(ms: number | null): string | null {
	return ms === null ? null : formatDateTime(ms);
}

/** Date output (`point_used_at`, `point_expired_at`): `YYYY-MM-DD`, the Japan calendar date. */
export function formatDate(ms: number): string {
	return DateTime.fromMillis(ms, { zone: JST }).toFormat('yyyy-LL-dd');
}

/** `YYYY-MM-DD HH:MM:SS` (Japan time) → epoch ms; anything else, or no such instant → undefined. */
export function parseDateTime(text: string): number | undefined {
	if (!DATE_TIME.test(text)) return undefined;
	const dt = DateTime.fromFormat(text, 'yyyy-LL-dd HH:mm:ss', { zone: JST });
	return dt.isValid ? dt.toMillis() : undefined;
}

/** `YYYY-MM-DD` → epoch ms of 00:00:00 Japan time that day; undefined when not a real date. */
export function parseDate(text: string): number | undefined {
	if (!DATE.test(text)) return undefined;
	const dt = DateTime.fromFormat(text, 'yyyy-LL-dd', { zone: JST });
	return dt.isValid ? dt.toMillis() : undefined;
}

/** 00:00:00 Japan time of the day holding `ms`. */
export function startOfJapanDay(ms: number): number {
	return DateTime.fromMillis(ms, { zone: JST }).startOf('day').toMillis();
}

/** 23:59:59 Japan time of the day holding `ms`: how expiry dates are stored (vendor doc). */
export function endOfJapanDay(ms: number): number {
	return startOfJapanDay(ms) + DAY_MS - 1000;
}

export function addDays(ms: number, days: number): number {
	return ms + days * DAY_MS;
}

export const DAY = DAY_MS;
