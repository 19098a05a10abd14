import type { IDataObject } from 'n8n-workflow';

/**
 * The tutorial writes its answers as tables: `members > member`, `points > point` (history and
 * expiry list alike) and `member` typed "Array[Member Object]" while holding one member. Read
 * literally, a list item may be the record itself or `{ "member": {…} }` / `{ "point": {…} }`, and
 * a single member may come as a one-element array. Every answer is unwrapped here, once, so no
 * caller ever sees a wrapper.
 */
const LIST_WRAPPERS = { members: 'member', points: 'point' } as const;

export type YappliListKey = keyof typeof LIST_WRAPPERS;

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The records inside `value[wrapper]` when it is a wrapper (an object or an array of objects),
 * else `value` itself. A plain point row has a numeric `point`, so it is never taken for one.
 */
function unwrapped(value: unknown, wrapper: string): IDataObject[] {
	const inner = isRecord(value) ? value[wrapper] : undefined;
	if (isRecord(inner)) return [inner];
	if (Array.isArray(inner) && inner.length > 0 && inner.every(isRecord)) return inner;
	return isRecord(value) ? [value] : [];
}

/** The plain records of a list answer (`members` or `points`), whichever reading Yappli uses. */
export function listRecords(body: IDataObject, list: YappliListKey): IDataObject[] {
	const items = Array.isArray(body[list]) ? (body[list] as unknown[]) : [];
	return items.flatMap((item) => unwrapped(item, LIST_WRAPPERS[list]));
}

/** The member of a `{ "member": … }` answer (object or one-element array), or a list item. */
export function unwrapMember(value: unknown): IDataObject {
	return unwrapped(value, 'member')[0] ?? {};
}

/** The member object's own fields (tutorial §顧客詳細); every other field is a custom field. */
const MEMBER_FIELDS = new Set([
	'id',
	'unique_id',
	'login_id',
	'rank',
	'secret_quetion',
	'secret_question',
	'secret_answer',
	'point',
	'total_point',
	'logined',
	'enabled',
	'memo',
	'point_geted_at',
	'point_used_at',
	'point_expired_at',
	'point_expired_point',
	'logined_at',
	'created_at',
	'updated_at',
	'external_ids',
]);

/** column01–column50, or the key names an admin gave them (with `with_column_key`). */
export function customFieldNames(member: IDataObject): string[] {
	return Object.keys(member).filter((name) => !MEMBER_FIELDS.has(name));
}

/** A field's value as text for display and matching; '' when empty. */
export function fieldText(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}
