import type { IDataObject } from 'n8n-workflow';

import {
	vendorRequest,
	type RequestContext,
	type RequestOptions,
} from '@japan-saas/shared/transport';

import { mazricaConnection } from './profile';

export interface MazricaPage {
	items: IDataObject[];
	totalCount?: number;
}

/** One page of a Mazrica list: `{ totalCount, page, <listKey>: [...] }`, or a bare array (quirk Q4). */
export async function fetchListPage(
	context: RequestContext,
	path: string,
	listKey: string,
	qs: IDataObject,
	options: RequestOptions = {},
): Promise<MazricaPage> {
	const response = await vendorRequest.call(
		context,
		mazricaConnection,
		{ method: 'GET', path, qs, arrayFormat: 'repeat' },
		options,
	);
	return pageFromBody(response, listKey);
}

export function pageFromBody(response: unknown, listKey: string): MazricaPage {
	if (Array.isArray(response)) return { items: response as IDataObject[] };
	const body = (response ?? {}) as IDataObject;
	const items = body[listKey];
	return {
		items: Array.isArray(items) ? (items as IDataObject[]) : [],
		totalCount: typeof body.totalCount === 'number' ? body.totalCount : undefined,
	};
}
