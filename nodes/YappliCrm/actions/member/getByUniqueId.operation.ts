import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { yappliMember } from '../../transport/request';
import { requiredText } from '../common';
import { memberOptions } from './options';

export const description: INodeProperties[] = showFor('member', 'getByUniqueId', [
	{
		displayName: 'Unique ID',
		name: 'uniqueId',
		type: 'string',
		required: true,
		default: '',
		description: "Your own system's ID for the member (unique_id)",
	},
	memberOptions,
]);

/** 顧客詳細(ユニークID) */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const uniqueId = requiredText(this, 'uniqueId', itemIndex, 'Unique ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const member = await yappliMember(
		this,
		'GET',
		`/users/unique_id/${encodeURIComponent(uniqueId)}`,
		{
			qs: options.with_column_key ? { with_column_key: true } : {},
		},
		readRequestOptions(this, itemIndex),
	);
	return [member];
}
