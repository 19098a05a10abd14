import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	pageUntilLastPage,
	vendorRequest,
	type RequestContext,
	type RequestOptions,
} from '@japan-saas/shared/transport';

import { yappliConnection } from './profile';
import { listRecords, unwrapMember, type YappliListKey } from './shapes';

export async function yappliRequest<T = IDataObject>(
	context: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: { qs?: IDataObject; body?: IDataObject; idempotent?: boolean } = {},
	options: RequestOptions = {},
): Promise<T> {
	return (await vendorRequest.call(
		context,
		yappliConnection,
		{ method, path, ...request },
		options,
	)) as T;
}

/** A call Yappli answers with `{ "member": … }` (detail, create, update, point writes): the member. */
export async function yappliMember(
	...call: Parameters<typeof yappliRequest>
): Promise<IDataObject> {
	return unwrapMember(await yappliRequest(...call));
}

/** Which paged list to read, and how. */
export interface YappliList {
	path: string;
	listKey: YappliListKey;
	perPage: number;
	qs?: IDataObject;
}

export interface YappliPage {
	records: IDataObject[];
	currentPage: number;
	lastPage: number;
}

/** One page of a `page`/`per_page` list (`current_page`/`last_page` envelope), unwrapped. */
export async function yappliPage(
	context: RequestContext,
	{ path, listKey, perPage, qs }: YappliList,
	page: number,
	options: RequestOptions = {},
): Promise<YappliPage> {
	const body = await yappliRequest(
		context,
		'GET',
		path,
		{ qs: { ...qs, page, per_page: perPage } },
		options,
	);
	return {
		records: listRecords(body, listKey),
		currentPage: Number(body.current_page ?? page),
		lastPage: Number(body.last_page ?? page),
	};
}

/** Every record of a paged list, page after page. */
export function yappliPages(
	context: RequestContext,
	path: string,
	listKey: YappliListKey,
	perPage: number,
	qs: IDataObject = {},
	options: RequestOptions = {},
): AsyncGenerator<IDataObject> {
	const list = { path, listKey, perPage, qs };
	return pageUntilLastPage(async (page) => {
		const { records, currentPage, lastPage } = await yappliPage(context, list, page, options);
		return { items: records, currentPage, lastPage };
	});
}
