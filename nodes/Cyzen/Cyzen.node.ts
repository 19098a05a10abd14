import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '@japan-saas/shared/descriptions/subtitle';

import { cyzenEngine } from './engine';

export class Cyzen implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'cyzen',
		name: 'cyzen',
		icon: { light: 'file:../../icons/cyzen.svg', dark: 'file:../../icons/cyzen.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(cyzenEngine.properties),
		description:
			'Read and write cyzen field-sales data (spots, reports, schedules, stamps) through the cyzen 連携API',
		defaults: { name: 'cyzen' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cyzenApi', required: true }],
		properties: cyzenEngine.properties,
	};

	methods = { listSearch: cyzenEngine.listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await cyzenEngine.execute(this);
	}
}
