import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { collect, pageSizeFor } from '@japan-saas/shared/transport';
import { returnAllAndLimit } from '@japan-saas/shared/descriptions/paging';

import { yappliPages } from '../../transport/request';
import { requestOptionsProperties } from '../common';
import { memberIdOf, memberLocator } from '../member-locator';

/** Both point lists take a member, Return All / Limit and page with per_page up to 1,000. */
export function pointListDescription(operation: string): INodeProperties[] {
	return showFor('point', operation, [
		memberLocator(),
		...returnAllAndLimit(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [...requestOptionsProperties],
		},
	]);
}

export async function listPoints(
	context: IExecuteFunctions,
	itemIndex: number,
	suffix: '' | '/expired_list',
): Promise<IDataObject[]> {
	const memberId = memberIdOf(context, itemIndex);
	const limit = {
		returnAll: context.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: context.getNodeParameter('limit', itemIndex, 50) as number,
	};
	const path = `/users/${encodeURIComponent(memberId)}/points${suffix}`;
	return await collect(
		yappliPages(
			context,
			path,
			'points',
			pageSizeFor(limit, 1000),
			{},
			readRequestOptions(context, itemIndex),
		),
		limit,
	);
}
