import { DateTime, FixedOffsetZone } from 'luxon';

/** Japan has kept UTC+9 without DST since 1951; every RODEM timestamp carries `+09:00`. */
export const JST = FixedOffsetZone.instance(9 * 60);
export const DAY_MS = 86_400_000;

/** `2016-12-14T13:10:22.470+09:00`, as in the vendor's JSON example (milliseconds kept). */
export function toIso(ms: number): string {
	return DateTime.fromMillis(ms, { zone: JST }).toISO() ?? '';
}

/** `2016-09-30 13:56:00`, as in the vendor's field table. */
export function toTable(ms: number): string {
	return DateTime.fromMillis(ms, { zone: JST }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** The Japan calendar date of an instant, `YYYY-MM-DD`. */
export function japanDate(ms: number): string {
	return DateTime.fromMillis(ms, { zone: JST }).toISODate() ?? '';
}

/** Epoch ms of a Japan wall-clock time on `date` (`YYYY-MM-DD`). */
export function japanInstant(
	date: string,
	hour = 0,
	minute = 0,
	second = 0,
	millisecond = 0,
): number {
	const [year, month, day] = date.split('-').map(Number);
	return DateTime.fromObject(
		{ year, month, day, hour, minute, second, millisecond },
		{ zone: JST },
	).toMillis();
}

/** `YYYY-MM-DD`, a real calendar date. */
export function isIsoDate(text: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: JST }).isValid;
}

/**
 * The query format `yyyymmdd` (vendor doc) → `YYYY-MM-DD`, or undefined when it is not exactly
 * eight digits naming a real calendar date.
 */
export function parseYyyymmdd(text: string): string | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
	if (!m) return undefined;
	const iso = `${m[1]}-${m[2]}-${m[3]}`;
	return isIsoDate(iso) ? iso : undefined;
}

/** `YYYY-MM-DD` plus whole days. */
export function addDays(date: string, days: number): string {
	return japanDate(japanInstant(date) + days * DAY_MS);
}

/** Day of week of a `YYYY-MM-DD`, 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
	return DateTime.fromISO(date, { zone: JST }).weekday;
}

/** The last day of the month of `date`. */
export function endOfMonth(date: string): string {
	return DateTime.fromISO(date, { zone: JST }).endOf('month').toISODate() ?? '';
}
