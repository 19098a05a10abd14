import type { YappliStore } from './store';
import { formatDate } from './time';
import type { PointEntryRec } from './types';

/**
 * Point bookkeeping [proposed model; the document only names the fields]: each addition is a lot
 * with an expiry (23:59:59 Japan time of its date) and a remaining amount; a subtraction uses the
 * live lots nearest to expiry first; a lot past its expiry no longer counts. `point` is the sum of
 * live remaining amounts, `total_point` the sum of every addition ever made.
 */

/** A lot is live until the end of its expiry second. */
export function isLive(entry: PointEntryRec, at: number): boolean {
	return entry.point > 0 && entry.expiresAt !== null && at < entry.expiresAt + 1000;
}

function liveLots(entries: PointEntryRec[], at: number): PointEntryRec[] {
	return entries
		.filter((e) => e.remaining > 0 && isLive(e, at))
		.sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0) || a.createdAt - b.createdAt);
}

export function balance(entries: PointEntryRec[], at: number): number {
	return liveLots(entries, at).reduce((sum, e) => sum + e.remaining, 0);
}

export interface PointSummary {
	point: number;
	totalPoint: number;
	/** Last addition (ポイント最終取得日). */
	getedAt: number | null;
	/** Last subtraction (ポイント最終使用日). */
	usedAt: number | null;
	/** Nearest expiry date with live points, `YYYY-MM-DD`, and the points expiring then. */
	expiredAt: string | null;
	expiredPoint: number | null;
}

export function summarize(entries: PointEntryRec[], at: number): PointSummary {
	let totalPoint = 0;
	let getedAt: number | null = null;
	let usedAt: number | null = null;
	for (const e of entries) {
		if (e.point > 0) {
			totalPoint += e.point;
			getedAt = Math.max(getedAt ?? 0, e.createdAt);
		} else if (e.point < 0) usedAt = Math.max(usedAt ?? 0, e.createdAt);
	}
	const groups = expiryGroups(entries, at);
	return {
		point: balance(entries, at),
		totalPoint,
		getedAt,
		usedAt,
		expiredAt: groups[0] ? formatDate(groups[0].expiresAt) : null,
		expiredPoint: groups[0]?.point ?? null,
	};
}

/** Live points grouped by expiry date, nearest first (ポイント有効期限一覧). */
export function expiryGroups(
	entries: PointEntryRec[],
	at: number,
): Array<{ expiresAt: number; point: number }> {
	const groups = new Map<string, { expiresAt: number; point: number }>();
	for (const lot of liveLots(entries, at)) {
		const date = formatDate(lot.expiresAt ?? 0);
		const group = groups.get(date);
		if (group) {
			group.point += lot.remaining;
			group.expiresAt = Math.max(group.expiresAt, lot.expiresAt ?? 0);
		} else groups.set(date, { expiresAt: lot.expiresAt ?? 0, point: lot.remaining });
	}
	return [...groups.values()].sort((a, b) => a.expiresAt - b.expiresAt);
}

export interface GrantInput {
	point: number;
	title: string | null;
	detail: string | null;
	remarks: string | null;
	/** Required for additions (the caller applies the tenant default); ignored for subtractions. */
	expiresAt: number | null;
}

/** Records an addition (point ≥ 0) as a new lot. */
export function add(
	store: YappliStore,
	memberId: string,
	input: GrantInput,
	at: number,
): PointEntryRec {
	const entry: PointEntryRec = {
		id: store.nextPointId(),
		memberId,
		point: input.point,
		title: input.title,
		detail: input.detail,
		remarks: input.remarks,
		expiresAt: input.expiresAt,
		remaining: input.point,
		createdAt: at,
		updatedAt: at,
	};
	store.pointsOf(memberId).push(entry);
	return entry;
}

/**
 * Records a subtraction of `-input.point` points, using lots nearest to expiry first. Returns
 * undefined, writing nothing, when the live balance is smaller than the amount.
 */
export function subtract(
	store: YappliStore,
	memberId: string,
	input: GrantInput,
	at: number,
): PointEntryRec | undefined {
	const entries = store.pointsOf(memberId);
	let due = -input.point;
	const lots = liveLots(entries, at);
	if (lots.reduce((sum, e) => sum + e.remaining, 0) < due) return undefined;
	for (const lot of lots) {
		const used = Math.min(lot.remaining, due);
		lot.remaining -= used;
		due -= used;
		if (due === 0) break;
	}
	const entry: PointEntryRec = {
		id: store.nextPointId(),
		memberId,
		point: input.point,
		title: input.title,
		detail: input.detail,
		remarks: input.remarks,
		expiresAt: null,
		remaining: 0,
		createdAt: at,
		updatedAt: at,
	};
	entries.push(entry);
	return entry;
}
