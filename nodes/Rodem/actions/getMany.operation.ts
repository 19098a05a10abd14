import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllAndLimit } from '@japan-saas/shared/descriptions/paging';
import {
	maxRequestsPerSecondOption,
	readRequestOptions,
	timeoutOption,
} from '@japan-saas/shared/descriptions/request-options';
import { collect, pageSizeFor, type ResultLimit } from '@japan-saas/shared/transport';

import { expenses, flattenExpense, MAX_PAGE, type ExpensePage } from '../transport/expenses';
import { rodemDate } from './dates';

const show = { resource: ['expense'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of use (利用日) to fetch, inclusive; the day is taken in Japan time',
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of use to fetch, inclusive',
		displayOptions: { show },
	},
	...returnAllAndLimit(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Flatten for Spreadsheets',
				name: 'flatten',
				type: 'boolean',
				default: false,
				description:
					'Whether to turn the route (course_detail) and flags into columns: route, lines, stations, station_codes, flag_best_price …, plus distance_km',
			},
			maxRequestsPerSecondOption('RODEM', 'default pace of 2 requests per second'),
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'One Item per Expense', value: 'expense' },
					{ name: 'One Item per Page (Raw)', value: 'page' },
				],
				default: 'expense',
			},
			timeoutOption('RODEM'),
		],
	},
];

/** 精算データ取得: expenses by use date, offset/limit pages of up to 200. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const startDate = rodemDate(
		this,
		this.getNodeParameter('startDate', itemIndex),
		'Start Date',
		itemIndex,
	);
	const endDate = rodemDate(
		this,
		this.getNodeParameter('endDate', itemIndex),
		'End Date',
		itemIndex,
	);
	if (startDate > endDate) {
		throw new NodeOperationError(this.getNode(), '"Start Date" is after "End Date"', { itemIndex });
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limit: ResultLimit = {
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
	};
	const requestOptions = readRequestOptions(this, itemIndex);

	if (options.output === 'page') {
		const pages: ExpensePage[] = [];
		await collect(
			expenses(this, startDate, endDate, pageSizeFor(limit, MAX_PAGE), requestOptions, (page) =>
				pages.push(page),
			),
			limit,
		);
		return pages;
	}
	const records = await collect(
		expenses(this, startDate, endDate, pageSizeFor(limit, MAX_PAGE), requestOptions),
		limit,
	);
	return options.flatten ? records.map(flattenExpense) : records;
}
