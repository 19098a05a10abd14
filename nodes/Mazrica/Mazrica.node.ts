import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '@japan-saas/shared/descriptions/subtitle';

import { mazricaEngine } from './engine';
import { loadOptions } from './methods/load-options';
import { resourceMapping } from './methods/resource-mapping';

export class Mazrica implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mazrica',
		name: 'mazrica',
		icon: { light: 'file:../../icons/mazrica.svg', dark: 'file:../../icons/mazrica.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(mazricaEngine.properties),
		description:
			'Read and write Mazrica (formerly Senses) SFA/CRM data through the Mazrica Open API v1',
		defaults: { name: 'Mazrica' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mazricaApi', required: true }],
		properties: mazricaEngine.properties,
	};

	methods = { loadOptions, listSearch: mazricaEngine.listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await mazricaEngine.execute(this);
	}
}
