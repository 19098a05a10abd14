import type { IDataObject } from 'n8n-workflow';

import { vendorRequest, type RequestContext } from '@japan-saas/shared/transport';

import { mazricaConnection } from './profile';

/**
 * The records of `GET /deal_setting/deal_types` (quirk Q5): the vendor's sample is a single
 * `{ id, name }` while the endpoint lists every deal type; accepted as a bare list, as a list
 * wrapped under `dealTypes` (the shape of every other Mazrica list) or as that one object.
 */
export function dealTypesFromBody(response: unknown): IDataObject[] {
	if (Array.isArray(response)) return response as IDataObject[];
	if (!response || typeof response !== 'object') return [];
	const body = response as IDataObject;
	if (Array.isArray(body.dealTypes)) return body.dealTypes as IDataObject[];
	return body.id !== undefined ? [body] : [];
}

/** Every deal type of the team, for dropdowns and mappers that need them all. */
export async function fetchDealTypes(context: RequestContext): Promise<IDataObject[]> {
	return dealTypesFromBody(
		await vendorRequest.call(context, mazricaConnection, {
			method: 'GET',
			path: '/deal_setting/deal_types',
		}),
	);
}
