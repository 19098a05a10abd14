import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inJapan, toInstant } from '@japan-saas/shared/dates';

/** An n8n date (in the workflow's zone) as RODEM's `yyyymmdd`, the calendar day in Japan. */
export function rodemDate(
	context: IExecuteFunctions | IPollFunctions,
	value: unknown,
	label: string,
	itemIndex?: number,
): string {
	const instant = toInstant(value, context.getTimezone());
	if (!instant) {
		throw new NodeOperationError(context.getNode(), `"${label}" is not a date`, {
			itemIndex,
			description: `Received ${JSON.stringify(value)}; use a date such as 2026-04-01.`,
		});
	}
	return inJapan(instant, 'yyyyMMdd');
}
