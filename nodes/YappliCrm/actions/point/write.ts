import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { unwrapMember, yappliRequest } from '../../transport/request';
import { memberIdParameter, requestOptionsProperties, yappliTime } from '../common';
import { findAppliedEntry, IDEMPOTENCY_LOOKBACK, remarksWithKey } from './idempotency';

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
					description: `Makes re-runs safe: the key is written into Remarks, and if one of the member's ${IDEMPOTENCY_LOOKBACK} newest point entries already carries it, nothing is sent again. Use something unique per grant, e.g. an order number.`,
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
	const memberId = memberIdParameter(context, 'memberId', itemIndex, 'Member ID');
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const requestOptions = readRequestOptions(context, itemIndex);

	if (fields.title) body.title = String(fields.title);
	if (fields.expired_at)
		body.expired_at = yappliTime(context, fields.expired_at, 'Expires On', 'date', itemIndex);
	const key = String(options.idempotencyKey ?? '').trim();
	const remarks = String(fields.remarks ?? '');
	if (key) body.remarks = remarksWithKey(remarks, key);
	else if (remarks) body.remarks = remarks;

	const member = `/users/${encodeURIComponent(memberId)}`;
	if (key) {
		const applied = await findAppliedEntry(context, memberId, key, requestOptions);
		if (applied) {
			const current = await yappliRequest(context, 'GET', member, {}, requestOptions);
			return [{ ...unwrapMember(current), alreadyApplied: true, appliedEntry: applied }];
		}
	}
	const response = await yappliRequest(
		context,
		'POST',
		`${member}/${path}`,
		{ body, idempotent: false },
		requestOptions,
	);
	return [unwrapMember(response)];
}
