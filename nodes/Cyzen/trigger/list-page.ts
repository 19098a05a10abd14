import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { vendorRequest, type RequestOptions } from '@japan-saas/shared/transport';

import { cyzenConnection } from './connection';

export interface CyzenPage {
	items: IDataObject[];
	/** Every non-empty `next_*` key of the answer (spec §7), or undefined on the last page. */
	next?: IDataObject;
}

/** One page of a cyzen list: `{ "<listKey>": [...], "next_…": "…" }`. */
export async function fetchCyzenPage(
	context: IPollFunctions,
	path: string,
	listKey: string,
	qs: IDataObject,
	options: RequestOptions,
): Promise<CyzenPage> {
	const body = ((await vendorRequest.call(
		context,
		cyzenConnection,
		{ method: 'GET', path, qs },
		options,
	)) ?? {}) as IDataObject;
	const items = Array.isArray(body[listKey]) ? (body[listKey] as IDataObject[]) : [];
	const next: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (key.startsWith('next_') && value !== null && value !== undefined && value !== '') {
			next[key] = value;
		}
	}
	return { items, next: Object.keys(next).length ? next : undefined };
}

const CYZEN_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** cyzen's suffix-less UTC timestamps (spec §5), anywhere in a record, as ISO 8601 with `Z`. */
export function isoTimes<T>(value: T): T {
	if (typeof value === 'string' && CYZEN_TIMESTAMP.test(value)) {
		const instant = DateTime.fromISO(value, { zone: 'utc' });
		return (instant.isValid ? instant.toISO({ suppressMilliseconds: true }) : value) as T;
	}
	if (Array.isArray(value)) return value.map(isoTimes) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as IDataObject).map(([key, inner]) => [key, isoTimes(inner)]),
		) as T;
	}
	return value;
}
