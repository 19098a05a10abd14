import { customItems } from '../fields/custom-items';
import { customerId } from './common';
import type { FieldSpec, MazricaEndpoint } from './schema';

const customer = customerId('id');

/** Writable customer fields, shared by create, update and bulk create (取引先情報登録/更新). */
const customerFields: FieldSpec[] = [
	{ name: 'address', displayName: 'Address', kind: 'string', description: '住所' },
	{ name: 'telNo', displayName: 'Phone Number', kind: 'string', description: '電話番号' },
	{ name: 'webUrl', displayName: 'Website URL', kind: 'string', description: 'URL' },
	{ name: 'employee', displayName: 'Employees', kind: 'number', description: '従業員数' },
	{ name: 'capital', displayName: 'Capital', kind: 'number', description: '資本金' },
	{
		name: 'closingMonth',
		displayName: 'Fiscal Closing Month',
		kind: 'number',
		min: 1,
		max: 12,
		description: '決算月(1〜12)',
	},
	{
		name: 'ownerRoleId',
		displayName: 'Owner Role Name or ID',
		kind: 'id',
		loadOptions: 'getRoles',
		acceptsZero: true,
		description:
			'所有ロールID. 0 clears the owner role. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		name: 'customerCustoms',
		displayName: 'Custom Fields',
		kind: customItems('customer'),
		description: '取引先詳細項目',
	},
];

export const customerEndpoints: MazricaEndpoint[] = [
	{
		resource: 'customerSetting',
		operation: 'get',
		name: 'Get',
		action: 'Get customer settings',
		description: 'Get the customer custom-field definitions',
		title: '取引先設定',
		method: 'GET',
		path: '/customer_setting',
	},
	{
		resource: 'customer',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many customers',
		description: 'List customers, newest update first unless sorted',
		title: '取引先情報リスト',
		method: 'GET',
		path: '/customers',
		query: [
			{
				name: 'searchWord',
				displayName: 'Search Word',
				kind: 'string',
				description: 'Partial match on the customer name (取引先名と部分一致)',
			},
			{
				name: 'sort',
				displayName: 'Sort',
				kind: 'options',
				values: [
					{ name: 'Created (Newest First)', value: '-createdAt' },
					{ name: 'Created (Oldest First)', value: 'createdAt' },
					{ name: 'Updated (Newest First)', value: '-updatedAt' },
					{ name: 'Updated (Oldest First)', value: 'updatedAt' },
				],
				description: '並び順',
			},
			{
				name: 'updatedAtFrom',
				displayName: 'Updated After',
				kind: 'dateTime',
				description: '更新日時による検索範囲(開始)',
			},
			{
				name: 'updatedAtTo',
				displayName: 'Updated Before',
				kind: 'dateTime',
				description: '更新日時による検索範囲(終了)',
			},
		],
		paged: { listKey: 'customers', pageSize: 100 },
	},
	{
		resource: 'customer',
		operation: 'create',
		name: 'Create',
		action: 'Create a customer',
		description: 'Create a customer (取引先情報登録)',
		title: '取引先情報登録',
		method: 'POST',
		path: '/customers',
		body: [
			{
				name: 'name',
				displayName: 'Name',
				kind: 'string',
				required: true,
				description: '取引先名',
			},
			...customerFields,
		],
	},
	{
		resource: 'customer',
		operation: 'createMany',
		name: 'Create (Bulk)',
		action: 'Create customers in bulk',
		description:
			'Create up to 1,000 customers in one all-or-nothing request; no audit log is written',
		title: '取引先一括登録',
		method: 'POST',
		path: '/customers/bulk',
		bulkOf: { operation: 'create', listKey: 'customers', maxItems: 1000 },
	},
	{
		resource: 'customer',
		operation: 'search',
		name: 'Search',
		action: 'Search customers',
		description:
			'Search customers with a filter (compositeFilter/valueFilter, at most 300 conditions)',
		title: '取引先情報検索',
		method: 'POST',
		path: '/customers/search',
		body: [
			{
				name: 'filter',
				displayName: 'Filter (JSON)',
				kind: 'json',
				required: true,
				description: '絞り込み条件: compositeFilter and valueFilter, at most 300 in total',
			},
			{
				name: 'sort',
				displayName: 'Sort (JSON)',
				kind: 'json',
				description: '並び替え条件; custom items and related-object fields cannot be sorted on',
			},
		],
		paged: { listKey: 'customers', pageSize: 100, pageInBody: true },
		reads: true,
	},
	{
		resource: 'customer',
		operation: 'get',
		name: 'Get',
		action: 'Get a customer',
		description: 'Get one customer by ID',
		title: '取引先情報',
		method: 'GET',
		path: '/customers/{id}',
		pathParams: [customer],
	},
	{
		resource: 'customer',
		operation: 'update',
		name: 'Update',
		action: 'Update a customer',
		description: 'Update a customer; fields left out are unchanged',
		title: '取引先情報更新',
		method: 'PATCH',
		path: '/customers/{id}',
		pathParams: [customer],
		body: [
			{ name: 'name', displayName: 'Name', kind: 'string', description: '取引先名' },
			...customerFields,
		],
	},
	{
		resource: 'customer',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a customer',
		description: 'Delete a customer together with all its deals, actions and contacts',
		title: '取引先情報削除',
		method: 'DELETE',
		path: '/customers/{id}',
		pathParams: [customer],
		notice: 'Deleting a customer also deletes all of its deals, actions and contacts in Mazrica.',
	},
];
