import { DateTime } from 'luxon';

/** cyzen prints whole seconds: its filters and its records share this unit. */
export const SECOND = 1000;
export const DAY = 86_400_000;

const CYZEN_LAYOUT = "yyyy-MM-dd'T'HH:mm:ss";

/** A cyzen timestamp (UTC, `YYYY-MM-DDThh:mm:ss`, no suffix — spec §5) as epoch ms. */
export function cyzenTimeMs(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = DateTime.fromISO(value.trim(), { zone: 'utc' });
	return parsed.isValid ? parsed.toMillis() : undefined;
}

/** Epoch ms as a cyzen filter value: UTC, whole seconds, no suffix. */
export function cyzenTime(epochMs: number): string {
	return DateTime.fromMillis(epochMs, { zone: 'utc' }).toFormat(CYZEN_LAYOUT);
}
