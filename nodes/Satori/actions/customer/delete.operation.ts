import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { SATORI_ENDPOINTS } from '../../transport/endpoints';
import { callOptions, endpointPathOption, satoriRequest } from '../../transport/request';
import {
	answerItem,
	endpointPathProperty,
	identityOf,
	identityProperties,
	optionsCollection,
	requestOptionsProperty,
} from '../common';

export const description: INodeProperties[] = showFor('customer', 'delete', [
	...identityProperties,
	optionsCollection([
		requestOptionsProperty,
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
		callOptions(this, itemIndex),
	);
	return [{ ...answerItem(identity, response), deleted: true }];
}
