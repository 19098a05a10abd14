import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FieldSpec } from '../endpoints/schema';

const LOAD_OPTIONS_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

function describe(field: FieldSpec): string | undefined {
	if (field.kind === 'boolean' && field.description && !field.description.startsWith('Whether')) {
		return `Whether ${field.description}`;
	}
	if (field.loadOptions && field.description && !field.description.endsWith(LOAD_OPTIONS_HINT)) {
		return `${field.description}. ${LOAD_OPTIONS_HINT}`;
	}
	return field.description;
}

function displayName(field: FieldSpec): string {
	if (
		field.loadOptions &&
		!field.displayName.endsWith('Name or ID') &&
		!field.displayName.endsWith('Names or IDs')
	) {
		const base = field.displayName.replace(/ IDs?$/, '');
		return field.kind === 'idList' || field.kind === 'referenceList'
			? `${base} Names or IDs`
			: `${base} Name or ID`;
	}
	return field.displayName;
}

function sortedOptions(values: NonNullable<FieldSpec['values']>): INodePropertyOptions[] {
	return [...values]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map(({ name, value }) => ({ name, value }));
}

/**
 * The n8n parameter for one API field. Custom items are not plain parameters (they become a
 * resource mapper, see custom-fields.ts) and return undefined here.
 */
export function fieldProperty(field: FieldSpec): INodeProperties | undefined {
	const base = {
		displayName: displayName(field),
		name: field.name,
		description: describe(field),
		required: field.required || undefined,
	};
	const picker = field.loadOptions
		? {
				loadOptionsMethod: field.loadOptions,
				...(field.dependsOn ? { loadOptionsDependsOn: field.dependsOn } : {}),
			}
		: undefined;
	switch (field.kind) {
		case 'string':
			return { ...base, type: 'string', default: field.default ?? '' };
		case 'number':
			return {
				...base,
				type: 'number',
				default: field.default ?? (field.min !== undefined ? field.min : 0),
				...(field.min !== undefined || field.max !== undefined
					? { typeOptions: { minValue: field.min, maxValue: field.max } }
					: {}),
			};
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false };
		case 'dateTime':
		case 'date':
			return { ...base, type: 'dateTime', default: '' };
		case 'options':
			return {
				...base,
				type: 'options',
				options: sortedOptions(field.values ?? []),
				default: field.default ?? field.values?.[0]?.value ?? '',
			};
		case 'reference':
		case 'id':
			if (picker) return { ...base, type: 'options', typeOptions: picker, default: '' };
			return field.stringId
				? { ...base, type: 'string', default: '' }
				: { ...base, type: 'number', default: 0 };
		case 'idList':
		case 'referenceList':
			if (picker) return { ...base, type: 'multiOptions', typeOptions: picker, default: [] };
			return {
				...base,
				type: 'string',
				default: '',
				description: `${base.description ?? ''} Comma-separated IDs.`.trim(),
			};
		case 'json':
			return { ...base, type: 'json', default: field.required ? '{}' : '' };
		case 'customItems':
			return undefined;
	}
}
