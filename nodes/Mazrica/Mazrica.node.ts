import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

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
		description: 'Read and write Mazrica (formerly Senses) SFA/CRM data through the Mazrica Open API v1',
		defaults: { name: 'Mazrica' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mazricaApi', required: true }],
		properties: mazricaNodeProperties(),
	};

	methods = { loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const endpoint = operationEndpoint(resource, operation);
		if (!endpoint) {
			throw new NodeOperationError(this.getNode(), `Mazrica has no operation "${operation}" on "${resource}"`);
		}

		const bulk = bulkTwin(endpoint);
		if (bulk && (this.getNodeParameter(BULK_PARAMETER, 0, false) as boolean)) {
			return [await executeBulk.call(this, endpoint, bulk, items.length)];
		}

		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const records = await executeEndpoint.call(this, endpoint, i);
				out.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records as IDataObject[]), {
						itemData: { item: i },
					}),
				);
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({
						json: { error: (error as Error).message, description: (error as NodeApiError).description ?? null },
						pairedItem: { item: i },
					});
					continue;
				}
				if (error instanceof NodeApiError) {
					error.context.itemIndex ??= i;
					throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return [out];
	}
}
