import { fail, INVALID_SEARCH_MESSAGE } from './errors';
import { isObject, type Json } from './fields';
import { parseDateTime } from './time';

/**
 * The search body of `POST /customers/search` and `POST /contacts/search` (§7). The document
 * collapses `filter` and `sort`; the schema here is [proposed]:
 *   node   = { "compositeFilter": { "op": "AND"|"OR", "filters": [node, …] } }
 *          | { "valueFilter": { "field", "op", "value", "fieldreference"? } }
 *   op     = EQUAL | NOT_EQUAL | GREATER_THAN | GREATER_THAN_OR_EQUAL | LESS_THAN | LESS_THAN_OR_EQUAL | CONTAINS | IN
 *   sort   = { "field", "order": "asc"|"desc" } (or an array of them [proposed])
 * At most 300 nodes, the top-level compositeFilter not counted (vendor doc). Custom items are
 * addressed as `<plural>Customs.<itemKey>` [proposed], e.g. `customerCustoms.rank`.
 */

export const MAX_SEARCH_NODES = 300;

export type FieldType = 'string' | 'number' | 'datetime' | 'date' | 'idList';

export interface SearchField<T> {
	type: FieldType;
	get: (record: T) => unknown;
	/** Only plain properties sort; custom items and related objects do not (vendor doc). */
	sortable: boolean;
}

export type SearchFields<T> = Record<string, SearchField<T>>;

export interface SearchReference<T> {
	fields: SearchFields<unknown>;
	resolve: (record: T) => unknown;
}

export interface SearchSchema<T> {
	fields: SearchFields<T>;
	/** Allowed `fieldreference` values; customers allow none, contacts only `customer`. */
	references: Record<string, SearchReference<T>>;
	resource: string;
}

export interface CompiledSearch<T> {
	predicate: (record: T) => boolean;
	compare?: (a: T, b: T) => number;
	page: number;
}

function invalid(detail: string): never {
	return fail(400, 'Bad Request', [`${INVALID_SEARCH_MESSAGE}: ${detail}`]);
}

const OPS = [
	'EQUAL',
	'NOT_EQUAL',
	'GREATER_THAN',
	'GREATER_THAN_OR_EQUAL',
	'LESS_THAN',
	'LESS_THAN_OR_EQUAL',
	'CONTAINS',
	'IN',
] as const;
type Op = (typeof OPS)[number];

/** Counts compositeFilter and valueFilter nodes (the root included; callers subtract it). */
export function countNodes(node: unknown): number {
	if (!isObject(node)) return 1;
	if (isObject(node.compositeFilter)) {
		const filters = node.compositeFilter.filters;
		return (
			1 +
			(Array.isArray(filters)
				? filters.reduce<number>((sum, child) => sum + countNodes(child), 0)
				: 0)
		);
	}
	return 1;
}

function normalise(type: FieldType, value: unknown, path: string): unknown {
	if (value === null) return null;
	switch (type) {
		case 'string':
			if (typeof value !== 'string') invalid(`${path}: value must be a string`);
			return value;
		case 'number':
		case 'idList':
			if (typeof value !== 'number') invalid(`${path}: value must be a number`);
			return value;
		case 'date':
			if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
				invalid(`${path}: value must be YYYY-MM-DD`);
			return value;
		case 'datetime': {
			const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
			if (ms === undefined) invalid(`${path}: value must be an ISO 8601 date-time`);
			return ms;
		}
	}
}

function compare(a: unknown, b: unknown): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function valuePredicate<T>(
	filter: Json,
	schema: SearchSchema<T>,
	path: string,
): (record: T) => boolean {
	const { field, op, value, fieldreference } = filter;
	if (typeof field !== 'string' || field === '') invalid(`${path}.field is required`);
	if (typeof op !== 'string' || !OPS.includes(op as Op))
		invalid(`${path}.op must be one of ${OPS.join(', ')}`);
	if (!('value' in filter)) invalid(`${path}.value is required`);
	let fields: SearchFields<unknown> = schema.fields as SearchFields<unknown>;
	let resolve: (record: T) => unknown = (record) => record;
	if (fieldreference !== undefined && fieldreference !== null) {
		const reference =
			typeof fieldreference === 'string' ? schema.references[fieldreference] : undefined;
		if (!reference) {
			const allowed = Object.keys(schema.references);
			invalid(
				allowed.length
					? `${path}.fieldreference "${String(fieldreference)}" is not supported (only ${allowed.join(', ')})`
					: `${path}.fieldreference is not supported on ${schema.resource}`,
			);
		}
		fields = reference.fields;
		resolve = reference.resolve;
	}
	const spec = Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
	if (!spec) invalid(`${path}.field "${field}" is not searchable`);
	const operation = op as Op;
	if (operation === 'CONTAINS' && spec.type !== 'string' && spec.type !== 'idList') {
		invalid(`${path}: CONTAINS needs a text field`);
	}
	let expected: unknown;
	if (operation === 'IN') {
		if (!Array.isArray(value) || value.length === 0)
			invalid(`${path}: IN needs a non-empty array value`);
		expected = value.map((v, i) => normalise(spec.type, v, `${path}.value[${i}]`));
	} else {
		expected = normalise(spec.type, value, `${path}.value`);
		if (expected === null && operation !== 'EQUAL' && operation !== 'NOT_EQUAL')
			invalid(`${path}: null only with EQUAL / NOT_EQUAL`);
	}
	return (record: T) => {
		const target = resolve(record);
		if (target === undefined || target === null) return operation === 'EQUAL' && expected === null;
		const actual = spec.get(target);
		if (spec.type === 'idList') {
			const list = Array.isArray(actual) ? actual : [];
			if (operation === 'IN') return (expected as unknown[]).some((v) => list.includes(v));
			if (operation === 'NOT_EQUAL') return !list.includes(expected);
			return list.includes(expected);
		}
		switch (operation) {
			case 'EQUAL':
				return (actual ?? null) === expected;
			case 'NOT_EQUAL':
				return (actual ?? null) !== expected;
			case 'IN':
				return (expected as unknown[]).includes(actual);
			case 'CONTAINS':
				return typeof actual === 'string' && actual.includes(expected as string);
			default: {
				if (actual === null || actual === undefined) return false;
				const c = compare(actual, expected);
				if (operation === 'GREATER_THAN') return c > 0;
				if (operation === 'GREATER_THAN_OR_EQUAL') return c >= 0;
				if (operation === 'LESS_THAN') return c < 0;
				return c <= 0;
			}
		}
	};
}

