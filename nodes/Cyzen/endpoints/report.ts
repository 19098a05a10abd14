import { idField, LOCATORS, operationOf, windowBound } from './common';
import type { CyzenEndpoint } from './schema';

export const reportEndpoints: CyzenEndpoint[] = [
	{
		resource: 'reportDefinition',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many report definitions',
		description: 'List the report formats (報告書定義)',
		title: '報告書定義情報 取得',
		method: 'GET',
		path: '/report_definitions',
		status: 'CONFIRMED',
		paged: { listKey: 'report_definitions' },
		idKeys: ['report_definition_id'],
	},
	{
		resource: 'report',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many reports',
		description:
			"List reports (報告書) updated in a range. Any range is split into 7-day windows (cyzen's limit) and de-duplicated; without one cyzen returns the last 7 days.",
		title: '報告書 取得',
		method: 'GET',
		path: '/reports',
		status: 'CONFIRMED',
		paged: { listKey: 'reports' },
		// [public code] PC2, PC3: only updated_from/updated_to select; from_date/to_date are
		// silently ignored, so the node never offers them.
		window: { from: 'updated_from', to: 'updated_to', days: 7 },
		idKeys: ['report_id'],
		// [public code] accepted but not applied: filtered here as well.
		clientFilters: ['report_definition_id'],
		query: [
			windowBound(
				'updated_from',
				'Updated From',
				'Reports updated at or after this time (any length: split into 7-day windows)',
			),
			windowBound(
				'updated_to',
				'Updated To',
				'Reports updated at or before this time; default now',
			),
			{
				...idField('report_definition_id', 'Report Definition', {
					description:
						'Only reports of this format (cyzen ignores this filter, so the node applies it)',
				}),
				locator: LOCATORS.reportDefinition,
			},
		],
	},
	operationOf(
		{ resource: 'image', singular: 'image', plural: 'images', label: '画像', path: '/images' },
		'getAll',
		'PROPOSED',
		{
			description: 'List the images of reports (画像): names, types and URLs, not the files',
			query: [idField('report_id', 'Report ID'), idField('image_id', 'Image ID')],
		},
	),
];
