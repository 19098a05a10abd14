import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldSchema, isEmpty, isIdField, type VendorDates } from './encode-field';
import { layoutOf, parameterName } from './layout';
import { autoMappedInput } from './mapping-mode';
import type { BuiltRequest, EndpointSpec, FieldSpec, ItemParameters } from './types';

/**
 * Validates and encodes one field's value; a bad one stops here, naming the field and where the
 * value came from (its parameter, or the input item's key).
 */
export function encodeField(
	item: ItemParameters,
	field: FieldSpec,
	raw: unknown,
	dates: VendorDates,
	source = parameterName(field),
): unknown {
	const parsed = fieldSchema(field, dates, item.context.getTimezone()).safeParse(raw);
	if (parsed.success) return parsed.data;
	const problem = parsed.error.issues.map((issue) => issue.message).join('; ');
	throw new NodeOperationError(item.context.getNode(), `"${field.displayName}" ${problem}`, {
		itemIndex: item.itemIndex,
		description: `Received ${JSON.stringify(raw)} for ${source}.`,
	});
}

/**
 * Not set: empty, or 0 in a required id field (the default a number box used to have; no record
 * has id 0) unless the vendor gives 0 a meaning. An optional id of 0 is refused by its schema.
 */
export function notSet(field: FieldSpec, raw: unknown): boolean {
	if (isEmpty(raw)) return true;
	return field.required === true && isIdField(field) && !field.acceptsZero && Number(raw) === 0;
}

/**
 * Reads, validates and encodes one item's parameters for an endpoint. Bad input stops here with
 * a NodeOperationError naming the field, before any request is sent. In Map Automatically the
 * body fields are the input item's keys (see mapping-mode.ts), through the same checks.
 */
export function buildRequest(
	item: ItemParameters,
	endpoint: EndpointSpec,
	dates: VendorDates,
): BuiltRequest {
	const request: BuiltRequest = { path: endpoint.path, qs: {}, body: {}, pathValues: {} };
	// n8n's getNode() copies the node deeply: only an error needs it.
	const node = () => item.context.getNode();
	const input = autoMappedInput(item, endpoint);

	for (const { field, target, location } of layoutOf(endpoint)) {
		const fromInput = input !== undefined && target === 'body';
		if (typeof field.kind !== 'string') {
			let value: unknown;
			if (!fromInput) value = field.kind.read(item, field);
			else if (!isEmpty(input[field.name]))
				value = field.kind.fromInput(item, field, input[field.name]);
			if (value === undefined) continue;
			if (field.kind.place) field.kind.place(request, field, value);
			else request.body[field.name] = value as IDataObject[keyof IDataObject];
			continue;
		}
		const raw = fromInput
			? input[field.name]
			: item.value(parameterName(field), location === 'top' ? undefined : location);
		const source = fromInput ? `the input item's key "${field.name}"` : parameterName(field);
		if (notSet(field, raw)) {
			if (field.required) {
				throw new NodeOperationError(node(), `"${field.displayName}" is required`, {
					itemIndex: item.itemIndex,
					description: `Set "${field.displayName}" (${source}) for ${endpoint.method} ${endpoint.path}.`,
				});
			}
			continue;
		}
		const value = encodeField(item, field, raw, dates, source);
		if (target === 'path') request.pathValues[field.name] = value as string | number;
		else if (target === 'query') request.qs[field.name] = value as IDataObject[keyof IDataObject];
		else request.body[field.name] = value as IDataObject[keyof IDataObject];
	}

	if (endpoint.requiresFilter && Object.keys(request.qs).length === 0) {
		throw new NodeOperationError(node(), 'Set at least one filter', {
			itemIndex: item.itemIndex,
			description: `Without a filter ${endpoint.method} ${endpoint.path} would apply to every record.`,
		});
	}
	request.path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) =>
		encodeURIComponent(String(request.pathValues[name])),
	);
	return request;
}
