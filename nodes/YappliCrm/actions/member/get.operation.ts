import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { yappliMember } from '../../transport/request';
import { callOptions, memberIdParameter, showFor } from '../common';
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
	const member = await yappliMember(
		this,
		'GET',
		`/users/${encodeURIComponent(id)}`,
		{
			qs: options.with_column_key ? { with_column_key: true } : {},
		},
		callOptions(this, itemIndex),
	);
	return [member];
}
