import {
	actionBodyHead,
	actionCustoms,
	actionId,
	actionListFilters,
	activeFilter,
	includeFiles,
	patternBody,
	patternFilter,
	sortByTimestamps,
	updatedAtFrom,
	updatedAtTo,
	contactId,
	CUSTOMERS,
	orAll,
} from './common';
import { customItems } from '../fields/custom-items';
import type { FieldSpec, MazricaEndpoint } from './schema';

const contact = contactId('id');
const actionContactId = contactId('contactId');

/** Writable contact fields after `name` (コンタクト情報登録/更新). */
const contactFields: FieldSpec[] = [
	{ name: 'email', displayName: 'Email', kind: 'string', description: 'メールアドレス' },
	{ name: 'tel', displayName: 'Phone Number', kind: 'string', description: '電話番号' },
	{
		name: 'mobileTel',
		displayName: 'Mobile Phone Number',
		kind: 'string',
		description: '携帯電話番号',
	},
	{ name: 'address', displayName: 'Address', kind: 'string', description: '住所' },
	{ name: 'dept', displayName: 'Department', kind: 'string', description: '部署' },
	{ name: 'position', displayName: 'Position', kind: 'string', description: '役職' },
	{ name: 'memo', displayName: 'Memo', kind: 'string', description: 'メモ' },
	{
		name: 'customer',
		displayName: 'Customer',
		kind: 'reference',
		locator: CUSTOMERS,
		description: '取引先: the customer, written as { "id": n }',
	},
	{
		name: 'contactCustoms',
		displayName: 'Custom Fields',
		kind: customItems('contact'),
		description: 'コンタクト詳細項目',
	},
	{
		name: 'lifecycleStages',
		displayName: 'Lifecycle Stages (JSON)',
		kind: 'json',
		description:
			'Array of lifecycle stage objects; the document leaves their shape collapsed (see the lifecycle stage settings)',
	},
];

/** Contact-action body (コンタクトアクション登録/更新): like customer actions, without contacts. */
const actionBody = (required: boolean): FieldSpec[] => [
	...actionBodyHead(required),
	patternBody(required),
	actionCustoms,
];

