import {
	actionBodyHead,
	actionContacts,
	actionCustoms,
	actionId,
	actionListFilters,
	activeFilter,
	includeFiles,
	patternBody,
	customerId,
	orAll,
	patternFilter,
} from './common';
import type { FieldSpec, MazricaEndpoint } from './schema';

const customer = customerId('customerId');

/** Body of create (required fields enforced) and update (all optional). */
const body = (required: boolean): FieldSpec[] => [
	...actionBodyHead(required),
	patternBody(required),
	actionContacts,
	actionCustoms,
];

export const customerActionEndpoints: MazricaEndpoint[] = [
	{
		resource: 'customerAction',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many customer actions',
		description: 'List the actions of one customer, or of all customers',
		title: '取引先アクション情報リスト',
		method: 'GET',
		path: '/customers/{customerId}/actions',
		pathParams: [
			orAll(
				customer,
				'a customer, or "all" for the actions of every customer (allと指定することで取引先IDを跨いだアクションの取得が可能)',
			),
		],
		query: [...actionListFilters, patternFilter, activeFilter],
		paged: { listKey: 'actions', pageSize: 100 },
	},
	{
		resource: 'customerAction',
		operation: 'create',
		name: 'Create',
		action: 'Create a customer action',
		description: 'Create an action (activity) on a customer',
		title: '取引先アクション登録',
		method: 'POST',
		path: '/customers/{customerId}/actions',
		pathParams: [customer],
		body: body(true),
	},
	{
		resource: 'customerAction',
		operation: 'get',
		name: 'Get',
		action: 'Get a customer action',
		description: 'Get one action of a customer',
		title: '取引先アクション情報',
		method: 'GET',
		path: '/customers/{customerId}/actions/{id}',
		pathParams: [customer, actionId],
		query: [includeFiles],
	},
	{
		resource: 'customerAction',
		operation: 'update',
		name: 'Update',
		action: 'Update a customer action',
		description: 'Update an action of a customer; fields left out are unchanged',
		title: '取引先アクション情報更新',
		method: 'PATCH',
		path: '/customers/{customerId}/actions/{id}',
		pathParams: [customer, actionId],
		body: body(false),
	},
	{
		resource: 'customerAction',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a customer action',
		description: 'Delete an action of a customer',
		title: '取引先アクション情報削除',
		method: 'DELETE',
		path: '/customers/{customerId}/actions/{id}',
		pathParams: [customer, actionId],
	},
	{
		resource: 'customerAction',
		operation: 'createMany',
		name: 'Create (Bulk)',
		action: 'Create customer actions in bulk',
		description:
			'Create up to 1,000 customer actions in one all-or-nothing request; no audit log is written',
		title: '取引先アクション一括登録',
		method: 'POST',
		path: '/customers/actions/bulk',
		// The document leaves the items collapsed; with no customerId in the path each item must name its customer.
		bulkOf: {
			operation: 'create',
			listKey: 'actions',
			maxItems: 1000,
			carry: [{ path: 'customerId', as: 'customer', reference: true }],
		},
	},
];
