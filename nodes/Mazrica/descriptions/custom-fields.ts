import type { INodeProperties } from 'n8n-workflow';

import type { CustomItemsOf, FieldSpec } from '../endpoints/schema';

/** The resourceMapper method that lists each kind of custom item (see ../methods/resource-mapping.ts). */
export const CUSTOM_ITEM_MAPPERS: Record<CustomItemsOf, string> = {
	customer: 'getCustomerCustomItems',
	contact: 'getContactCustomItems',
	deal: 'getDealCustomItems',
	action: 'getActionCustomItems',
	customObject: 'getCustomObjectRecordFields',
};

export const customFieldsModeName = (field: FieldSpec) => `${field.name}Mode`;
export const customFieldsJsonName = (field: FieldSpec) => `${field.name}Json`;

/**
 * Custom items (詳細項目) as n8n users expect them: a field-by-field mapper loaded from the
 * settings endpoint, or raw JSON for those who already have the vendor's array.
 */
export function customFieldProperties(field: FieldSpec, mode: 'add' | 'update'): INodeProperties[] {
	const of = field.customOf ?? 'customer';
	const jsonDefault = of === 'customObject' ? '{}' : '[]';
	return [
		{
			displayName: `${field.displayName} Input`,
			name: customFieldsModeName(field),
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
				loadOptionsDependsOn: of === 'customObject' ? ['custom_object_def_key'] : [],
				resourceMapper: {
					resourceMapperMethod: CUSTOM_ITEM_MAPPERS[of],
					mode,
					fieldWords: { singular: 'custom field', plural: 'custom fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: true,
				},
			},
			displayOptions: { show: { [customFieldsModeName(field)]: ['mapper'] } },
		},
		{
			displayName: `${field.displayName} (JSON)`,
			name: customFieldsJsonName(field),
			type: 'json',
			default: jsonDefault,
			description:
				of === 'customObject'
					? 'Field keys of the custom object definition and their values, e.g. {"status": "open"}'
					: 'An array of {"itemKey": "...", "value": ...} objects',
			displayOptions: { show: { [customFieldsModeName(field)]: ['json'] } },
		},
	];
}
