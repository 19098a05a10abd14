import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { unwrapMember, yappliRequest } from '../../transport/request';
import { memberIdParameter } from '../common';
import { memberBody, memberFieldProperties } from './fields';
import { memberOptions } from './options';

export const description: INodeProperties[] = showFor('member', 'update', [
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		required: true,
		default: '',
		description: 'Yappli CRM member ID (会員ID)',
	},
	...memberFieldProperties('updateFields'),
	memberOptions,
]);

/** 顧客更新 (PUT): only the fields set here are sent. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = memberIdParameter(this, 'memberId', itemIndex, 'Member ID');
	const body = memberBody(this, 'updateFields', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.with_column_key) body.with_column_key = true;
	// PUT replaces nothing it is not given (as far as the tutorial says), so repeating it is harmless.
	const response = await yappliRequest(
		this,
		'PUT',
		`/users/${encodeURIComponent(id)}`,
		{ body },
		readRequestOptions(this, itemIndex),
	);
	return [unwrapMember(response)];
}
