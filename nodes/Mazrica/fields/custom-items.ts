import type { IDataObject, INodeProperties, ResourceMapperValue } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	bodyCollectionOf,
	isEmpty,
	type FieldKindPlugin,
	type FieldSpec,
	type ItemParameters,
} from '@japan-saas/shared/engine';

import type { CustomItemsOf } from '../endpoints/schema';

/** The resourceMapper method that lists each kind of custom item (see ../methods/resource-mapping.ts). */
const MAPPERS: Record<CustomItemsOf, string> = {
	customer: 'getCustomerCustomItems',
	contact: 'getContactCustomItems',
	deal: 'getDealCustomItems',
	action: 'getActionCustomItems',
	customObject: 'getCustomObjectRecordFields',
};

/** What each mapper's fields depend on: a deal's custom items belong to its deal type. */
const DEPENDS_ON: Record<CustomItemsOf, string[]> = {
	customer: [],
	contact: [],
	deal: ['dealType.value', 'updateFields.dealType.value'],
	action: [],
	customObject: ['custom_object_def_key.value'],
};

const modeName = (field: FieldSpec) => `${field.name}Mode`;
const jsonName = (field: FieldSpec) => `${field.name}Json`;

function parseJson(item: ItemParameters, label: string, raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		throw new NodeOperationError(item.context.getNode(), `${label} is not valid JSON`, {
			itemIndex: item.itemIndex,
		});
	}
}

/**
 * Custom items (詳細項目) as n8n users expect them: a field-by-field mapper loaded from the
 * settings endpoint, or raw JSON for those who already have the vendor's array. Records carry
 * `[{ itemKey, value }]` ([proposed]: the reference collapses the item shape); a custom object's
 * fields are top-level properties of its record.
 */
export function customItems(of: CustomItemsOf): FieldKindPlugin {
	const plain = of === 'customObject';
	const fail = (item: ItemParameters, message: string) =>
		new NodeOperationError(item.context.getNode(), message, { itemIndex: item.itemIndex });
	/** The vendor's own shape, as JSON text or as it is: an array of items, or a custom object's values. */
	const vendorShape = (item: ItemParameters, label: string, raw: unknown): unknown => {
		const parsed = parseJson(item, label, raw);
		if (!plain) {
			if (!Array.isArray(parsed))
				throw fail(item, `${label} must be an array of {"itemKey", "value"} objects`);
			return parsed;
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			throw fail(item, `${label} must be an object of field keys and values`);
		return parsed;
	};
	return {
		properties(field, endpoint): INodeProperties[] {
			const jsonDefault = plain ? '{}' : '[]';
			return [
				{
					displayName: `${field.displayName} Input`,
					name: modeName(field),
					type: 'options',
					options: [
						{ name: 'JSON', value: 'json', description: "Send the vendor's array as JSON" },
						{
							name: 'Map Each Field',
							value: 'mapper',
							description: 'Set each custom field with its own input',
						},
						{ name: 'None', value: 'none', description: 'Do not send custom fields' },
					],
					default: 'none',
					description: field.description,
				},
				{
					displayName: field.displayName,
					name: field.name,
					type: 'resourceMapper',
					noDataExpression: true,
					default: { mappingMode: 'defineBelow', value: null },
					typeOptions: {
						loadOptionsDependsOn: DEPENDS_ON[of],
						resourceMapper: {
							resourceMapperMethod: MAPPERS[of],
							mode: bodyCollectionOf(endpoint) === 'updateFields' ? 'update' : 'add',
							fieldWords: { singular: 'custom field', plural: 'custom fields' },
							addAllFields: false,
							multiKeyMatch: false,
							supportAutoMap: true,
						},
					},
					displayOptions: { show: { [modeName(field)]: ['mapper'] } },
				},
				{
					displayName: `${field.displayName} (JSON)`,
					name: jsonName(field),
					type: 'json',
					default: jsonDefault,
					description: plain
						? 'Field keys of the custom object definition and their values, e.g. {"status": "open"}'
						: 'An array of {"itemKey": "...", "value": ...} objects',
					displayOptions: { show: { [modeName(field)]: ['json'] } },
				},
			];
		},

		read(item, field) {
			const mode = (item.value(modeName(field)) as string | undefined) ?? 'none';
			if (mode === 'none') return undefined;
			if (mode === 'json')
				return vendorShape(item, `${field.displayName} (JSON)`, item.value(jsonName(field)));
			const mapped = item.value(field.name) as ResourceMapperValue | null | undefined;
			const values = Object.fromEntries(
				Object.entries(mapped?.value ?? {}).filter(([, value]) => !isEmpty(value)),
			) as IDataObject;
			if (plain) return values;
			return Object.entries(values).map(([itemKey, value]) => ({ itemKey, value }));
		},

		// Map Automatically: the item's key holds what the JSON input would (e.g. the vendor's array).
		fromInput(item, field, raw) {
			return vendorShape(item, `${field.displayName} (the input item's key "${field.name}")`, raw);
		},

		place(request, field, value) {
			if (plain) Object.assign(request.body, value);
			else request.body[field.name] = value as IDataObject[];
		},
	};
}
