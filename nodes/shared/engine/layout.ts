import type { EndpointSpec, FieldCollection, FieldSpec } from './types';

/** Where a field's value lives in the node's parameters. */
export type FieldLocation = 'top' | FieldCollection;

export interface PlacedField {
	field: FieldSpec;
	/** Where the value goes in the request. */
	target: 'path' | 'query' | 'body';
	location: FieldLocation;
}

/** The n8n parameter name of a field: its own `parameter`, else the API name. */
export const parameterName = (field: FieldSpec): string => field.parameter ?? field.name;

/** Whether the operation changes data (a POST that only searches says `reads`). */
export function isWrite(endpoint: EndpointSpec): boolean {
	return endpoint.method !== 'GET' && !endpoint.reads;
}

/** Whether the operation returns a list (its query fields are filters). */
export function isList(endpoint: EndpointSpec): boolean {
	return Boolean(endpoint.paged || endpoint.listKey !== undefined || endpoint.readRecords);
}

/** Optional body fields: Update Fields when the operation changes a record, else Additional Fields. */
export function bodyCollectionOf(endpoint: EndpointSpec): 'additionalFields' | 'updateFields' {
	return (
		endpoint.bodyCollection ??
		(endpoint.method === 'PATCH' || endpoint.method === 'PUT' ? 'updateFields' : 'additionalFields')
	);
}

function queryCollectionOf(endpoint: EndpointSpec): 'filters' | 'options' {
	return endpoint.queryCollection ?? (isList(endpoint) ? 'filters' : 'options');
}

const layouts = new WeakMap<EndpointSpec, PlacedField[]>();

/**
 * The one place that decides where each field appears in the node: path parameters, required
 * fields and plugin kinds on top, optional body fields in Additional/Update Fields, optional
 * query parameters in Filters (lists) or Options. The properties and the request builder both
 * read it; it is built once per endpoint.
 */
export function layoutOf(endpoint: EndpointSpec): PlacedField[] {
	const known = layouts.get(endpoint);
	if (known) return known;
	const placed: PlacedField[] = [];
	for (const field of endpoint.pathParams ?? [])
		placed.push({ field, target: 'path', location: 'top' });
	for (const field of endpoint.body ?? []) {
		const top = field.required || typeof field.kind !== 'string';
		placed.push({ field, target: 'body', location: top ? 'top' : bodyCollectionOf(endpoint) });
	}
	for (const field of endpoint.query ?? []) {
		placed.push({
			field,
			target: 'query',
			location: field.required ? 'top' : queryCollectionOf(endpoint),
		});
	}
	layouts.set(endpoint, placed);
	return placed;
}
