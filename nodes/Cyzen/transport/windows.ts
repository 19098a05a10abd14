import type { DateTime } from 'luxon';

/**
 * A list endpoint's date window (spec §5, [public code]): the parameter names that select it and
 * the longest span cyzen accepts. Longer user ranges are split into consecutive windows.
 */
export interface WindowRule {
	from: string;
	to: string;
	/** Days per window the client sends (within cyzen's limit). */
	days: number;
	/** Re-request a window that answers 500 day by day and skip the days that still fail (schedules). */
	degradeByDay?: boolean;
}

export interface TimeRange {
	from: DateTime;
	to: DateTime;
}

/**
 * Consecutive windows covering [from, to] (both inclusive, to the second): each at most `days`
 * long, the next starting one second after the previous ends, so none overlaps or leaves a gap.
 */
export function splitIntoWindows(range: TimeRange, days: number): TimeRange[] {
	const windows: TimeRange[] = [];
	let start = range.from.startOf('second');
	const end = range.to.startOf('second');
	while (start <= end) {
		const last = start.plus({ days }).minus({ seconds: 1 });
		const to = last < end ? last : end;
		windows.push({ from: start, to });
		start = to.plus({ seconds: 1 });
	}
	return windows;
}

/** The UTC days of a window, each clipped to it (for the per-day retry of a failing window). */
export function utcDaysOf(window: TimeRange): TimeRange[] {
	const days: TimeRange[] = [];
	let start = window.from.toUTC();
	const end = window.to.toUTC();
	while (start <= end) {
		const dayEnd = start.endOf('day').startOf('second');
		const to = dayEnd < end ? dayEnd : end;
		days.push({ from: start, to });
		start = to.plus({ seconds: 1 });
	}
	return days;
}
