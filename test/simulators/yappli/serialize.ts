import { COLUMN_NAMES, type ColumnMap } from './columns';
import { expiryGroups, summarize } from './ledger';
import type { YappliStore } from './store';
import { formatDate, formatDateTime, formatDateTimeOrNull } from './time';
import type { MemberRec, PointEntryRec, ShapeOptions } from './types';

export type MemberJson = Record<string, string | number | null>;

export interface MemberView {
	/** Detail endpoints add `point_used_at`, `point_expired_at`, `point_expired_point`. */
	detail: boolean;
	withColumnKey: boolean;
}

/**
 * Turns records into the API's JSON. Field order follows the document's tables. Documented
 * spellings are kept: `secret_quetion`, `point_geted_at`. [proposed] Strings never written are
 * null; `secret_answer` is always a string (the tables type it String and Integer).
 */
export class Serializer {
	constructor(
		private readonly store: YappliStore,
		private readonly columns: ColumnMap,
		private readonly shapes: ShapeOptions,
		private readonly now: () => number,
	) {}

	member(rec: MemberRec, view: MemberView): MemberJson {
		const points = summarize(this.store.pointsOf(rec.id), this.now());
		const out: MemberJson = {
			id: rec.id,
			unique_id: rec.uniqueId,
			login_id: rec.loginId,
			rank: rec.rank,
		};
		for (const column of COLUMN_NAMES)
			out[this.columns.outputName(column, view.withColumnKey)] = rec.columns[column] ?? null;
		Object.assign(out, {
			secret_quetion: rec.secretQuestion,
			secret_answer: rec.secretAnswer,
			point: points.point,
			total_point: points.totalPoint,
			logined: rec.logined,
			enabled: rec.enabled,
			memo: rec.memo,
			point_geted_at: formatDateTimeOrNull(points.getedAt),
		});
		if (view.detail) {
			Object.assign(out, {
				point_used_at: points.usedAt === null ? null : formatDate(points.usedAt),
				point_expired_at: points.expiredAt,
				point_expired_point: points.expiredPoint,
			});
		}
		Object.assign(out, {
			logined_at: formatDateTimeOrNull(rec.loginedAt),
			created_at: formatDateTime(rec.createdAt),
			updated_at: formatDateTime(rec.updatedAt),
		});
		return out;
	}

	/** `{"member": {…}}`, or `{"member": [{…}]}` under the array switch. */
	memberEnvelope(rec: MemberRec, withColumnKey: boolean): { member: MemberJson | MemberJson[] } {
		const json = this.member(rec, { detail: true, withColumnKey });
		return { member: this.shapes.member === 'array' ? [json] : json };
	}

	/** One item of `members`: the list subset, plain or wrapped in `{"member": …}`. */
	memberListItem(rec: MemberRec): unknown {
		const json = this.member(rec, { detail: false, withColumnKey: false });
		return this.shapes.listItems === 'wrapped' ? { member: json } : json;
	}

	/** One item of the point history. */
	pointEntry(entry: PointEntryRec): unknown {
		const json = {
			id: entry.id,
			title: entry.title,
			point: entry.point,
			detail: entry.detail,
			remarks: entry.remarks,
			expired_at: formatDateTimeOrNull(entry.expiresAt),
			created_at: formatDateTime(entry.createdAt),
			updated_at: formatDateTime(entry.updatedAt),
		};
		return this.shapes.listItems === 'wrapped' ? { point: json } : json;
	}

	/** The expiry list's groups: `{expired_at, point}`, nearest first. */
	expiryList(memberId: string): unknown[] {
		return expiryGroups(this.store.pointsOf(memberId), this.now()).map((g) => {
			const json = { expired_at: formatDateTime(g.expiresAt), point: g.point };
			return this.shapes.listItems === 'wrapped' ? { point: json } : json;
		});
	}
}
