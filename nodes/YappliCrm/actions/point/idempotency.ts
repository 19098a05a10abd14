import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestOptions } from '@japan-saas/shared/transport';

import { yappliRequest } from '../../transport/request';

/** How many of the newest history entries are searched for the key ([proposed]). */
export const IDEMPOTENCY_LOOKBACK = 100;

/** The tag written into `remarks` (an internal memo the end user does not see). */
export const idempotencyTag = (key: string) => `[n8n:${key}]`;

export function remarksWithKey(remarks: string, key: string): string {
	return [remarks, idempotencyTag(key)].filter(Boolean).join(' ');
}

/**
 * Point writes are not idempotent: a re-run would grant twice. With a key, the newest history
 * entries are searched for it first; a hit means this write already happened.
 */
export async function findAppliedEntry(
	context: IExecuteFunctions,
	memberId: string,
	key: string,
	options: RequestOptions,
): Promise<IDataObject | undefined> {
	const body = await yappliRequest(
		context,
		'GET',
		`/users/${encodeURIComponent(memberId)}/points`,
		{
			qs: { page: 1, per_page: IDEMPOTENCY_LOOKBACK },
		},
		options,
	);
	const entries = Array.isArray(body.points) ? (body.points as IDataObject[]) : [];
	return entries.find(
		(entry) => typeof entry.remarks === 'string' && entry.remarks.includes(idempotencyTag(key)),
	);
}
