import type { IDataObject } from 'n8n-workflow';

import type { RequestContext, RequestOptions } from '@japan-saas/shared/transport';

import { activityEndpoints } from '../endpoints/activity';
import { reportEndpoints } from '../endpoints/report';
import type { CyzenEndpoint } from '../endpoints/schema';
import { scheduleEndpoints } from '../endpoints/schedule';
import { spotEndpoints } from '../endpoints/spot';
import { listRecords, type SkippedDay } from './list';
import type { TimeRange } from './windows';

/**
 * What a trigger watches, and the time each range selects on (spec §5): reports and spots by
 * `updated_at`, histories by `create_at`, schedules by `start_date` (cyzen has no update filter
 * for schedules; `get_deleted: 1` in `query` adds deleted ones with `deleted_at`).
 */
export type CyzenChangeSource = 'reports' | 'histories' | 'spots' | 'schedules';

function listOf(endpoints: CyzenEndpoint[], resource: string): CyzenEndpoint {
	const endpoint = endpoints.find((e) => e.resource === resource && e.operation === 'getAll');
	if (!endpoint) throw new Error(`The cyzen table has no ${resource} list`);
	return endpoint;
}

const SOURCES: Record<CyzenChangeSource, CyzenEndpoint> = {
	reports: listOf(reportEndpoints, 'report'),
	histories: listOf(activityEndpoints, 'history'),
	spots: listOf(spotEndpoints, 'spot'),
	schedules: listOf(scheduleEndpoints, 'schedule'),
};

export interface CyzenChanges {
	/** The records as cyzen wrote them (UTC timestamps without suffix; see `withIsoTimes`). */
	records: IDataObject[];
	/** Schedule days cyzen kept answering 500 for, which are missing from `records`. */
	skippedDays: SkippedDay[];
}

/**
 * Every record of `source` in `range` (inclusive, to the second), for triggers: the range split
 * into cyzen's windows, every page of each through the shared transport (throttle, backoff,
 * errors inside HTTP 200), de-duplicated by id. `query` adds parameters (e.g. `get_deleted: 1`).
 */
export async function listCyzenChanges(
	context: RequestContext,
	source: CyzenChangeSource,
	range: TimeRange,
	{ query = {}, options = {} }: { query?: IDataObject; options?: RequestOptions } = {},
): Promise<CyzenChanges> {
	const skippedDays: SkippedDay[] = [];
	const records: IDataObject[] = [];
	for await (const record of listRecords({
		context,
		endpoint: SOURCES[source],
		qs: query,
		range,
		options,
		skippedDays,
	})) {
		records.push(record);
	}
	return { records, skippedDays };
}
