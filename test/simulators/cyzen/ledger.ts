import type { FieldValue } from './params';
import type { UtcText } from './time';

export type WriteOperation = 'create' | 'update' | 'delete';

/** One write the API applied: what a test counts to prove "0 duplicated, 0 lost". */
export interface LedgerEntry {
	seq: number;
	/** Simulator clock, UTC text. */
	at: UtcText;
	method: 'POST' | 'PUT' | 'DELETE';
	/** The collection path without the base, e.g. `/spots`. */
	path: string;
	operation: WriteOperation;
	/**
	 * The record's key: `{ spot_id }`, or both ids of a link (`{ spot_id, user_id }`). A `POST
	 * /spots` that updated an existing spot (upsert switch) is an 'update' with `upsert: true`.
	 */
	ids: Record<string, string>;
	upsert?: true;
	/** The fields as sent, without `company_id`. */
	fields: Record<string, FieldValue>;
}

/**
 * Every applied write in order. Refused writes (400, 401, 403, 503 …) change nothing and are not
 * recorded; the kit's request log has every request.
 */
export class WriteLedger {
	readonly entries: LedgerEntry[] = [];
	private seq = 0;

	record(entry: Omit<LedgerEntry, 'seq'>): void {
		this.entries.push({ seq: ++this.seq, ...entry });
	}

	clear(): void {
		this.entries.length = 0;
		this.seq = 0;
	}

	of(filter: { path?: string; operation?: WriteOperation } = {}): LedgerEntry[] {
		return this.entries.filter(
			(e) =>
				(filter.path === undefined || e.path === filter.path) &&
				(filter.operation === undefined || e.operation === filter.operation),
		);
	}

	/**
	 * Keys written more than once by the given writes, e.g. spot codes created twice:
	 * `ledger.repeated(ledger.of({ path: '/spots', operation: 'create' }), (e) => e.fields.spot_code)`.
	 */
	repeated(entries: LedgerEntry[], key: (entry: LedgerEntry) => FieldValue | undefined): string[] {
		const counts = new Map<string, number>();
		for (const entry of entries) {
			const value = key(entry);
			if (value === undefined) continue;
			const text = Array.isArray(value) ? value.join(',') : value;
			counts.set(text, (counts.get(text) ?? 0) + 1);
		}
		return [...counts].filter(([, n]) => n > 1).map(([text]) => text);
	}
}
