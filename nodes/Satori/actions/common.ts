import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inJapan, toInstant } from '@japan-saas/shared/dates';
import { requestOptionProperties } from '@japan-saas/shared/descriptions/request-options';

import { readAnswer } from '../transport/answer';

export type IdentityType = 'email' | 'hashcode';

/** How SATORI finds the customer: `customer[identity_type]` plus the email or the hashcode. */
export const identityProperties: INodeProperties[] = [
	{
		displayName: 'Identify Customer By',
		name: 'identityType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Email (メールアドレス)', value: 'email' },
			{ name: 'Hashcode (ハッシュコード)', value: 'hashcode' },
		],
		default: 'email',
		description: 'SATORI identity_type: the key used to find an existing customer',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: { show: { identityType: ['email'] } },
		description: "The customer's email address (at most 255 half-width characters)",
	},
	{
		displayName: 'Hashcode',
		name: 'hashcode',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { identityType: ['hashcode'] } },
		description: "SATORI's own customer ID (ハッシュコード)",
	},
];

/** Max Requests per Second and Timeout, under Options of every operation. */
export const satoriRequestOptions = requestOptionProperties(
	'SATORI',
	'default pace of 1 request per second',
);

/** Options → Endpoint Path, for the calls whose path SATORI does not publish. */
export function endpointPathProperty(defaultPath: string): INodeProperties {
	return {
		displayName: 'Endpoint Path (PROPOSED)',
		name: 'endpointPath',
		type: 'string',
		default: '',
		placeholder: defaultPath,
		description: `SATORI names this call but does not publish its path; we use ${defaultPath}. Set the path SATORI gives you if it differs.`,
	};
}

/** An Options collection holding the given options, sorted as n8n's lint wants them. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const EMAIL = /^[\x21-\x7e]+@[\x21-\x7e]+\.[\x21-\x7e]+$/;

/** The identity of one item, checked before anything is sent. */
export function identityOf(
	context: IExecuteFunctions,
	itemIndex: number,
): { identityType: IdentityType; value: string } {
	const identityType = context.getNodeParameter('identityType', itemIndex) as IdentityType;
	const fail = (message: string, description?: string) =>
		new NodeOperationError(context.getNode(), message, { itemIndex, description });
	if (identityType !== 'email' && identityType !== 'hashcode') {
		throw fail(`"Identify Customer By" must be Email or Hashcode, not "${String(identityType)}"`);
	}
	const value = String(context.getNodeParameter(identityType, itemIndex, '') ?? '').trim();
	const label = identityType === 'email' ? 'Email' : 'Hashcode';
	if (!value) throw fail(`"${label}" is required`);
	if (identityType === 'email') {
		if (value.length > 255) throw fail('"Email" must be at most 255 characters');
		if (!EMAIL.test(value)) {
			throw fail(
				`"Email" is not a valid address: ${JSON.stringify(value)}`,
				'SATORI takes half-width addresses such as taro@example.co.jp.',
			);
		}
	}
	return { identityType, value };
}

/**
 * A date for SATORI, in Japan time: "YYYY-MM-DD" for dates (a plain date is kept as written),
 * "YYYY-MM-DD HH:MM:SS" for date-times. Throws naming the field when the value is not a date.
 */
export function satoriTime(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	kind: 'date' | 'dateTime',
	itemIndex: number,
): string {
	if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		return value.trim();
	}
	const instant = toInstant(value, context.getTimezone());
	if (!instant) {
		throw new NodeOperationError(context.getNode(), `"${label}" is not a date`, {
			itemIndex,
			description: `Received ${JSON.stringify(value)}; use a date such as 2026-04-01${kind === 'dateTime' ? ' 10:30:00' : ''}.`,
		});
	}
	return inJapan(instant, kind === 'date' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss');
}

/** What a single-customer call returns as the item: the identity sent and SATORI's answer. */
export function answerItem(
	identity: { identityType: IdentityType; value: string },
	response: unknown,
): IDataObject {
	const { status, message, payload } = readAnswer(response);
	const hashcode = payload['customer[hashcode]'] ?? payload.hashcode;
	const rest = Object.fromEntries(
		Object.entries(payload).filter(
			([key]) => !['status', 'message', 'customer[hashcode]', 'hashcode'].includes(key),
		),
	);
	return {
		identity_type: identity.identityType,
		[identity.identityType]: identity.value,
		...(identity.identityType === 'email' && hashcode !== undefined ? { hashcode } : {}),
		...rest,
		status: status ?? null,
		...(message !== undefined ? { message } : {}),
	};
}
