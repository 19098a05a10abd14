/** Where each trigger event is read from and how the list can be ordered. */
export interface TriggerSource {
	value: string;
	name: string;
	/** Its entry in n8n's node panel and the node's subtitle. */
	action: string;
	path: string;
	listKey: string;
	/** Ascending `sort=updatedAt,id` is documented for this list (customers, deals, contacts). */
	sortableByUpdatedAt: boolean;
	/** Query parameters always sent (e.g. contact actions only, not deal actions). */
	fixedQuery?: Record<string, string | number>;
	/** The from-filter: most lists take `updatedAtFrom` (Japan time, no offset); audits `startTime` with +09:00. */
	fromParam: 'updatedAtFrom' | 'startTime';
	/** The matching to-filter (inclusive, like the from-filter), for keyset paging newest first. */
	toParam: 'updatedAtTo' | 'endTime';
	/** The field holding the change time. */
	timeField: string;
	pageSize: number;
}

export const TRIGGER_SOURCES: TriggerSource[] = [
	{
		value: 'customer',
		name: 'Customer',
		action: 'On customer change',
		path: '/customers',
		listKey: 'customers',
		sortableByUpdatedAt: true,
		fromParam: 'updatedAtFrom',
		toParam: 'updatedAtTo',
		timeField: 'updatedAt',
		pageSize: 100,
	},
	{
		value: 'contact',
		name: 'Contact',
		action: 'On contact change',
		path: '/contacts',
		listKey: 'contacts',
		sortableByUpdatedAt: true,
		fromParam: 'updatedAtFrom',
		toParam: 'updatedAtTo',
		timeField: 'updatedAt',
		pageSize: 100,
	},
	{
		value: 'deal',
		name: 'Deal',
		action: 'On deal change',
		path: '/deals',
		listKey: 'deals',
		sortableByUpdatedAt: true,
		fromParam: 'updatedAtFrom',
		toParam: 'updatedAtTo',
		timeField: 'updatedAt',
		pageSize: 100,
	},
	{
		value: 'customerAction',
		name: 'Customer Action',
		action: 'On customer action change',
		path: '/customers/all/actions',
		listKey: 'actions',
		sortableByUpdatedAt: false,
		fromParam: 'updatedAtFrom',
		toParam: 'updatedAtTo',
		timeField: 'updatedAt',
		pageSize: 100,
	},
	{
		value: 'dealAction',
		name: 'Deal Action',
		action: 'On deal action change',
		path: '/actions',
		listKey: 'actions',
		sortableByUpdatedAt: false,
		fromParam: 'updatedAtFrom',
		toParam: 'updatedAtTo',
		timeField: 'updatedAt',
		pageSize: 100,
	},
	{
		value: 'contactAction',
		name: 'Contact Action',
		action: 'On contact action change',
		path: '/contacts/all/actions',
		listKey: 'actions',
		sortableByUpdatedAt: false,
		fixedQuery: { dataType: 1 },
		fromParam: 'updatedAtFrom',
		toParam: 'updatedAtTo',
		timeField: 'updatedAt',
		pageSize: 100,
	},
	{
		value: 'customObject',
		name: 'Custom Object Record',
		action: 'On custom object record change',
		path: '/custom_object_defs/{key}/custom_objects',
		listKey: 'customObjects',
		sortableByUpdatedAt: false,
		fromParam: 'updatedAtFrom',
		toParam: 'updatedAtTo',
		timeField: 'updatedAt',
		pageSize: 100,
	},
	// [proposed] Audit entries are immutable; the reference collapses their fields, `createdAt` assumed.
	{
		value: 'auditLog',
		name: 'Audit Log Entry',
		action: 'On new audit log entry',
		path: '/audits',
		listKey: 'audits',
		sortableByUpdatedAt: false,
		fromParam: 'startTime',
		toParam: 'endTime',
		timeField: 'createdAt',
		pageSize: 1000,
	},
];
