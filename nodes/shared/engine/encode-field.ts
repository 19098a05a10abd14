import { DateTime } from 'luxon';
import { z } from 'zod';

import { toInstant } from '../dates';
import type { EngineConfig, FieldSpec } from './types';

type FieldSchema = z.ZodType<unknown, z.ZodTypeDef, unknown>;
export type VendorDates = EngineConfig['dates'];

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

/** Whether a field names a record by id (the kinds where 0 means "not chosen"). */
export function isIdField(field: FieldSpec): boolean {
	return field.kind === 'id' || field.kind === 'reference';
}

/** A whole number, given as a number or as digits. */
function toWholeNumber(value: unknown): number | undefined {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
				? Number(value)
				: Number.NaN;
	return Number.isInteger(n) ? n : undefined;
}

const wholeNumber = z.unknown().transform((value, ctx) => {
	const n = toWholeNumber(value);
	if (n !== undefined) return n;
	ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a whole-number ID' });
	return z.NEVER;
});

/** A whole-number id above 0 (or 0 when the vendor gives 0 a meaning), or one of the accepted words. */
function numericId(field: FieldSpec): FieldSchema {
	const words = field.alsoAccepts ?? [];
	const wanted = words.length ? ` or ${words.map((word) => `"${word}"`).join(', ')}` : '';
	return z.unknown().transform((value, ctx) => {
		if (typeof value === 'string' && words.includes(value.trim())) return value.trim();
		const n = toWholeNumber(value);
		if (n === undefined) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole-number ID${wanted}` });
			return z.NEVER;
		}
		if (n > 0 || (field.acceptsZero === true && n === 0)) return n;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: field.acceptsZero ? 'must be an ID (0 or above)' : `must be an ID above 0${wanted}`,
		});
		return z.NEVER;
	});
}

const stringKey = z.union([
	z.string().trim().min(1, 'must not be empty'),
	z.number().transform(String),
]);

/** Several ids as an array, or one comma-separated text; string keys with `stringId`. */
const idArrayOf = (element: z.ZodTypeAny) =>
	z
		.union([
			z.array(element),
			z.string().transform((s) =>
				s
					.split(',')
					.map((part) => part.trim())
					.filter(Boolean),
			),
		])
		.pipe(z.array(element));

const idArray = idArrayOf(wholeNumber);
const stringKeyArray = idArrayOf(stringKey);

/** A related record as the API writes and answers it, `{ "id": n, … }`, taken as its id. */
const idOfRecord = (value: unknown): unknown =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && 'id' in value
		? (value as { id: unknown }).id
		: value;

const referenceArray = idArrayOf(z.unknown().transform(idOfRecord).pipe(wholeNumber));

function jsonValue(field: FieldSpec): FieldSchema {
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

function buildSchema(field: FieldSpec, dates: VendorDates, workflowZone: string): FieldSchema {
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
				const layout = field.kind === 'date' ? dates.date : (field.dateLayout ?? dates.dateTime);
				return instant.setZone(dates.zone).toFormat(layout);
			});
		case 'options': {
			const allowed = (field.values ?? []).map((v) => v.value);
			return z.unknown().refine((v) => allowed.includes(v as string | number | boolean), {
				message: `must be one of ${allowed.join(', ')}`,
			});
		}
		case 'reference':
			return z
				.unknown()
				.transform(idOfRecord)
				.pipe(numericId(field))
				.transform((value) => ({ id: value }));
		case 'id':
			return field.stringId ? stringKey : numericId(field);
		case 'idList':
			return field.stringId ? stringKeyArray : idArray;
		case 'referenceList':
			return referenceArray.transform((ids) => ids.map((value) => ({ id: value })));
		case 'json':
			return jsonValue(field);
		default:
			return z.unknown();
	}
}

/** Built once per field, vendor dates and workflow time zone: a bulk run validates thousands of items. */
const schemas = new WeakMap<FieldSpec, WeakMap<VendorDates, Map<string, FieldSchema>>>();

/**
 * The zod schema that validates one field's input and turns it into the API's encoding: ids as
 * numbers, related records as `{ id }`, dates in the vendor's zone and layout, JSON parsed.
 */
export function fieldSchema(
	field: FieldSpec,
	dates: VendorDates,
	workflowZone: string,
): FieldSchema {
	let byDates = schemas.get(field);
	if (!byDates) {
		byDates = new WeakMap();
		schemas.set(field, byDates);
	}
	let byZone = byDates.get(dates);
	if (!byZone) {
		byZone = new Map();
		byDates.set(dates, byZone);
	}
	let schema = byZone.get(workflowZone);
	if (!schema) {
		schema = buildSchema(field, dates, workflowZone);
		byZone.set(workflowZone, schema);
	}
	return schema;
}
