import type { IDataObject } from 'n8n-workflow';

/**
 * The tutorial writes its answers as tables: `members > member`, `points > point` (history and
 * expiry list alike) and `member` typed "Array[Member Object]" while holding one member. Read
 * literally, a list item may be the record itself or `{ "member": {…} }` / `{ "point": {…} }`, and
 * a single member may come as a one-element array. Every answer is unwrapped here, once, so no
 * caller ever sees a wrapper.
 */
const LIST_WRAPPERS = { members: 'member', points: 'point' } as const;

export type YappliList = keyof typeof LIST_WRAPPERS;

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
export function listRecords(body: IDataObject, list: YappliList): IDataObject[] {
	const items = Array.isArray(body[list]) ? (body[list] as unknown[]) : [];
	return items.flatMap((item) => unwrapped(item, LIST_WRAPPERS[list]));
}

/** The member of a `{ "member": … }` answer (object or one-element array), or a list item. */
export function unwrapMember(value: unknown): IDataObject {
	return unwrapped(value, 'member')[0] ?? {};
}
