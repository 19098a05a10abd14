import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { SATORI_ENDPOINTS } from '../../transport/endpoints';
import { endpointPathOption, satoriRequest } from '../../transport/request';
import {
	answerItem,
	endpointPathProperty,
	identityOf,
	identityProperties,
	optionsCollection,
	satoriRequestOptions,
	satoriTime,
} from '../common';

export const description: INodeProperties[] = showFor('customerAction', 'add', [
	{
		displayName:
			"SATORI publishes this call's name and purpose only; its path and fields here are PROPOSED (see the README). The user who owns the API keys needs the permission to create user-defined actions (ユーザー定義アクション).",
		name: 'actionNotice',
		type: 'notice',
		default: '',
	},
	...identityProperties,
	{
		displayName: 'Action Name',
		name: 'actionName',
		type: 'string',
		default: '',
		required: true,
		description: 'The title shown in the latest actions list (最新アクション一覧) of the customer',
	},
	{
		displayName: 'Additional Fields',
		name: 'actionFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Date and Time',
				name: 'datetime',
				type: 'dateTime',
				default: '',
				description: 'When the action happened, sent in Japan time (YYYY-MM-DD HH:MM:SS). SATORI uses now when empty.',
			},
			{
				displayName: 'Detail',
				name: 'detail',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
			},
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		],
	},
	optionsCollection([...satoriRequestOptions, endpointPathProperty(SATORI_ENDPOINTS.addAction.path)]),
]);

/** カスタマーアクション追加 (add_action.json; path, method and fields PROPOSED). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const identity = identityOf(this, itemIndex);
	const name = String(this.getNodeParameter('actionName', itemIndex, '') ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), '"Action Name" is required', { itemIndex });
	const fields = this.getNodeParameter('actionFields', itemIndex, {}) as IDataObject;
	const form: IDataObject = {
		'customer[identity_type]': identity.identityType,
		[`customer[${identity.identityType}]`]: identity.value,
		'action[name]': name,
	};
	if (fields.detail) form['action[detail]'] = String(fields.detail);
	if (fields.url) form['action[url]'] = String(fields.url);
	if (fields.datetime) {
		form['action[datetime]'] = satoriTime(this, fields.datetime, 'Date and Time', 'dateTime', itemIndex);
	}
	const response = await satoriRequest(
		this,
		'addAction',
		{ form, path: endpointPathOption(this, itemIndex) },
		readRequestOptions(this, itemIndex),
	);
	return [{ ...answerItem(identity, response), action: name }];
}
