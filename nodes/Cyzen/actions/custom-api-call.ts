import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationHook } from '@japan-saas/shared/engine';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { runPerItem } from '@japan-saas/shared/execute/per-item';

import { customApiCall } from '../endpoints/custom-api-call';
import type { CyzenEndpoint } from '../endpoints/schema';
import { cyzenRequest, withCreatedAt, withIsoTimes } from '../transport';
import { outputZoneOf } from './options';

const METHODS: IHttpRequestMethods[] = ['GET', 'POST', 'PUT', 'DELETE'];

const pairs = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	description,
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

const PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: METHODS.map((method) => ({ name: method, value: method })),
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/spots',
		description:
			"Below the credential's base URL (…/webapi/v0), e.g. /spot_customer_staffs. The token and company_id are added for you.",
	},
	pairs('query', 'Query Parameters', 'Sent in the query string'),
	{
		...pairs('formFields', 'Form Fields', 'Sent as an application/x-www-form-urlencoded body'),
		displayOptions: { show: { method: ['POST', 'PUT'] } },
	},
];

function fieldsOf(context: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const value = context.getNodeParameter(name, itemIndex, {}) as {
		field?: Array<{ name: string; value: string }>;
	};
	const out: IDataObject = {};
	for (const { name: key, value: fieldValue } of value.field ?? []) {
		if (key.trim() === '') {
			throw new NodeOperationError(
				context.getNode(),
				`A field of "${name === 'query' ? 'Query Parameters' : 'Form Fields'}" has no name`,
				{ itemIndex },
			);
		}
		out[key.trim()] = fieldValue;
	}
	return out;
}

function pathOf(context: IExecuteFunctions, itemIndex: number): string {
	const path = String(context.getNodeParameter('path', itemIndex, '')).trim();
	if (!/^\/[A-Za-z0-9_\-/]*$/.test(path)) {
		throw new NodeOperationError(
			context.getNode(),
			`"Path" must start with / and hold only a cyzen path, e.g. /spots (got "${path}")`,
			{
				itemIndex,
				description:
					'The base URL and the query string are given elsewhere: the credential and Query Parameters.',
			},
		);
	}
	return path;
}

/** Custom API Call: any method and path through the cyzen transport, validated before sending. */
export const customApiCallHook: OperationHook<CyzenEndpoint> = {
	properties: (endpoint) => (endpoint === customApiCall ? PROPERTIES : []),
	async execute(context, endpoint) {
		if (endpoint !== customApiCall) return undefined;
		return await runPerItem(context, async (itemIndex) => {
			const method = context.getNodeParameter('method', itemIndex, 'GET') as IHttpRequestMethods;
			const path = pathOf(context, itemIndex);
			const qs = fieldsOf(context, 'query', itemIndex);
			const body =
				method === 'POST' || method === 'PUT'
					? fieldsOf(context, 'formFields', itemIndex)
					: undefined;
			const response = await cyzenRequest<unknown>(
				context,
				{ method, path, qs, body },
				readRequestOptions(context, itemIndex),
			);
			const zone = outputZoneOf(context, itemIndex);
			const record =
				response && typeof response === 'object' && !Array.isArray(response)
					? (response as IDataObject)
					: { response: response as IDataObject };
			return [withIsoTimes(withCreatedAt(record), zone)];
		});
	},
};
