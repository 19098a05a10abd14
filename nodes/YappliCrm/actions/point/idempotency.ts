import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { vendorTimeMs } from '@japan-saas/shared/dates';
import type { RequestOptions } from '@japan-saas/shared/transport';

import { yappliPages } from '../../transport/request';

/** How far back the history is searched for a key unless the node says otherwise ([proposed]). */
export const DEFAULT_LOOKBACK_DAYS = 30;

/** Yappli's largest page: the fewest requests for a long history. */
const HISTORY_PAGE_SIZE = 1000;

/** The tag written into `remarks` (an internal memo the end user does not see). */
export const idempotencyTag = (key: string) => `[n8n:${key}]`;

export function remarksWithKey(remarks: string, key: string): string {
	return [remarks, idempotencyTag(key)].filter(Boolean).join(' ');
}

/**
 * Point writes are not idempotent: a re-run would grant twice. With a key, the member's history
 * (ポイント付与履歴, newest first by 登録日 per the tutorial) is read page by page for an entry whose
 * remarks carry the key; a hit means this write already happened. Reading stops at the first
 * entry whose `created_at` (登録日, Japan time) is older than the look-back window. An entry whose
 * `created_at` cannot be read does not end the search.
 */
export async function findAppliedEntry(
	context: IExecuteFunctions,
	memberId: string,
	key: string,
	lookbackDays: number,
	options: RequestOptions,
): Promise<IDataObject | undefined> {
	const tag = idempotencyTag(key);
	const oldest = DateTime.now().minus({ days: lookbackDays }).toMillis();
	const history = yappliPages(
		context,
		`/users/${encodeURIComponent(memberId)}/points`,
		'points',
		HISTORY_PAGE_SIZE,
		{},
		options,
	);
	for await (const entry of history) {
		if (typeof entry.remarks === 'string' && entry.remarks.includes(tag)) return entry;
		const createdAt = vendorTimeMs(entry.created_at);
		if (createdAt !== undefined && createdAt < oldest) return undefined;
	}
	return undefined;
}
