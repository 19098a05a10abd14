import type { EndpointSpec, FieldSpec } from '../endpoints/schema';

/** Where a field's value lives in the node's parameters. */
export type FieldLocation = 'top' | 'additionalFields' | 'updateFields' | 'filters' | 'options';

export interface PlacedField {
	field: FieldSpec;
	/** 'path' | 'query' | 'body': where the value goes in the request. */
	target: 'path' | 'query' | 'body';
	location: FieldLocation;
}

/** List-like operations put their query parameters under "Filters"; others under "Options". */
export function isListOperation(endpoint: EndpointSpec): boolean {
	return Boolean(
		endpoint.paged ||
			endpoint.listKey !== undefined ||
			endpoint.operation.startsWith('getAll') ||
			endpoint.operation === 'deleteMany',
	);
}

/** Whether the operation changes data (search endpoints are POSTs that only read). */
export function isWrite(endpoint: EndpointSpec): boolean {
	return endpoint.method !== 'GET' && !endpoint.paged?.pageInBody;
}

function optionalBodyLocation(endpoint: EndpointSpec): FieldLocation {
	return endpoint.method === 'PATCH' || endpoint.operation.startsWith('update')
		? 'updateFields'
		: 'additionalFields';
}

/**
 * The one place that decides where each documented field appears in the node: required fields
 * on top, optional body fields in Additional/Update Fields, query parameters in Filters (lists)
 * or Options (everything else). Both the node description and the request builder read it.
 */
const layouts = new WeakMap<EndpointSpec, PlacedField[]>();

export function layoutOf(endpoint: EndpointSpec): PlacedField[] {
	const known = layouts.get(endpoint);
	if (known) return known;
	const placed: PlacedField[] = [];
	for (const field of endpoint.pathParams ?? [])
		placed.push({ field, target: 'path', location: 'top' });
	for (const field of endpoint.body ?? []) {
		const top = field.required || field.kind === 'customItems';
		placed.push({ field, target: 'body', location: top ? 'top' : optionalBodyLocation(endpoint) });
	}
	for (const field of endpoint.query ?? []) {
		const location = field.required ? 'top' : isListOperation(endpoint) ? 'filters' : 'options';
		placed.push({ field, target: 'query', location });
	}
	layouts.set(endpoint, placed);
	return placed;
}
