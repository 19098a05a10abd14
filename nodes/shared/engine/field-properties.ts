import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parameterName } from './layout';
import type { FieldSpec, LocatorSpec } from './types';

const LOAD_OPTIONS_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** The listSearch method a locator's *From List* mode calls, e.g. 'searchCustomer'. */
export function searchMethodName(locator: LocatorSpec): string {
	const operation = locator.operation && locator.operation !== 'getAll' ? locator.operation : '';
	const resource = `${locator.resource[0].toUpperCase()}${locator.resource.slice(1)}`;
	return `search${resource}${operation ? `${operation[0].toUpperCase()}${operation.slice(1)}` : ''}`;
}

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

/** What the By ID box accepts: whole numbers (and the vendor's words), or any key. */
function idPattern(field: FieldSpec): string | undefined {
	if (field.stringId) return undefined;
	const words = (field.alsoAccepts ?? []).map((word) => `|${word}`).join('');
	return `^\\s*(\\d+${words})\\s*$`;
}

/** *From List* (searchable, paginated) and *By ID*, as n8n's own v2 nodes offer records. */
function locatorProperty(
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'required'>,
	field: FieldSpec,
	locator: LocatorSpec,
): INodeProperties {
	const pattern = idPattern(field);
	const words = field.alsoAccepts?.length ? ` or ${field.alsoAccepts.join(', ')}` : '';
	return {
		...base,
		type: 'resourceLocator',
		// A table default (e.g. "all") is typed in By ID; otherwise the list is offered first.
		default:
			field.default !== undefined
				? { mode: 'id', value: field.default }
				: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethodName(locator), searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: locator.placeholder ?? (field.stringId ? 'e.g. contract' : 'e.g. 12345'),
				...(pattern
					? {
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: pattern,
										errorMessage: `Enter a whole-number ID${words}`,
									},
								},
							],
						}
					: {}),
			},
		],
	};
}

/**
 * The n8n parameter for one field. Plugin kinds make their own (see FieldKindPlugin) and return
 * undefined here.
 */
export function fieldProperty(field: FieldSpec): INodeProperties | undefined {
	const base = {
		displayName: displayName(field),
		name: parameterName(field),
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
			if (field.locator) return locatorProperty(base, field, field.locator);
			if (picker) return { ...base, type: 'options', typeOptions: picker, default: '' };
			// An ID is text to n8n: a number box would default to 0, which no record has.
			return {
				...base,
				type: 'string',
				default: field.default ?? '',
				placeholder: field.stringId ? undefined : 'e.g. 12345',
			};
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
		default:
			return undefined;
	}
}
