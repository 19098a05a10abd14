import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '@japan-saas/shared/descriptions/subtitle';

import { operationProperties, parameterProperties, route } from './actions/router';

const properties: INodeProperties[] = [
	{
		displayName:
			'SATORI has no read API: customers can be written but not listed or read. To react to SATORI, use the SATORI Trigger (form webhook).',
		name: 'noReadNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Customer',
				value: 'customer',
				description: 'One customer per call (APIバージョン4)',
			},
			{
				name: 'Customer (Bulk)',
				value: 'customerBulk',
				description: 'All input items as CSV uploads (カスタマーバルクAPI)',
			},
			{
				name: 'Customer Action',
				value: 'customerAction',
				description: 'Actions in the customer detail screen (カスタマーアクション追加API)',
			},
		],
		default: 'customer',
	},
	...operationProperties(),
	...parameterProperties(),
];

export class Satori implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SATORI',
		name: 'satori',
		icon: { light: 'file:../../icons/satori.svg', dark: 'file:../../icons/satori.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Register, update and delete SATORI customers one by one or as CSV bulk uploads, and add customer actions',
		defaults: { name: 'SATORI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'satoriApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await route.call(this)];
	}
}
