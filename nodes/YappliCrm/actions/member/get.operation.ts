import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { unwrapMember, yappliRequest } from '../../transport/request';
import { memberIdParameter } from '../common';
import { memberOptions } from './options';

export const description: INodeProperties[] = showFor('member', 'get', [
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		required: true,
		default: '',
		description: 'Yappli CRM member ID (会員ID)',
	},
	memberOptions,
]);

/** 顧客詳細 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = memberIdParameter(this, 'memberId', itemIndex, 'Member ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body = await yappliRequest(
		this,
		'GET',
		`/users/${encodeURIComponent(id)}`,
		{
			qs: options.with_column_key ? { with_column_key: true } : {},
		},
		readRequestOptions(this, itemIndex),
	);
	return [unwrapMember(body)];
}
