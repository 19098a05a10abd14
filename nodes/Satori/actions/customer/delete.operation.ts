import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { SATORI_ENDPOINTS } from '../../transport/endpoints';
import { endpointPathOption, satoriRequest } from '../../transport/request';
import {
	answerItem,
	endpointPathProperty,
	identityOf,
	identityProperties,
	optionsCollection,
	satoriRequestOptions,
} from '../common';

export const description: INodeProperties[] = showFor('customer', 'delete', [
	...identityProperties,
	optionsCollection([
		...satoriRequestOptions,
		endpointPathProperty(SATORI_ENDPOINTS.customerDelete.path),
	]),
]);

/** カスタマー削除 (customer/delete.json; path and method PROPOSED). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const identity = identityOf(this, itemIndex);
	const response = await satoriRequest(
		this,
		'customerDelete',
		{
			form: {
				'customer[identity_type]': identity.identityType,
				[`customer[${identity.identityType}]`]: identity.value,
			},
			path: endpointPathOption(this, itemIndex),
		},
		readRequestOptions(this, itemIndex),
	);
	return [{ ...answerItem(identity, response), deleted: true }];
}
