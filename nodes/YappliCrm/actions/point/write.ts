import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { yappliMember } from '../../transport/request';
import { requestOptionsProperties, yappliTime } from '../common';
import { memberIdOf } from '../member-locator';
import { DEFAULT_LOOKBACK_DAYS, findAppliedEntry, remarksWithKey } from './idempotency';

/** A likely cause of a bare 400 on either point write. */
export const EXPIRY_CAUSE =
	'Expires On in the past or not a date Yappli accepts (sent as YYYY-MM-DD, Japan time)';

/** Fields shared by Add/Subtract and Calculate from Amount. */
export function pointWriteProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Expires On',
					name: 'expired_at',
					type: 'dateTime',
					default: '',
					description:
						'Expiry date of added points (Yappli sets 23:59:59). Ignored for subtractions. Empty uses the point settings.',
				},
				{
					displayName: 'Remarks',
					name: 'remarks',
					type: 'string',
					default: '',
					description: 'Internal memo (備考)',
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Reason; may be shown to the member',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Idempotency Key',
					name: 'idempotencyKey',
					type: 'string',
					default: '',
					description:
						"Makes re-runs safe: the key is written into Remarks, and if the member's point history within the look-back window already carries it, nothing is sent again. Use something unique per grant, e.g. an order number. Two runs with the same key at the same moment can still both write.",
				},
				{
					displayName: 'Idempotency Look-Back (Days)',
					name: 'idempotencyLookbackDays',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: DEFAULT_LOOKBACK_DAYS,
					description:
						'How far back the point history (newest first, by creation date) is searched for the Idempotency Key. A re-run later than this grants again.',
				},
				...requestOptionsProperties,
			],
		},
	];
}

/**
 * Sends one point write, at most once: it is never retried once it may have reached Yappli,
 * and with an idempotency key a write found in the history is not repeated.
 */
export async function writePoints(
	context: IExecuteFunctions,
	itemIndex: number,
	path: 'points' | 'points/calculation',
	body: IDataObject,
): Promise<IDataObject[]> {
	const memberId = memberIdOf(context, itemIndex);
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const requestOptions = readRequestOptions(context, itemIndex);

	if (fields.title) body.title = String(fields.title);
	if (fields.expired_at)
		body.expired_at = yappliTime(context, fields.expired_at, 'Expires On', 'date', itemIndex);
	const key = String(options.idempotencyKey ?? '').trim();
	const lookbackDays = Number(options.idempotencyLookbackDays ?? DEFAULT_LOOKBACK_DAYS);
	if (key && (!Number.isInteger(lookbackDays) || lookbackDays < 1)) {
		throw new NodeOperationError(
			context.getNode(),
			'"Idempotency Look-Back (Days)" must be a whole number, 1 or more',
			{ itemIndex },
		);
	}
	const remarks = String(fields.remarks ?? '');
	if (key) body.remarks = remarksWithKey(remarks, key);
	else if (remarks) body.remarks = remarks;

	const member = `/users/${encodeURIComponent(memberId)}`;
	if (key) {
		const applied = await findAppliedEntry(context, memberId, key, lookbackDays, requestOptions);
		if (applied) {
			const current = await yappliMember(context, 'GET', member, {}, requestOptions);
			return [{ ...current, alreadyApplied: true, appliedEntry: applied }];
		}
	}
	const updated = await yappliMember(
		context,
		'POST',
		`${member}/${path}`,
		{ body, idempotent: false },
		requestOptions,
	);
	return [updated];
}
