import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '@japan-saas/shared/execute/per-item';

import { executeBulk } from './actions/bulk';
import { BULK_PARAMETER } from './actions/bulk-names';
import { executeEndpoint } from './actions/execute-endpoint';
import { mazricaNodeProperties } from './descriptions/node-properties';
import { bulkTwin, operationEndpoint } from './endpoints/catalog';
import { loadOptions } from './methods/load-options';
import { resourceMapping } from './methods/resource-mapping';

export class Mazrica implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mazrica',
		name: 'mazrica',
		icon: { light: 'file:../../icons/mazrica.svg', dark: 'file:../../icons/mazrica.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write Mazrica (formerly Senses) SFA/CRM data through the Mazrica Open API v1',
		defaults: { name: 'Mazrica' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mazricaApi', required: true }],
		properties: mazricaNodeProperties(),
	};

	methods = { loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const endpoint = operationEndpoint(resource, operation);
		if (!endpoint) {
			throw new NodeOperationError(
				this.getNode(),
				`Mazrica has no operation "${operation}" on "${resource}"`,
			);
		}

		const bulk = bulkTwin(endpoint);
		if (bulk && (this.getNodeParameter(BULK_PARAMETER, 0, false) as boolean)) {
			return [await executeBulk.call(this, endpoint, bulk, this.getInputData().length)];
		}

		return [await runPerItem(this, async (i) => await executeEndpoint.call(this, endpoint, i))];
	}
}