function nodePredicate<T>(
	node: unknown,
	schema: SearchSchema<T>,
	path: string,
): (record: T) => boolean {
	if (!isObject(node)) invalid(`${path} must be an object`);
	const keys = Object.keys(node);
	if (keys.length !== 1 || (keys[0] !== 'compositeFilter' && keys[0] !== 'valueFilter')) {
		invalid(`${path} must have exactly one of compositeFilter, valueFilter`);
	}
	if (keys[0] === 'valueFilter') {
		if (!isObject(node.valueFilter)) invalid(`${path}.valueFilter must be an object`);
		return valuePredicate(node.valueFilter, schema, `${path}.valueFilter`);
	}
	const composite = node.compositeFilter;
	if (!isObject(composite)) invalid(`${path}.compositeFilter must be an object`);
	if (composite.op !== 'AND' && composite.op !== 'OR')
		invalid(`${path}.compositeFilter.op must be AND or OR`);
	if (!Array.isArray(composite.filters) || composite.filters.length === 0) {
		invalid(`${path}.compositeFilter.filters must be a non-empty array`);
	}
	const children = composite.filters.map((child, i) =>
		nodePredicate(child, schema, `${path}.compositeFilter.filters[${i}]`),
	);
	return composite.op === 'AND'
		? (r) => children.every((p) => p(r))
		: (r) => children.some((p) => p(r));
}

function sortComparator<T>(
	sort: unknown,
	schema: SearchSchema<T>,
): ((a: T, b: T) => number) | undefined {
	if (sort === undefined || sort === null) return undefined;
	const list = Array.isArray(sort) ? sort : [sort];
	const order = list.map((entry, i) => {
		const path = Array.isArray(sort) ? `sort[${i}]` : 'sort';
		if (!isObject(entry) || typeof entry.field !== 'string') invalid(`${path}.field is required`);
		if (entry.fieldreference !== undefined)
			invalid(`${path}: sorting by related-object fields is not supported`);
		const spec = Object.prototype.hasOwnProperty.call(schema.fields, entry.field)
			? schema.fields[entry.field]
			: undefined;
		if (!spec) invalid(`${path}.field "${entry.field}" is unknown`);
		if (!spec.sortable) invalid(`${path}: sorting by custom items (詳細項目) is not supported`);
		const direction = entry.order ?? 'asc';
		if (direction !== 'asc' && direction !== 'desc') invalid(`${path}.order must be asc or desc`);
		return { get: spec.get, desc: direction === 'desc' };
	});
	return (a, b) => {
		for (const { get, desc } of order) {
			const va = get(a);
			const vb = get(b);
			if (va === vb) continue;
			if (va === null || va === undefined) return 1;
			if (vb === null || vb === undefined) return -1;
			const c = compare(va, vb);
			if (c !== 0) return desc ? -c : c;
		}
		return 0;
	};
}

export function compileSearch<T>(body: Json, schema: SearchSchema<T>): CompiledSearch<T> {
	if (body.filter === undefined || body.filter === null) invalid('filter is required');
	const filter = body.filter;
	const root = isObject(filter) && isObject(filter.compositeFilter) ? 1 : 0;
	const count = countNodes(filter) - root;
	if (count > MAX_SEARCH_NODES) {
		invalid(
			`filter has ${count} compositeFilter/valueFilter nodes; at most ${MAX_SEARCH_NODES} are allowed`,
		);
	}
	const predicate = nodePredicate(filter, schema, 'filter');
	let page = 1;
	if (body.page !== undefined && body.page !== null) {
		if (typeof body.page !== 'number' || !Number.isInteger(body.page) || body.page < 1) {
			fail(400, 'Bad Request', ['page must be a positive integer (1-based)']);
		}
		page = body.page;
	}
	return { predicate, compare: sortComparator(body.sort, schema), page };
}
