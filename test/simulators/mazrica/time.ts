import { DateTime, FixedOffsetZone } from 'luxon';

/** Mazrica answers in Japan time: `2018-04-01T10:30:00+09:00`. */
export const JAPAN_ZONE = 'Asia/Tokyo';
const JST_FIXED = FixedOffsetZone.instance(9 * 60);

/** Epoch ms → ISO 8601 with the Japan offset and no fraction, as in every vendor sample. */
export function toIso(ms: number): string {
	// Japan has kept UTC+9 without DST since 1951, so output uses luxon's fixed +09:00 zone, which
	// formats identically to Asia/Tokyo and is several times faster (a page can hold 1,000 deals).
	return (
		DateTime.fromMillis(truncateToSecond(ms), { zone: JST_FIXED }).toISO({
			suppressMilliseconds: true,
		}) ?? ''
	);
}

export function toIsoOrNull(ms: number | null): string | null {
	return ms === null ? null : toIso(ms);
}

/** Stored timestamps have whole seconds, like the seconds the API prints. */
export function truncateToSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{1,2}:?\d{2})?$/;

/**
 * Parses the date-time formats the document uses in filters and bodies (§3):
 * `2018-04-01T10:30:00`, `2019-01-01T09:00`, `2019-01-01T09:00+09:00`, `2018-04-01T10:30:00+900`
 * (the custom-object examples' malformed offset), `…+0900`, `…Z`.
 * A value without an offset is Japan time. A bare date `YYYY-MM-DD` is 00:00 Japan time [proposed].
 * Returns undefined when the text is not one of these; note that an unencoded `+` in a query
 * string arrives as a space and is therefore rejected [proposed], as a strict server would.
 */
export function parseDateTime(text: string): number | undefined {
	const m = DATE_TIME.exec(text.trim());
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, frac, offset] = m;
	let zone: string | FixedOffsetZone = JAPAN_ZONE;
	if (offset === 'Z') zone = FixedOffsetZone.utcInstance;
	else if (offset) {
		const o = /^([+-])(\d{1,2}):?(\d{2})$/.exec(offset);
		if (!o) return undefined;
		const hours = Number(o[2]);
		const minutes = Number(o[3]);
		if (hours > 14 || minutes > 59) return undefined;
		zone = FixedOffsetZone.instance((o[1] === '-' ? -1 : 1) * (hours * 60 + minutes));
	}
	const dt = DateTime.fromObject(
		{
			year: Number(y),
			month: Number(mo),
			day: Number(d),
			hour: h === undefined ? 0 : Number(h),
			minute: mi === undefined ? 0 : Number(mi),
			second: s === undefined ? 0 : Number(s),
			millisecond: frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0')),
		},
		{ zone },
	);
	return dt.isValid ? dt.toMillis() : undefined;
}

/** `YYYY-MM-DD`, a real calendar date. */
export function isDate(text: unknown): text is string {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	return DateTime.fromISO(text, { zone: JAPAN_ZONE }).isValid;
}

/** Japan-time calendar date of an instant plus whole days, as `YYYY-MM-DD`. */
export function japanDatePlusDays(ms: number, days: number): string {
	// No DST in Japan: a day is always 86,400,000 ms.
	return DateTime.fromMillis(ms + days * 86_400_000, { zone: JST_FIXED }).toISODate() ?? '';
}
