import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { yappliMember } from '../../transport/request';
import { memberIdOf, memberLocator } from '../member-locator';
import { MEMBER_WRITE_CAUSES, memberBody, memberFieldProperties } from './fields';
import { memberOptions } from './options';

export const description: INodeProperties[] = showFor('member', 'update', [
	memberLocator(),
	...memberFieldProperties('updateFields'),
	memberOptions,
]);

export const badRequestCauses = MEMBER_WRITE_CAUSES;

/** 顧客更新 (PUT): only the fields set here are sent. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = memberIdOf(this, itemIndex);
	const body = memberBody(this, 'updateFields', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.with_column_key) body.with_column_key = true;
	// PUT replaces nothing it is not given (as far as the tutorial says), so repeating it is harmless.
	const member = await yappliMember(
		this,
		'PUT',
		`/users/${encodeURIComponent(id)}`,
		{ body },
		readRequestOptions(this, itemIndex),
	);
	return [member];
}
