import { DateTime } from 'luxon';
import { z } from 'zod';

import { JAPAN_ZONE, toInstant } from '@japan-saas/shared/dates';

import type { FieldSpec } from '../endpoints/schema';

/** Empty inputs an optional field treats as "not set". */
export function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0) ||
		(typeof value === 'object' &&
			!Array.isArray(value) &&
			!(value instanceof Date) &&
			Object.keys(value).length === 0 &&
			!DateTime.isDateTime(value))
	);
}

const id = z.union([
	z.number(),
	z
		.string()
		.regex(/^-?\d+$/, 'must be a whole-number ID')
		.transform(Number),
]);
const stringId = z.union([z.string().min(1), z.number().transform(String)]);
const idArray = z
	.union([
		z.array(id),
		z.string().transform((s) =>
			s
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean),
		),
	])
	.pipe(z.array(id));

function jsonValue(field: FieldSpec) {
	return z
		.union([z.string(), z.record(z.unknown()), z.array(z.unknown())])
		.transform((value, ctx) => {
			if (typeof value !== 'string') return value;
			try {
				return JSON.parse(value) as unknown;
			} catch {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `${field.displayName} is not valid JSON`,
				});
				return z.NEVER;
			}
		});
}

type FieldSchema = z.ZodType<unknown, z.ZodTypeDef, unknown>;

/** Built once per field and workflow time zone: a bulk run validates thousands of items. */
const schemas = new WeakMap<FieldSpec, Map<string, FieldSchema>>();

/**
 * The zod schema that validates one field's input and turns it into the API's encoding: ids as
 * numbers, related records as `{ id }`, dates in Japan time, JSON parsed.
 */
export function fieldSchema(field: FieldSpec, workflowZone: string): FieldSchema {
	let byZone = schemas.get(field);
	if (!byZone) {
		byZone = new Map();
		schemas.set(field, byZone);
	}
	let schema = byZone.get(workflowZone);
	if (!schema) {
		schema = buildSchema(field, workflowZone);
		byZone.set(workflowZone, schema);
	}
	return schema;
}

function buildSchema(field: FieldSpec, workflowZone: string): FieldSchema {
	switch (field.kind) {
		case 'string':
			return z.union([z.string(), z.number().transform(String)]);
		case 'number': {
			let bounded = z.number({ invalid_type_error: 'must be a number' }).finite();
			if (field.min !== undefined)
				bounded = bounded.min(field.min, `must be at least ${field.min}`);
			if (field.max !== undefined) bounded = bounded.max(field.max, `must be at most ${field.max}`);
			return z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(bounded);
		}
		case 'boolean': {
			const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
			return field.booleanAsNumber ? flag.transform((v) => (v ? 1 : 0)) : flag;
		}
		case 'date':
		case 'dateTime':
			return z.unknown().transform((value, ctx) => {
				const instant = toInstant(value, workflowZone);
				if (!instant) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						message: 'is not a date (use ISO 8601, e.g. 2026-04-01T10:30:00)',
					});
					return z.NEVER;
				}
				const jst = instant.setZone(JAPAN_ZONE);
				if (field.kind === 'date') return jst.toFormat('yyyy-MM-dd');
				return field.dateFormat === 'jstOffset'
					? jst.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")
					: jst.toFormat("yyyy-MM-dd'T'HH:mm:ss");
			});
		case 'options': {
			const allowed = (field.values ?? []).map((v) => v.value);
			return z.unknown().refine((v) => allowed.includes(v as string | number | boolean), {
				message: `must be one of ${allowed.join(', ')}`,
			});
		}
		case 'reference':
			return id.transform((value) => ({ id: value }));
		case 'id':
			return field.stringId ? stringId : id;
		case 'idList':
			return idArray;
		case 'referenceList':
			return idArray.transform((ids) => ids.map((value) => ({ id: value })));
		case 'json':
			return jsonValue(field);
		case 'customItems':
			return z.unknown();
	}
}
