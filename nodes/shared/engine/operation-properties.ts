import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../descriptions/paging';
import { retryOnFailNotice } from '../descriptions/retry-on-fail';
import { showFor } from '../descriptions/show-for';
import { fieldProperty } from './field-properties';
import { bodyCollectionOf, isWrite, layoutOf, type PlacedField } from './layout';
import { manualMappingOnly, mappingModeProperties, offersAutoMap } from './mapping-mode';
import type { EndpointSpec, FieldCollection, OperationHook } from './types';

const COLLECTIONS: Record<FieldCollection, { displayName: string; placeholder: string }> = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
};

/**
 * Every parameter of one operation, derived from its endpoint entry: its notice, the write
 * warning, its fields (top-level or in their collection), Return All / Limit for paged lists,
 * the hooks' parameters and the vendor's request options.
 */
export function operationProperties<E extends EndpointSpec>(
	endpoint: E,
	vendor: string,
	optionProperties: INodeProperties[],
	hooks: Array<OperationHook<E>>,
): INodeProperties[] {
	const properties: INodeProperties[] = [];
	if (endpoint.notice) {
		properties.push({ displayName: endpoint.notice, name: 'notice', type: 'notice', default: '' });
	}
	if (isWrite(endpoint)) properties.push(retryOnFailNotice(vendor));

	// With Map Automatically the body fields come from the input items: their parameters are hidden.
	const autoMap = offersAutoMap(endpoint);
	const shownFor = (target: PlacedField['target'], fields: INodeProperties[]) =>
		autoMap && target === 'body' ? manualMappingOnly(fields) : fields;
	const collections = new Map<FieldCollection, INodeProperties[]>();
	let modeAdded = false;
	for (const { field, target, location } of layoutOf(endpoint)) {
		// The mode goes after the path parameters, above the first body field.
		if (autoMap && target === 'body' && !modeAdded) {
			properties.push(...mappingModeProperties(endpoint));
			modeAdded = true;
		}
		if (typeof field.kind !== 'string') {
			properties.push(...shownFor(target, field.kind.properties(field, endpoint)));
			continue;
		}
		const property = fieldProperty(field);
		if (!property) continue;
		if (location === 'top') properties.push(...shownFor(target, [property]));
		else
			collections.set(location, [
				...(collections.get(location) ?? []),
				{ ...property, required: undefined },
			]);
	}

	if (endpoint.paged) properties.push(...returnAllAndLimit());
	for (const hook of hooks) properties.push(...(hook.properties?.(endpoint) ?? []));

	collections.set('options', [...(collections.get('options') ?? []), ...optionProperties]);
	for (const location of ['additionalFields', 'updateFields', 'filters', 'options'] as const) {
		const fields = collections.get(location);
		if (!fields?.length) continue;
		const collection: INodeProperties = {
			...COLLECTIONS[location],
			name: location,
			type: 'collection',
			default: {},
			options: [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		};
		const target = location === bodyCollectionOf(endpoint) ? 'body' : 'query';
		properties.push(...shownFor(target, [collection]));
	}
	return showFor(endpoint.resource, endpoint.operation, properties);
}
