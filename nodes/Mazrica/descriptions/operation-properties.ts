import type { INodeProperties } from 'n8n-workflow';

import { maxRequestsPerSecondOption } from '@japan-saas/shared/descriptions/request-options';
import { returnAllAndLimit } from '@japan-saas/shared/descriptions/paging';
import { retryOnFailNotice } from '@japan-saas/shared/descriptions/retry-on-fail';

import type { EndpointSpec } from '../endpoints/schema';
import { customFieldProperties } from './custom-fields';
import { fieldProperty } from './field-properties';
import { isWrite, layoutOf, type FieldLocation } from './layout';
import { BULK_PARAMETER, bulkFieldName } from '../actions/bulk-names';

const COLLECTIONS: Record<
	Exclude<FieldLocation, 'top'>,
	{ displayName: string; placeholder: string }
> = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
};

function showFor(endpoint: EndpointSpec, property: INodeProperties): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: {
				...property.displayOptions?.show,
				resource: [endpoint.resource],
				operation: [endpoint.operation],
			},
		},
	};
}

/** Options every operation has: a lower request rate for busy or multi-worker n8n instances. */
function requestOptions(): INodeProperties[] {
	return [maxRequestsPerSecondOption('Mazrica', 'documented 3 requests per second')];
}

/** The bulk toggle and the batch-level fields of the bulk endpoint (e.g. its deal type). */
function bulkProperties(bulk: EndpointSpec): INodeProperties[] {
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
		properties.push({
			...property,
			name: bulkFieldName(field),
			required: false,
			description:
				`${property.description ?? ''} Leave empty to take it from each item's deal type.`.trim(),
			displayOptions: { show: { [BULK_PARAMETER]: [true] } },
		});
	}
	return properties;
}

/** Every parameter of one operation, derived from its endpoint entry (and its bulk twin, if any). */
export function operationProperties(
	endpoint: EndpointSpec,
	bulk?: EndpointSpec,
): INodeProperties[] {
	const properties: INodeProperties[] = [];
	if (endpoint.notice || endpoint.deprecated) {
		properties.push({
			displayName: endpoint.deprecated
				? `Deprecated by Mazrica: may be slow for large teams. Prefer the per-setting operations.${endpoint.notice ? ` ${endpoint.notice}` : ''}`
				: (endpoint.notice as string),
			name: 'notice',
			type: 'notice',
			default: '',
		});
	}
	if (isWrite(endpoint)) properties.push(retryOnFailNotice('Mazrica'));

	const collections = new Map<Exclude<FieldLocation, 'top'>, INodeProperties[]>();
	const customMode = endpoint.method === 'PATCH' ? 'update' : 'add';
	for (const { field, location } of layoutOf(endpoint)) {
		if (field.kind === 'customItems') {
			properties.push(...customFieldProperties(field, customMode));
			continue;
		}
		const property = fieldProperty(field);
		if (!property) continue;
		if (location === 'top') properties.push(property);
		else
			collections.set(location, [
				...(collections.get(location) ?? []),
				{ ...property, required: undefined },
			]);
	}

	if (endpoint.paged) properties.push(...returnAllAndLimit());

	if (bulk) properties.push(...bulkProperties(bulk));
	collections.set('options', [...(collections.get('options') ?? []), ...requestOptions()]);
	for (const location of ['additionalFields', 'updateFields', 'filters', 'options'] as const) {
		const fields = collections.get(location);
		if (!fields?.length) continue;
		properties.push({
			...COLLECTIONS[location],
			name: location,
			type: 'collection',
			default: {},
			options: [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	return properties.map((property) => showFor(endpoint, property));
}
