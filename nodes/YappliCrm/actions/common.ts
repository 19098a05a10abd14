import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inJapan, toInstant } from '@japan-saas/shared/dates';
import { maxRequestsPerSecondOption } from '@japan-saas/shared/descriptions/request-options';
export { showFor } from '@japan-saas/shared/descriptions/show-for';
import type { RequestOptions } from '@japan-saas/shared/transport';

export const requestOptionsProperty = maxRequestsPerSecondOption(
	'Yappli CRM',
	'default pace of 5 requests per second',
);

export function callOptions(context: IExecuteFunctions, itemIndex: number): RequestOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { itemIndex, maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined };
}

/** Member IDs are strings; the editor may hand us numbers from expressions. */
export function memberIdParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value)
		throw new NodeOperationError(context.getNode(), `"${label}" is required`, { itemIndex });
	return value;
}

/**
 * A date or date-time in Yappli's layout (Go's 2006-01-02 15:04:05), converted from the n8n
 * value in the workflow's zone to Japan time. Throws naming the field when it is not a date.
 */
export function yappliTime(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	kind: 'date' | 'dateTime',
	itemIndex: number,
): string {
	const instant = toInstant(value, context.getTimezone());
	if (!instant) {
		throw new NodeOperationError(context.getNode(), `"${label}" is not a date`, {
			itemIndex,
			description: `Received ${JSON.stringify(value)}; use a date such as 2026-04-01${kind === 'dateTime' ? ' 10:30:00' : ''}.`,
		});
	}
	return inJapan(instant, kind === 'date' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss');
}
