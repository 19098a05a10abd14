import { DateTime } from 'luxon';

/** Every vendor in this package keeps its times in Japan time. */
export const JAPAN_ZONE = 'Asia/Tokyo';

/**
 * Reads an n8n date value (ISO string with or without offset, "YYYY-MM-DD HH:mm:ss", luxon
 * DateTime, Date or epoch ms) as an instant. Offset-less strings are in the workflow's time zone,
 * which is what n8n's date picker means by them.
 */
export function toInstant(value: unknown, workflowZone: string): DateTime | undefined {
	let instant: DateTime | undefined;
	if (DateTime.isDateTime(value)) instant = value;
	else if (value instanceof Date) instant = DateTime.fromJSDate(value);
	else if (typeof value === 'number') instant = DateTime.fromMillis(value);
	else if (typeof value === 'string' && value.trim() !== '') {
		instant = DateTime.fromISO(value.trim().replace(' ', 'T'), {
			zone: workflowZone,
			setZone: true,
		});
		if (!instant.isValid) instant = DateTime.fromRFC2822(value, { zone: workflowZone });
	}
	return instant?.isValid ? instant : undefined;
}

/** The instant in Japan time, in a vendor's layout (luxon tokens). */
export function inJapan(instant: DateTime, layout: string): string {
	return instant.setZone(JAPAN_ZONE).toFormat(layout);
}

/** `YYYY-MM-DD[T ]HH:mm[:ss[.fff]]`, optionally with `Z` or `±HH:MM`: what the vendors print. */
const TIMESTAMP =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/;

/** A vendor timestamp (ISO 8601 or "YYYY-MM-DD HH:mm:ss[.SSS]", Japan time when no offset) as epoch ms. */
export function vendorTimeMs(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	// Triggers read this for every record of every poll, and luxon's time-zone lookup was most of
	// a poll's CPU: the vendors' forms are parsed natively. Japan has kept +09:00 without daylight
	// saving since 1951, so an offset-less time is read as +09:00.
	const m = TIMESTAMP.exec(text);
	if (m) {
		const [, year, month, day, time, offset] = m;
		const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
		const ms = Date.parse(`${year}-${month}-${day}T${time}${offset ?? '+09:00'}`);
		if (Number(day) <= daysInMonth && !Number.isNaN(ms)) return ms;
	}
	const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone: JAPAN_ZONE, setZone: true });
	return parsed.isValid ? parsed.toMillis() : undefined;
}
