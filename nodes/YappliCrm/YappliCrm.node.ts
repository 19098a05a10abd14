import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { operationSubtitle } from '@japan-saas/shared/descriptions/subtitle';
import { runPerItem } from '@japan-saas/shared/execute/per-item';

import { explainBadRequest } from './actions/bad-request';
import { operationOf, operationProperties, parameterProperties, RESOURCES } from './actions/router';
import { searchMembers } from './methods/list-search';
import { loadOptions } from './methods/load-options';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES,
		default: 'member',
	},
	...operationProperties(),
	...parameterProperties(),
];

export class YappliCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yappli CRM',
		name: 'yappliCrm',
		icon: { light: 'file:../../icons/yappli.svg', dark: 'file:../../icons/yappli.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Manage Yappli CRM members and points through the Yappli CRM Open API',
		defaults: { name: 'Yappli CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yappliCrmApi', required: true }],
		properties,
	};

	methods = { loadOptions, listSearch: { searchMembers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = operationOf(resource, operation);
		if (!run)
			throw new NodeOperationError(
				this.getNode(),
				`Yappli CRM has no operation "${operation}" on "${resource}"`,
			);

		return [
			await runPerItem(this, async (i) => {
				try {
					return await run.module.execute.call(this, i);
				} catch (error) {
					throw explainBadRequest(error, run.label, run.module.badRequestCauses);
				}
			}),
		];
	}
}
