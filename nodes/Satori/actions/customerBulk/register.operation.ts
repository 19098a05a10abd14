import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { SATORI_ENDPOINTS } from '../../transport/endpoints';
import {
	endpointPathProperty,
	identityProperties,
	optionsCollection,
	satoriRequestOptions,
} from '../common';
import { customerWriteProperties } from '../customer/fields';
import { bulkWaitOptions, executeBulk, waitForCompletionProperty } from './bulk';

export const description: INodeProperties[] = showFor('customerBulk', 'register', [
	{
		displayName:
			'All input items are sent together as CSV uploads of up to 10,000 rows. Existing customers only get empty items filled and tags changed.',
		name: 'bulkRegisterNotice',
		type: 'notice',
		default: '',
	},
	...identityProperties,
	...customerWriteProperties(true),
	waitForCompletionProperty,
	optionsCollection([
		...bulkWaitOptions,
		...satoriRequestOptions,
		endpointPathProperty(SATORI_ENDPOINTS.bulkRegistration.path),
	]),
]);

/** カスタマーバルクAPI 一括登録 (bulk_customers/registration.json; path PROPOSED). */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await executeBulk.call(this, 'bulkRegistration');
}
