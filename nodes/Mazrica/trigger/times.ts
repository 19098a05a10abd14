import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { inJapan, vendorTimeMs } from '@japan-saas/shared/dates';

/** Mazrica prints whole seconds: a list's time filters and its records share this unit. */
export const SECOND = 1000;

export function changeTime(record: IDataObject, field: string): number | undefined {
	return vendorTimeMs(record[field]);
}

/** A filter value in Japan time, as the reference's examples write it. */
export function filterTime(epochMs: number, withOffset: boolean): string {
	return inJapan(
		DateTime.fromMillis(epochMs),
		withOffset ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss",
	);
}
