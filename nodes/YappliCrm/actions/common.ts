import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inJapan, toInstant } from '@japan-saas/shared/dates';
import { requestOptionProperties } from '@japan-saas/shared/descriptions/request-options';

/** Max Requests per Second and Timeout, under every operation's Options. */
export const requestOptionsProperties = requestOptionProperties(
	'Yappli CRM',
	'default pace of 5 requests per second',
);

/** A required text parameter, trimmed; expressions may hand us numbers. */
export function requiredText(
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
