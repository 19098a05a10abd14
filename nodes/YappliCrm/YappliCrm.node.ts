import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '@japan-saas/shared/descriptions/subtitle';

import { operationProperties, parameterProperties, RESOURCES, route } from './actions/router';
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
		return [await route.call(this)];
	}
}
