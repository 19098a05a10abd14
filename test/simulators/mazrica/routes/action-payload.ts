import { mergeCustoms, readCustoms } from '../customs';
import type { Reader } from '../fields';
import { boolParam, intParam, rangeParam, userIdsParam, within, dateParam } from '../filters';
import type { MazricaStore } from '../store';
import type { ActionKind, ActionRec, CustomValue } from '../types';

type ActionFields = Omit<
	ActionRec,
	'id' | 'kind' | 'customs' | 'files' | 'createdAt' | 'updatedAt'
>;
export type ActionPatch = Partial<ActionFields> & { customs?: CustomValue[] };

/**
 * Reads an action body of any of the three families.
 * - customer / contact actions: `startDatetime`, `endDatetime`, `creator`, `pattern` required on create;
 * - deal actions: `startDatetime`, `endDatetime`, `creator`, `purpose`, `deal` required on create
 *   **and** on update (Q8); the pattern follows the purpose (vendor doc);
 * - `contacts` exists on customer and deal actions only (the contact-action body has none).
 * Unknown referenced ids (creator, invitees, pattern, purpose, deal, contacts) are 400 problems
 * naming the field [proposed]; `endDatetime` before `startDatetime` too [proposed].
 */
export function readAction(
	reader: Reader,
	store: MazricaStore,
	kind: ActionKind,
	required: boolean,
	existing?: ActionRec,
): ActionPatch {
	const patch: ActionPatch = {};
	const start = reader.dateTime('startDatetime', { required });
	if (typeof start === 'number') patch.startDatetime = start;
	const end = reader.dateTime('endDatetime', { required });
	if (typeof end === 'number') patch.endDatetime = end;
	const finalStart = patch.startDatetime ?? existing?.startDatetime ?? null;
	const finalEnd = patch.endDatetime ?? existing?.endDatetime ?? null;
	if (finalStart !== null && finalEnd !== null && finalEnd < finalStart) {
		reader.issues.add('endDatetime must not be before startDatetime'); // [proposed]
	}

	const creatorId = reader.ref('creator', { required });
	if (typeof creatorId === 'number') {
		if (store.users.has(creatorId)) patch.creatorId = creatorId;
		else reader.issues.add(`creator: user ${creatorId} not found`);
	}
	const invitees = reader.refs('invitees');
	if (invitees) {
		const unknown = invitees.filter((id) => !store.users.has(id));
		if (unknown.length) reader.issues.add(`invitees: unknown user(s) ${unknown.join(', ')}`);
		else patch.inviteeIds = [...new Set(invitees)];
	}
	for (const key of ['preNote', 'result'] as const) {
		const value = reader.string(key, { nullable: true });
		if (value !== undefined) patch[key] = value;
	}
	const active = reader.boolean('active');
	if (active !== undefined) patch.active = active;

	if (kind === 'deal') {
		const dealId = reader.ref('deal', { required });
		const dealIdFinal = typeof dealId === 'number' ? dealId : existing?.dealId;
		const deal =
			dealIdFinal === undefined || dealIdFinal === null ? undefined : store.deals.get(dealIdFinal);
		if (typeof dealId === 'number') {
			if (deal) patch.dealId = dealId;
			else reader.issues.add(`deal: deal ${dealId} not found`);
		}
		const purposeId = reader.ref('purpose', { required });
		if (typeof purposeId === 'number') {
			const found = store.purpose(purposeId);
			if (!found) reader.issues.add(`purpose: purpose ${purposeId} not found`);
			else if (deal && found.dealType.id !== deal.dealTypeId) {
				reader.issues.add(
					`purpose: purpose ${purposeId} belongs to deal type ${found.dealType.id}, the deal to ${deal.dealTypeId}`,
				);
			} else {
				patch.purposeId = purposeId;
				patch.patternId = found.purpose.patternId;
			}
		}
	} else {
		const patternId = reader.ref('pattern', { required });
		if (typeof patternId === 'number') {
			if (store.actionPatterns.has(patternId)) patch.patternId = patternId;
			else reader.issues.add(`pattern: action pattern ${patternId} not found`);
		}
	}
	if (kind !== 'contact') {
		const contacts = reader.refs('contacts');
		if (contacts) {
			const unknown = contacts.filter((id) => !store.contacts.has(id));
			if (unknown.length) reader.issues.add(`contacts: unknown contact(s) ${unknown.join(', ')}`);
			else patch.contactIds = [...new Set(contacts)];
		}
	}
	const customs = readCustoms(reader, 'actionCustoms', store.actionCustomItems);
	if (customs !== undefined) patch.customs = customs;
	return patch;
}

export function newAction(
	store: MazricaStore,
	kind: ActionKind,
	patch: ActionPatch,
	now: number,
): ActionRec {
	const { customs, ...fields } = patch;
	return {
		id: store.nextId('action'),
		kind,
		customerId: null,
		dealId: null,
		contactId: null,
		patternId: 0,
		purposeId: null,
		startDatetime: null,
		endDatetime: null,
		preNote: null,
		result: null,
		extraResult: null,
		syncCalendar: false,
		active: true, // [proposed] default: planned
		creatorId: 0,
		inviteeIds: [],
		contactIds: [],
		...fields,
		customs: mergeCustoms([], customs),
		files: [],
		createdAt: now,
		updatedAt: now,
	};
}

export function applyActionPatch(action: ActionRec, patch: ActionPatch, now: number): void {
	const { customs, ...fields } = patch;
	Object.assign(action, fields);
	action.customs = mergeCustoms(action.customs, customs);
	action.updatedAt = now;
}

/**
 * The filters shared by the three action lists: `startDatetime` (action starts at or after),
 * `endDatetime` (action ends at or before) [proposed reading of the document's example],
 * `createdAtFrom/To`, `updatedAtFrom/To`, `users[]id` (creator or invitee), `active`, and
 * the family's own: `pattern`, `purpose`, `dealId`.
 */
export function actionFilter(
	query: URLSearchParams,
	extra: Array<'pattern' | 'purpose' | 'dealId'>,
): (a: ActionRec) => boolean {
	const start = dateParam(query, 'startDatetime');
	const end = dateParam(query, 'endDatetime');
	const createdAt = rangeParam(query, 'createdAtFrom', 'createdAtTo');
	const updatedAt = rangeParam(query, 'updatedAtFrom', 'updatedAtTo');
	const users = userIdsParam(query);
	const active = boolParam(query, 'active');
	const pattern = extra.includes('pattern') ? intParam(query, 'pattern') : undefined;
	const purpose = extra.includes('purpose') ? intParam(query, 'purpose') : undefined;
	const dealId = extra.includes('dealId') ? intParam(query, 'dealId') : undefined;
	return (a) =>
		within(a.startDatetime, start, undefined) &&
		within(a.endDatetime, undefined, end) &&
		within(a.createdAt, createdAt.from, createdAt.to) &&
		within(a.updatedAt, updatedAt.from, updatedAt.to) &&
		(users === undefined || users.some((id) => a.creatorId === id || a.inviteeIds.includes(id))) &&
		(active === undefined || a.active === active) &&
		(pattern === undefined || a.patternId === pattern) &&
		(purpose === undefined || a.purposeId === purpose) &&
		(dealId === undefined || a.dealId === dealId);
}

/** `startDatetime` is documented; updatedAt / createdAt / id are accepted too [proposed]. */
export const actionSortKeys = {
	startDatetime: (a: ActionRec) => a.startDatetime,
	updatedAt: (a: ActionRec) => a.updatedAt,
	createdAt: (a: ActionRec) => a.createdAt,
	id: (a: ActionRec) => a.id,
};
