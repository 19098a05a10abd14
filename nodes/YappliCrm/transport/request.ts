import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	pageUntilLastPage,
	vendorRequest,
	type RequestContext,
	type RequestOptions,
} from '@japan-saas/shared/transport';

import { yappliConnection } from './profile';

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

/**
 * `member` is documented as "Array[Member Object]" while holding one member, and list items may
 * come wrapped as `{ member: {...} }`: accept every form and return the plain member.
 */
export function unwrapMember(value: unknown): IDataObject {
	let member = value;
	if (member && typeof member === 'object' && !Array.isArray(member) && 'member' in member) {
		member = (member as { member: unknown }).member;
	}
	if (Array.isArray(member)) member = member[0];
	return (member ?? {}) as IDataObject;
}

/** Every page of a `page`/`per_page` list (`current_page`/`last_page` envelope). */
export function yappliPages(
	context: RequestContext,
	path: string,
	listKey: 'members' | 'points',
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
		const items = Array.isArray(body[listKey]) ? (body[listKey] as unknown[]) : [];
		return {
			items: listKey === 'members' ? items.map(unwrapMember) : (items as IDataObject[]),
			currentPage: Number(body.current_page ?? page),
			lastPage: Number(body.last_page ?? page),
		};
	});
}
