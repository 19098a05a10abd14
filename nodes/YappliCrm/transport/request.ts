import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	pageUntilLastPage,
	vendorRequest,
	type RequestContext,
	type RequestOptions,
} from '@japan-saas/shared/transport';

import { yappliConnection } from './profile';
import { listRecords, unwrapMember, type YappliList } from './shapes';

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

/** Every record of a `page`/`per_page` list (`current_page`/`last_page` envelope), unwrapped. */
export function yappliPages(
	context: RequestContext,
	path: string,
	listKey: YappliList,
	perPage: number,
	qs: IDataObject = {},
	options: RequestOptions = {},
): AsyncGenerator<IDataObject> {
	return pageUntilLastPage(async (page) => {
		const body = await yappliRequest(
			context,
			'GET',
			path,
			{ qs: { ...qs, page, per_page: perPage } },
			options,
		);
		return {
			items: listRecords(body, listKey),
			currentPage: Number(body.current_page ?? page),
			lastPage: Number(body.last_page ?? page),
		};
	});
}
