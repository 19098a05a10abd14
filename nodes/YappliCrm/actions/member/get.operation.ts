import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { yappliMember } from '../../transport/request';
import { memberIdOf, memberLocator } from '../member-locator';
import { memberOptions } from './options';

export const description: INodeProperties[] = showFor('member', 'get', [
	memberLocator(),
	memberOptions,
]);

/** 顧客詳細 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = memberIdOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const member = await yappliMember(
		this,
		'GET',
		`/users/${encodeURIComponent(id)}`,
		{
			qs: options.with_column_key ? { with_column_key: true } : {},
		},
		readRequestOptions(this, itemIndex),
	);
	return [member];
}
