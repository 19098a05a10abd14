import { invalidParameter } from './errors';
import type { Params } from './params';
import { DAY, formatUtc, startOfUtcDay, type UtcText } from './time';

/**
 * A date window of a list endpoint (spec §5, all in UTC). The span is `to − from`; a span longer
 * than `maxDays` × 24 h is 400/40000 naming the `to` parameter [public code: "16 days → 400"].
 */
export interface WindowRule {
	from: string;
	to: string;
	maxDays: number;
	/**
	 * Both parameters omitted: 'last' — the `maxDays` before now ([public code] reports, histories);
	 * 'next' — `maxDays` from 00:00:00 UTC today ([proposed] schedules; not published); 'all' — no
	 * filter ([public code] spots: PC1's first run sends no dates).
	 */
	whenOmitted: 'last' | 'next' | 'all';
}

export interface Window {
	from: UtcText;
	to: UtcText;
}

/**
 * The window a request selects. [proposed] With only one bound sent, the other is `maxDays` away
 * from it, so a lone bound is never itself a span error.
 */
export function windowOf(params: Params, rule: WindowRule, now: number): Window | undefined {
	const from = params.instant(rule.from);
	const to = params.instant(rule.to);
	const span = rule.maxDays * DAY;
	if (from === undefined && to === undefined) {
		if (rule.whenOmitted === 'all') return undefined;
		if (rule.whenOmitted === 'last') return { from: formatUtc(now - span), to: formatUtc(now) };
		const today = startOfUtcDay(now);
		return { from: formatUtc(today), to: formatUtc(today + span - 1000) };
	}
	const start = from ?? (to ?? 0) - span;
	const end = to ?? start + span;
	if (end < start || end - start > span) invalidParameter(rule.to);
	return { from: formatUtc(start), to: formatUtc(end) };
}

export function inWindow(value: UtcText, window: Window | undefined): boolean {
	return window === undefined || (value >= window.from && value <= window.to);
}
