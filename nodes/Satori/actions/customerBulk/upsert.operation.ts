import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { identityProperties, optionsCollection, satoriRequestOptions } from '../common';
import { customerWriteProperties } from '../customer/fields';
import { UPSERT_NOTICE } from '../customer/upsert.operation';
import { bulkWaitOptions, executeBulk, waitForCompletionProperty } from './bulk';

export const description: INodeProperties[] = showFor('customerBulk', 'upsert', [
	{ displayName: UPSERT_NOTICE, name: 'bulkUpsertNotice', type: 'notice', default: '' },
	...identityProperties,
	...customerWriteProperties(false),
	waitForCompletionProperty,
	optionsCollection([...bulkWaitOptions, ...satoriRequestOptions]),
]);

/** カスタマーバルクAPI 一括登録・更新 (bulk_customers/upsert.json). */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await executeBulk.call(this, 'bulkUpsert');
}
