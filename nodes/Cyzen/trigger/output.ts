import type { IDataObject } from 'n8n-workflow';

import { withIsoTimes } from '../transport';
import type { CyzenEvent, WatchedObject } from './sources';

/** A choice item's list (radio, checkbox [public code] PC3) as one spreadsheet cell. */
function cellOf(value: unknown): unknown {
	return Array.isArray(value) ? value.map(String).join(', ') : value;
}

/**
 * A report with its items as named fields (`訪問目的: "定期訪問"`), next to `report_id`, so a row
 * keyed by the report id can be updated when the report is edited — what cyzen's own CSV export
 * lacks. Choice lists become one comma-separated cell; `report_items` keeps the raw values. An
 * item named like a report field (`user_id`) is written as `user_id (item)`.
 */
export function flattenReport(report: IDataObject): IDataObject {
	const flat: IDataObject = { ...report };
	const items = Array.isArray(report.report_items) ? (report.report_items as IDataObject[]) : [];
	for (const item of items) {
		const name = typeof item.item_name === 'string' ? item.item_name : '';
		if (name === '') continue;
		const key = name in report ? `${name} (item)` : name;
		flat[key] = cellOf(item.item_value) as IDataObject[keyof IDataObject];
	}
	// Raw values last: spreadsheet mappings read the named fields first.
	delete flat.report_items;
	flat.report_items = report.report_items;
	return flat;
}

/** One output item: `event` first, cyzen's fields with times in ISO 8601, reports flattened. */
export function outputOf(
	source: WatchedObject,
	record: IDataObject,
	event: CyzenEvent,
): IDataObject {
	const converted = withIsoTimes(record);
	return { event, ...(source.value === 'report' ? flattenReport(converted) : converted) };
}
