import { isObject, type Reader } from './fields';
import { isDate } from './time';
import type { CustomItemDef, CustomScalar, CustomValue } from './types';

/**
 * Reads `customerCustoms` / `contactCustoms` / `dealCustoms` / `actionCustoms`.
 * [proposed] Shape `[{ "itemKey": "<key>", "value": … }]`; values by item type: text → string,
 * number → integer, date → "YYYY-MM-DD", single_select → option id, multi_select → option ids;
 * null clears the item. Unknown itemKeys and wrong value types are problems on the field.
 */
export function readCustoms(
	reader: Reader,
	field: string,
	defs: CustomItemDef[],
): CustomValue[] | undefined {
	const list = reader.array(field);
	if (list === undefined) return undefined;
	const out: CustomValue[] = [];
	for (const [i, entry] of list.entries()) {
		const where = `${field}[${i}]`;
		if (!isObject(entry) || typeof entry.itemKey !== 'string') {
			reader.issues.add(`${where} must be an object { "itemKey": string, "value": ... }`);
			continue;
		}
		const def = defs.find((d) => d.itemKey === entry.itemKey);
		if (!def) {
			reader.issues.add(
				`${where}: unknown itemKey "${entry.itemKey}" (known: ${defs.map((d) => d.itemKey).join(', ') || 'none'})`,
			);
			continue;
		}
		const value = checkValue(def, entry.value);
		if (value === undefined) {
			reader.issues.add(`${where}: invalid value for ${def.itemType} item "${def.itemKey}"`);
			continue;
		}
		out.push({ itemKey: def.itemKey, value });
	}
	return out;
}

function checkValue(def: CustomItemDef, value: unknown): CustomScalar | undefined {
	if (value === null) return null;
	const optionIds = def.options.map((o) => o.id);
	switch (def.itemType) {
		case 'text':
			return typeof value === 'string' ? value : undefined;
		case 'number':
			return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
		case 'date':
			return isDate(value) ? value : undefined;
		case 'single_select':
			return typeof value === 'number' && optionIds.includes(value) ? value : undefined;
		case 'multi_select':
			return Array.isArray(value) &&
				value.every((v) => typeof v === 'number' && optionIds.includes(v))
				? (value as number[])
				: undefined;
		default:
			return undefined;
	}
}

/** [proposed] An update replaces the given items only; a null value removes the item. */
export function mergeCustoms(
	current: CustomValue[],
	incoming: CustomValue[] | undefined,
): CustomValue[] {
	if (incoming === undefined) return current;
	const map = new Map(current.map((v) => [v.itemKey, v.value]));
	for (const v of incoming) {
		if (v.value === null) map.delete(v.itemKey);
		else map.set(v.itemKey, v.value);
	}
	return [...map].map(([itemKey, value]) => ({ itemKey, value }));
}

/** Drops values whose item no longer exists (after a custom item is deleted). */
export function pruneCustoms(values: CustomValue[], defs: CustomItemDef[]): CustomValue[] {
	return values.filter((v) => defs.some((d) => d.itemKey === v.itemKey));
}
