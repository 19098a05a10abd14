import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty, type OperationHook } from '@japan-saas/shared/engine';

import { bulkTwin } from '../endpoints/catalog';
import type { MazricaEndpoint } from '../endpoints/schema';
import { bulkFieldName, executeBulk } from './execute';

/** The top-level toggle that routes a create/update operation through its bulk endpoint. */
export const BULK_PARAMETER = 'useBulkEndpoint';

/** The bulk toggle and the batch-level fields of the bulk endpoint (e.g. its deal type). */
function bulkProperties(bulk: MazricaEndpoint): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Use Bulk Endpoint',
			name: BULK_PARAMETER,
			type: 'boolean',
			default: false,
			description: `Whether to send the input items through ${bulk.method} ${bulk.path} in chunks of ${bulk.bulkOf?.maxItems ?? 1000} instead of one request per item. Every item is checked before the first request. Without Continue On Fail the first failing chunk stops the node and the error lists the items already written; with it, a rejected chunk is split until the failing items are found and the others are written once. Bulk writes leave no audit log.`,
		},
	];
	for (const field of [...(bulk.pathParams ?? []), ...(bulk.body ?? [])]) {
		const property = fieldProperty(field);
		if (!property) continue;
		const fromRow = bulk.bulkOf?.fromRow?.[field.name];
		properties.push({
			...property,
			name: bulkFieldName(field),
			required: false,
			description: fromRow
				? `${property.description ?? ''} Leave empty to take it from each item's ${fromRow}.`.trim()
				: property.description,
			displayOptions: { show: { [BULK_PARAMETER]: [true] } },
		});
	}
	return properties;
}

/**
 * Mazrica's bulk twins: a create or update operation whose endpoint has a bulk form offers "Use
 * Bulk Endpoint"; with it on, the whole input goes through ../bulk/execute.ts.
 */
export const bulkHook: OperationHook<MazricaEndpoint> = {
	properties(endpoint) {
		const bulk = bulkTwin(endpoint);
		return bulk ? bulkProperties(bulk) : [];
	},
	async execute(context, endpoint, engine) {
		const bulk = bulkTwin(endpoint);
		if (!bulk || !(context.getNodeParameter(BULK_PARAMETER, 0, false) as boolean)) return undefined;
		return await executeBulk(context, engine, endpoint, bulk);
	},
};
