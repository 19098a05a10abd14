import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	collect,
	pageNumberWithTotal,
	pageSizeFor,
	vendorRequest,
	type ResultLimit,
} from '@japan-saas/shared/transport';

import type { EndpointSpec } from '../endpoints/schema';
import { mazricaConnection } from '../transport/profile';
import { fetchListPage, pageFromBody } from '../transport/list-page';
import { buildRequest, type BuiltRequest } from './build-request';

export interface MazricaCallOptions {
	maxRequestsPerSecond?: number;
	itemIndex: number;
}

export function callOptions(context: IExecuteFunctions, itemIndex: number): MazricaCallOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { itemIndex, maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined };
}

export async function* mazricaPages(
	context: IExecuteFunctions,
	endpoint: EndpointSpec,
	request: BuiltRequest,
	limit: ResultLimit,
	options: MazricaCallOptions,
): AsyncGenerator<IDataObject> {
	const paged = endpoint.paged;
	if (!paged) return;
	// GET /deals takes `limit` as its page size (up to 1,000): fewer requests for Return All.
	const pageSize = paged.maxPageSizeViaLimit
		? pageSizeFor(limit, paged.maxPageSizeViaLimit)
		: paged.pageSize;
	yield* pageNumberWithTotal(async (page) => {
		const qs = {
			...request.qs,
			...(paged.pageInBody ? {} : { page }),
			...(paged.maxPageSizeViaLimit ? { limit: pageSize } : {}),
		};
		if (!paged.pageInBody)
			return await fetchListPage(context, request.path, paged.listKey, qs, options);
		// Search endpoints are POSTs that only read: safe to repeat.
		const response = await vendorRequest.call(
			context,
			mazricaConnection,
			{
				method: endpoint.method,
				path: request.path,
				qs,
				body: { ...request.body, page },
				idempotent: true,
			},
			options,
		);
		return pageFromBody(response, paged.listKey);
	}, pageSize);
}

/** Runs one non-bulk operation for one input item and returns its output records. */
export async function executeEndpoint(
	this: IExecuteFunctions,
	endpoint: EndpointSpec,
	itemIndex: number,
): Promise<IDataObject[]> {
	const request = buildRequest(this, endpoint, itemIndex);
	const options = callOptions(this, itemIndex);

	if (endpoint.paged) {
		const limit: ResultLimit = {
			returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean,
			limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		};
		return await collect(mazricaPages(this, endpoint, request, limit, options), limit);
	}

	const hasBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
	const response = await vendorRequest.call(
		this,
		mazricaConnection,
		{
			method: endpoint.method,
			path: request.path,
			qs: request.qs,
			body: hasBody ? request.body : undefined,
			arrayFormat: 'repeat',
		},
		options,
	);
	if (endpoint.readRecords) return endpoint.readRecords(response);
	if (Array.isArray(response)) return response as IDataObject[];
	if (endpoint.listKey && response && typeof response === 'object') {
		const list = (response as IDataObject)[endpoint.listKey];
		if (Array.isArray(list)) return list as IDataObject[];
	}
	if (response === undefined || response === null || response === '') {
		return [{ success: true, ...request.pathValues }];
	}
	return [response as IDataObject];
}
