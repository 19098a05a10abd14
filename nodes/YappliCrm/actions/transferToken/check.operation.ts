import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';

import { unwrapMember, yappliRequest } from '../../transport/request';
import { memberIdParameter, requestOptionsProperties } from '../common';

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
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Yappli CRM member ID you hold for this user',
	},
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
	const token = memberIdParameter(this, 'token', itemIndex, 'Token');
	const memberId = memberIdParameter(this, 'memberId', itemIndex, 'Member ID');
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
