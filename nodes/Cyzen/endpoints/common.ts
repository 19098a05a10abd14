import type { LocatorSpec } from '@japan-saas/shared/engine';

import type { FieldSpec } from './schema';

const HEX_PLACEHOLDER = 'e.g. 0123456789abcdef0123456789abcdef';

const locator = (resource: string, value: string, label: string): LocatorSpec => ({
	resource,
	value,
	label,
	placeholder: HEX_PLACEHOLDER,
});

/** Records a user picks from a list (resource locators, spec: every `*_id` is an opaque string). */
export const LOCATORS = {
	spot: locator('spot', 'spot_id', 'spot_name'),
	user: locator('user', 'user_id', 'user_name'),
	group: locator('group', 'group_id', 'group_name'),
	reportDefinition: locator('reportDefinition', 'report_definition_id', 'report_definition_name'),
	schedule: locator('schedule', 'schedule_id', 'title'),
} satisfies Record<string, LocatorSpec>;

type IdOptions = Partial<Pick<FieldSpec, 'required' | 'description' | 'displayName'>>;

/**
 * An opaque cyzen id (32 hex characters in every example). The n8n parameter is the camelCase
 * of the API name, so one name has one type across the node's operations.
 */
export function idField(name: string, label: string, options: IdOptions = {}): FieldSpec {
	const resource = name.replace(/_id$/, '').replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
	const known = (LOCATORS as Record<string, LocatorSpec>)[resource];
	return {
		name,
		parameter: camel(name),
		displayName: options.displayName ?? label,
		kind: 'id',
		stringId: true,
		...(known ? { locator: known } : {}),
		required: options.required,
		description: options.description,
	};
}

export function camel(name: string): string {
	return name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
}

/** A field whose n8n parameter is the camelCase of its API name. */
export function field(
	name: string,
	displayName: string,
	kind: FieldSpec['kind'],
	extra: Partial<FieldSpec> = {},
): FieldSpec {
	return { name, parameter: camel(name), displayName, kind, ...extra };
}

/** A window bound: an instant the user gives in any zone, sent as UTC without suffix. */
export function windowBound(name: string, displayName: string, description: string): FieldSpec {
	return field(name, displayName, 'dateTime', { description });
}

/** `1` when set (cyzen's flags such as `get_deleted=1`). */
export function flag(name: string, displayName: string, description: string): FieldSpec {
	return field(name, displayName, 'boolean', { booleanAsNumber: true, description });
}
