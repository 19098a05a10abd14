import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { yappliMember } from '../../transport/request';
import { MEMBER_WRITE_CAUSES, memberBody, memberFieldProperties } from './fields';
import { memberOptions } from './options';

export const description: INodeProperties[] = showFor('member', 'create', [
	...memberFieldProperties('additionalFields'),
	memberOptions,
]);

export const badRequestCauses = MEMBER_WRITE_CAUSES;

/** 顧客登録: no field is required; Yappli does not say whether a repeated unique_id is refused. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = memberBody(this, 'additionalFields', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.with_column_key) body.with_column_key = true;
	const member = await yappliMember(this, 'POST', '/users', { body }, readRequestOptions(this, itemIndex));
	return [member];
}
