import { JST_WITH_OFFSET } from './common';
import type { MazricaEndpoint } from './schema';

export const auditEndpoints: MazricaEndpoint[] = [
	{
		resource: 'auditLog',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many audit logs',
		description: 'List audit log entries (1,000 per page); bulk operations write no entries',
		title: '監査ログ取得',
		method: 'GET',
		path: '/audits',
		query: [
			{
				name: 'startTime',
				displayName: 'Start Time',
				kind: 'dateTime',
				dateLayout: JST_WITH_OFFSET,
				description: '開始日時, sent in Japan time with +09:00',
			},
			{
				name: 'endTime',
				displayName: 'End Time',
				kind: 'dateTime',
				dateLayout: JST_WITH_OFFSET,
				description: '終了日時, sent in Japan time with +09:00',
			},
		],
		paged: { listKey: 'audits', pageSize: 1000 },
	},
];
