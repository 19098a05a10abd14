import type { LocatorSpec } from '@japan-saas/shared/engine';

import type { CyzenEndpoint, FieldSpec } from './schema';

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

/** An object of the §10 matrix as the node names it. */
export interface CyzenObject {
	resource: string;
	/** English, singular and plural, e.g. 'spot photo tag'. */
	singular: string;
	plural: string;
	/** The overview's own label, e.g. 'スポット写真タグ情報'. */
	label: string;
	/** Collection path below the base URL. */
	path: string;
}

type Verb = 'getAll' | 'create' | 'update' | 'delete';

const VERBS: Record<Verb, { name: string; method: CyzenEndpoint['method']; ja: string }> = {
	getAll: { name: 'Get Many', method: 'GET', ja: '取得' },
	create: { name: 'Create', method: 'POST', ja: '登録' },
	update: { name: 'Update', method: 'PUT', ja: '更新' },
	delete: { name: 'Delete', method: 'DELETE', ja: '削除' },
};

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/**
 * One operation of the §10 matrix on an object's collection path (spec §10.1): lists page with
 * `next_*`, writes are forms, deletes send their ids in the query. `extra` overrides anything.
 */
export function operationOf(
	object: CyzenObject,
	verb: Verb,
	status: NonNullable<CyzenEndpoint['status']>,
	extra: Partial<CyzenEndpoint> = {},
): CyzenEndpoint {
	const { name, method, ja } = VERBS[verb];
	const action =
		verb === 'getAll'
			? `Get many ${object.plural}`
			: `${name} ${article(object.singular)} ${object.singular}`;
	return {
		resource: object.resource,
		operation: verb,
		name,
		action,
		description: `${action} (${object.label})`,
		title: `${object.label} ${ja}`,
		method,
		path: object.path,
		status,
		...(verb === 'getAll' ? { paged: { listKey: object.path.slice(1) } } : {}),
		...extra,
	};
}
