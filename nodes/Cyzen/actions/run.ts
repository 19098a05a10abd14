import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EndpointEngine, OperationHook } from '@japan-saas/shared/engine';
import { runPerItem } from '@japan-saas/shared/execute/per-item';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { collect } from '@japan-saas/shared/transport';

import type { CyzenEndpoint } from '../endpoints/schema';
import {
	listRecords,
	rangeOfQuery,
	RangeRefused,
	withCreatedAt,
	withIsoTimes,
	type SkippedDay,
} from '../transport';
import { outputZoneOf } from './options';

/** A windowed range the user gave, checked before any request (NodeOperationError naming the field). */
function rangeOrRefusal(
	context: IExecuteFunctions,
	endpoint: CyzenEndpoint,
	qs: IDataObject,
	itemIndex: number,
): ReturnType<typeof rangeOfQuery> {
	try {
		return rangeOfQuery(endpoint, qs);
	} catch (error) {
		if (!(error instanceof RangeRefused))
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		throw new NodeOperationError(context.getNode(), error.message, {
			itemIndex,
			description: `Check "${error.parameter}": the end of the range must not be before its start.`,
		});
	}
}

/** One list item's records: every window and page, de-duplicated and filtered (see ../transport/list.ts). */
async function listItem(
	context: IExecuteFunctions,
	engine: EndpointEngine<CyzenEndpoint>,
	endpoint: CyzenEndpoint,
	itemIndex: number,
	skippedDays: SkippedDay[],
): Promise<IDataObject[]> {
	const request = engine.buildRequest(context, endpoint, itemIndex);
	const { qs, range } = rangeOrRefusal(context, endpoint, request.qs, itemIndex);
	const limit = {
		returnAll: context.getNodeParameter('returnAll', itemIndex, false) as boolean,
		limit: context.getNodeParameter('limit', itemIndex, 50) as number,
	};
	const records = listRecords({
		context,
		endpoint,
		qs,
		range,
		options: readRequestOptions(context, itemIndex),
		skippedDays,
	});
	return await collect(records, limit);
}

/** Days cyzen kept failing for, as items on the output and as a hint in the editor (spec §6). */
function skippedDayItems(context: IExecuteFunctions, skippedDays: SkippedDay[]): IDataObject[] {
	if (skippedDays.length === 0) return [];
	context.addExecutionHints({
		message: `cyzen answered 500 for ${skippedDays.map((s) => s.day).join(', ')} even day by day; those days' schedules are missing and listed on the output as skippedDay items.`,
		type: 'warning',
		location: 'outputPane',
	});
	return skippedDays.map(({ day, message }) => ({ skippedDay: day, error: message }));
}

/**
 * Runs every table operation of the cyzen node: lists through the windowed lister, everything
 * else through the engine; every record's timestamps as ISO 8601 and `created_at` beside cyzen's
 * `create_at`.
 */
export const cyzenRunHook: OperationHook<CyzenEndpoint> = {
	async execute(context, endpoint, engine) {
		const out: INodeExecutionData[] = await runPerItem(context, async (itemIndex) => {
			const skippedDays: SkippedDay[] = [];
			const records = endpoint.paged
				? await listItem(context, engine, endpoint, itemIndex, skippedDays)
				: await engine.runItem(context, endpoint, itemIndex);
			const zone = outputZoneOf(context, itemIndex);
			return [
				...records.map((record) => withIsoTimes(withCreatedAt(record), zone)),
				...skippedDayItems(context, skippedDays),
			];
		});
		return out;
	},
};