export const contactEndpoints: MazricaEndpoint[] = [
	{
		resource: 'contactSetting',
		operation: 'get',
		name: 'Get',
		action: 'Get contact settings',
		description: 'Get the contact custom-field definitions',
		title: 'コンタクト設定',
		method: 'GET',
		path: '/contact_setting',
	},
	{
		resource: 'contact',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many contacts',
		description:
			'List contacts, newest update first unless sorted. The document shows a bare array as the response (quirk Q4); both forms are accepted',
		title: 'コンタクト情報リスト',
		method: 'GET',
		path: '/contacts',
		query: [
			{
				name: 'searchWord',
				displayName: 'Search Word',
				kind: 'string',
				description:
					'Partial match on the customer name, the contact name or the email address (取引先名、コンタクト名、またはメールアドレスと部分一致)',
			},
			sortByTimestamps(),
			updatedAtFrom,
			updatedAtTo,
			{
				name: 'phoneNumber',
				displayName: 'Phone Number',
				kind: 'string',
				description:
					'固定電話番号、携帯電話番号による検索: landline or mobile number; hyphens and area-code forms match (e.g. 03-1111-2222, 0311112222, 04992(0)1111)',
			},
		],
		paged: { listKey: 'contacts', pageSize: 100 },
	},
	{
		resource: 'contact',
		operation: 'create',
		name: 'Create',
		action: 'Create a contact',
		description: 'Create a contact (コンタクト情報登録)',
		title: 'コンタクト情報登録',
		method: 'POST',
		path: '/contacts',
		body: [
			{
				name: 'name',
				displayName: 'Name',
				kind: 'string',
				required: true,
				description: 'コンタクト名',
			},
			...contactFields,
		],
	},
	{
		resource: 'contact',
		operation: 'search',
		name: 'Search',
		action: 'Search contacts',
		description:
			'Search contacts with a filter (compositeFilter/valueFilter, at most 300 conditions); fields of the related customer can be used (fieldreference: customer)',
		title: 'コンタクト情報検索',
		method: 'POST',
		path: '/contacts/search',
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
		paged: { listKey: 'contacts', pageSize: 100, pageInBody: true },
		reads: true,
	},
	{
		resource: 'contact',
		operation: 'get',
		name: 'Get',
		action: 'Get a contact',
		description: 'Get one contact by ID',
		title: 'コンタクト情報',
		method: 'GET',
		path: '/contacts/{id}',
		pathParams: [contact],
	},
	{
		resource: 'contact',
		operation: 'update',
		name: 'Update',
		action: 'Update a contact',
		description: 'Update a contact; fields left out are unchanged',
		title: 'コンタクト情報更新',
		method: 'PATCH',
		path: '/contacts/{id}',
		pathParams: [contact],
		body: [
			{ name: 'name', displayName: 'Name', kind: 'string', description: 'コンタクト名' },
			...contactFields,
		],
	},
	{
		resource: 'contact',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a contact',
		description: 'Delete a contact',
		title: 'コンタクト情報削除',
		method: 'DELETE',
		path: '/contacts/{id}',
		pathParams: [contact],
	},
	{
		resource: 'contactAction',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many contact actions',
		description: 'List the actions of one contact, or of all contacts',
		title: 'コンタクトアクション情報リスト',
		method: 'GET',
		path: '/contacts/{contactId}/actions',
		pathParams: [
			orAll(
				actionContactId,
				'a contact, or "all" for the actions of every contact (allと指定することでコンタクトIDを跨いだアクションの取得が可能)',
			),
		],
		query: [
			...actionListFilters,
			patternFilter,
			activeFilter,
			{
				name: 'dataType',
				displayName: 'Action Kind',
				kind: 'options',
				values: [
					{ name: 'Contact Actions (コンタクトアクション)', value: 1 },
					{ name: 'Deal Actions With the Contact (案件アクション)', value: 0 },
				],
				description:
					'コンタクトの種類: 0 = deal actions the contact is linked to, 1 = contact actions',
			},
		],
		paged: { listKey: 'actions', pageSize: 100 },
	},
	{
		resource: 'contactAction',
		operation: 'create',
		name: 'Create',
		action: 'Create a contact action',
		description: 'Create an action (activity) on a contact',
		title: 'コンタクトアクション登録',
		method: 'POST',
		path: '/contacts/{contactId}/actions',
		pathParams: [actionContactId],
		body: actionBody(true),
	},
	{
		resource: 'contactAction',
		operation: 'get',
		name: 'Get',
		action: 'Get a contact action',
		description: 'Get one action of a contact',
		title: 'コンタクトアクション情報',
		method: 'GET',
		path: '/contacts/{contactId}/actions/{id}',
		pathParams: [actionContactId, actionId],
		query: [includeFiles],
	},
	{
		resource: 'contactAction',
		operation: 'update',
		name: 'Update',
		action: 'Update a contact action',
		description: 'Update an action of a contact; fields left out are unchanged',
		title: 'コンタクトアクション情報更新',
		method: 'PATCH',
		path: '/contacts/{contactId}/actions/{id}',
		pathParams: [actionContactId, actionId],
		body: actionBody(false),
	},
	{
		resource: 'contactAction',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a contact action',
		description: 'Delete an action of a contact',
		title: 'コンタクトアクション情報削除',
		method: 'DELETE',
		path: '/contacts/{contactId}/actions/{id}',
		pathParams: [actionContactId, actionId],
	},
	{
		resource: 'contactAction',
		operation: 'createMany',
		name: 'Create (Bulk)',
		action: 'Create contact actions in bulk',
		description:
			'Create up to 1,000 contact actions in one all-or-nothing request; no audit log is written',
		title: 'コンタクトアクション一括登録',
		method: 'POST',
		path: '/contacts/actions/bulk',
		// The document leaves the items collapsed; with no contactId in the path each item must name its contact.
		bulkOf: {
			operation: 'create',
			listKey: 'actions',
			maxItems: 1000,
			carry: [{ path: 'contactId', as: 'contact', reference: true }],
		},
	},
];
