import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { yappliRequest } from '../../transport/request';
import { unwrapMember } from '../../transport/shapes';
import { requiredText, requestOptionsProperties } from '../common';
import { memberIdOf, memberLocator } from '../member-locator';

export const description: INodeProperties[] = showFor('transferToken', 'check', [
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The transfer token the Yappli app passed to your page (引き継ぎトークン)',
	},
	memberLocator('The Yappli CRM member ID you hold for this user'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...requestOptionsProperties],
	},
]);

/** 引き継ぎトークンチェック: `{ status }`, with the member when Yappli includes it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const token = requiredText(this, 'token', itemIndex, 'Token');
	const memberId = memberIdOf(this, itemIndex);
	const body = await yappliRequest(
		this,
		'GET',
		`/check/${encodeURIComponent(token)}`,
		{ qs: { id: memberId } },
		readRequestOptions(this, itemIndex),
	);
	const result: IDataObject = { status: body.status === true, memberId };
	if (body.member) result.member = unwrapMember(body);
	return [result];
}
