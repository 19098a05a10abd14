import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customFieldsJsonName, customFieldsModeName } from '../descriptions/custom-fields';
import { layoutOf, type FieldLocation, type PlacedField } from '../descriptions/layout';
import type { EndpointSpec, FieldSpec } from '../endpoints/schema';
import { fieldSchema, isEmpty } from './encode-field';

export interface BuiltRequest {
	path: string;
	qs: IDataObject;
	body: IDataObject;
	/** The path parameter values, e.g. for grouping bulk records by deal type. */
	pathValues: Record<string, string | number>;
}

/**
 * One item's parameter values, each n8n parameter read once. Every read evaluates the
 * parameter's expressions (a collection's all at once) and is most of a bulk run's CPU, so
 * reading "Additional Fields" once per field would repeat that work for every field.
 */
function parametersOf(context: IExecuteFunctions, itemIndex: number) {
	const collections = new Map<FieldLocation, IDataObject>();
	return (placed: PlacedField): unknown => {
		if (placed.location === 'top')
			return context.getNodeParameter(placed.field.name, itemIndex, undefined);
		let collection = collections.get(placed.location);
		if (!collection) {
			collection = context.getNodeParameter(placed.location, itemIndex, {}) as IDataObject;
			collections.set(placed.location, collection);
		}
		return collection[placed.field.name];
	};
}

const jsonTwins = new WeakMap<FieldSpec, FieldSpec>();

/** The custom-items field read as JSON (its "(JSON)" box), one spec per field so its schema is reused. */
function jsonTwin(field: FieldSpec): FieldSpec {
	let twin = jsonTwins.get(field);
	if (!twin) {
		twin = { ...field, kind: 'json' };
		jsonTwins.set(field, twin);
	}
	return twin;
}

/** Custom items from the mapper or the JSON box, as `[{ itemKey, value }]` (custom objects: a plain object). */
function customItemsValue(
	context: IExecuteFunctions,
	field: FieldSpec,
	itemIndex: number,
): unknown {
	const mode = context.getNodeParameter(customFieldsModeName(field), itemIndex, 'none') as string;
	if (mode === 'none') return undefined;
	let values: IDataObject;
	if (mode === 'json') {
		const raw = context.getNodeParameter(customFieldsJsonName(field), itemIndex, '') as unknown;
		const parsed = fieldSchema(jsonTwin(field), 'UTC').safeParse(raw);
		if (!parsed.success) {
			throw new NodeOperationError(
				context.getNode(),
				`${field.displayName} (JSON) is not valid JSON`,
				{ itemIndex },
			);
		}
		if (field.customOf !== 'customObject') {
			if (!Array.isArray(parsed.data)) {
				throw new NodeOperationError(
					context.getNode(),
					`${field.displayName} (JSON) must be an array of {"itemKey", "value"} objects`,
					{ itemIndex },
				);
			}
			return parsed.data;
		}
		if (!parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
			throw new NodeOperationError(
				context.getNode(),
				`${field.displayName} (JSON) must be an object of field keys and values`,
				{ itemIndex },
			);
		}
		values = parsed.data as IDataObject;
	} else {
		const mapped = context.getNodeParameter(
			field.name,
			itemIndex,
			null,
		) as ResourceMapperValue | null;
		values = Object.fromEntries(
			Object.entries(mapped?.value ?? {}).filter(([, value]) => !isEmpty(value)),
		) as IDataObject;
	}
	if (field.customOf === 'customObject') return values;
	// [proposed] The reference collapses the item shape; records carry [{ itemKey, value }].
	return Object.entries(values).map(([itemKey, value]) => ({ itemKey, value }));
}

/**
 * Reads, validates and encodes one item's parameters for an endpoint. Bad input stops here with
 * a NodeOperationError naming the field, before any request is sent.
 */
export function buildRequest(
	context: IExecuteFunctions,
	endpoint: EndpointSpec,
	itemIndex: number,
): BuiltRequest {
	const zone = context.getTimezone();
	const qs: IDataObject = {};
	const body: IDataObject = {};
	const pathValues: Record<string, string | number> = {};
	const rawValue = parametersOf(context, itemIndex);

	for (const placed of layoutOf(endpoint)) {
		const { field, target } = placed;
		if (field.kind === 'customItems') {
			const value = customItemsValue(context, field, itemIndex);
			if (value === undefined) continue;
			if (field.customOf === 'customObject') Object.assign(body, value);
			else body[field.name] = value as IDataObject[];
			continue;
		}
		const raw = rawValue(placed);
		const missing = isEmpty(raw) || (target === 'path' && raw === 0);
		if (missing) {
			if (field.required) {
				throw new NodeOperationError(context.getNode(), `"${field.displayName}" is required`, {
					itemIndex,
					description: `Set "${field.displayName}" (${field.name}) for ${endpoint.method} ${endpoint.path}.`,
				});
			}
			continue;
		}
		const parsed = fieldSchema(field, zone).safeParse(raw);
		if (!parsed.success) {
			const problem = parsed.error.issues.map((issue) => issue.message).join('; ');
			throw new NodeOperationError(context.getNode(), `"${field.displayName}" ${problem}`, {
				itemIndex,
				description: `Received ${JSON.stringify(raw)} for ${field.name}.`,
			});
		}
		const value = parsed.data;
		if (target === 'path') pathValues[field.name] = value as string | number;
		else if (target === 'query' && field.kind === 'referenceList') {
			// Mazrica filters by users as ?users[]id=1&users[]id=2.
			qs[`${field.name}[]id`] = (value as Array<{ id: number }>).map((ref) => ref.id);
		} else if (target === 'query') qs[field.name] = value as IDataObject[keyof IDataObject];
		else body[field.name] = value as IDataObject[keyof IDataObject];
	}

	if (endpoint.requiresFilter && Object.keys(qs).length === 0) {
		throw new NodeOperationError(context.getNode(), 'Set at least one filter', {
			itemIndex,
			description: `Without a filter ${endpoint.method} ${endpoint.path} would apply to every record.`,
		});
	}
	const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) =>
		encodeURIComponent(String(pathValues[name])),
	);
	return { path, qs, body, pathValues };
}
