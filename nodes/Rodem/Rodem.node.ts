import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '@japan-saas/shared/descriptions/subtitle';
import { runPerItem } from '@japan-saas/shared/execute/per-item';

import * as getMany from './actions/getMany.operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Expense',
				value: 'expense',
				description: 'Transport-expense settlement data (精算データ)',
			},
		],
		default: 'expense',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['expense'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many expenses',
				description: 'Get the expenses of a date range (精算データ取得)',
			},
		],
		default: 'getAll',
	},
	...getMany.description,
];

export class Rodem implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RODEM',
		name: 'rodem',
		icon: { light: 'file:../../icons/rodem.svg', dark: 'file:../../icons/rodem.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Read transport-expense settlements (精算データ) from RODEM',
		defaults: { name: 'RODEM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rodemOAuth2Api', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runPerItem(this, async (i) => await getMany.execute.call(this, i))];
	}
}
