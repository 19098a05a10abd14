import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { isWrite, parameterName } from './layout';
import type { EndpointSpec, ItemParameters } from './types';

/**
 * "Map Automatically" for writes: the body fields come from the input item's keys, named as the
 * API names them, instead of one parameter (and one expression to evaluate) per field. Name and
 * values are the ones n8n's Postgres, MySQL and Google Sheets nodes give their data mode.
 */
const MAPPING_MODE = 'mappingMode';
const MAP_EACH_FIELD = 'defineBelow';
const MAP_AUTOMATICALLY = 'autoMapInputData';

/** Whether an operation offers the choice: a write with body fields. */
export function offersAutoMap(endpoint: EndpointSpec): boolean {
	return isWrite(endpoint) && (endpoint.body?.length ?? 0) > 0;
}

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

const bodyNames = (endpoint: EndpointSpec) => (endpoint.body ?? []).map((field) => field.name);

/** Keys an auto-mapped item may have: the body fields, and the path's (the ids a path parameter's expression reads). */
const acceptedKeys = new WeakMap<EndpointSpec, Set<string>>();

function keysOf(endpoint: EndpointSpec): Set<string> {
	let keys = acceptedKeys.get(endpoint);
	if (!keys) {
		const path = (endpoint.pathParams ?? []).flatMap((field) => [field.name, parameterName(field)]);
		keys = new Set([...bodyNames(endpoint), ...path]);
		acceptedKeys.set(endpoint, keys);
	}
	return keys;
}

/** The mode and, in Map Automatically, the keys the items must have. */
export function mappingModeProperties(endpoint: EndpointSpec): INodeProperties[] {
	const pathKeys = [...keysOf(endpoint)].filter((key) => !bodyNames(endpoint).includes(key));
	const path = pathKeys.length
		? ` (and ${quoted(pathKeys)}, which the path parameter above may read)`
		: '';
	return [
		{
			displayName: 'Mapping Column Mode',
			name: MAPPING_MODE,
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Map Automatically',
					value: MAP_AUTOMATICALLY,
					description:
						"Send each input item's keys as the fields of the same name: use when they are the API's field names",
				},
				{
					name: 'Map Each Field Manually',
					value: MAP_EACH_FIELD,
					description: 'Set the value of each field below',
				},
			],
			default: MAP_EACH_FIELD,
			description: "Whether to set each field below or take the fields from the input items' keys",
		},
		{
			displayName: `Each input item's keys must be the API's field names: ${quoted(bodyNames(endpoint))}${path}. Values are checked as typed ones are (related records as IDs or {"id": …}). Any other key stops the node before any request: rename or drop keys with an Edit Fields node before this one.`,
			name: 'mappingModeNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { [MAPPING_MODE]: [MAP_AUTOMATICALLY] } },
		},
	];
}

/** Parameters shown (and read) only while each field is mapped manually. */
export function manualMappingOnly(properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { [MAPPING_MODE]: [MAP_EACH_FIELD] } }, properties);
}

/**
 * The input item's JSON when this operation maps it automatically, else undefined. A key that is
 * no field of the operation is refused (as n8n's Postgres node refuses a column the table lacks):
 * sending it would fail at the vendor or, worse, be dropped unseen.
 */
export function autoMappedInput(
	item: ItemParameters,
	endpoint: EndpointSpec,
): IDataObject | undefined {
	if (!offersAutoMap(endpoint) || item.value(MAPPING_MODE) !== MAP_AUTOMATICALLY) return undefined;
	const json = item.context.getInputData()[item.itemIndex]?.json ?? {};
	const known = keysOf(endpoint);
	const unknown = Object.keys(json).filter((key) => !known.has(key));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			item.context.getNode(),
			`${unknown.length === 1 ? 'Key' : 'Keys'} ${quoted(unknown)} of the input item ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${endpoint.method} ${endpoint.path}`,
			{
				itemIndex: item.itemIndex,
				description: `Map Automatically sends each key of the item as the field of that name. Keep only ${quoted(bodyNames(endpoint))} (e.g. with an Edit Fields node before this one), or choose Map Each Field Manually.`,
			},
		);
	}
	return json;
}
