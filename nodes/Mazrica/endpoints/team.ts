import type { MazricaEndpoint } from './schema';

export const teamEndpoints: MazricaEndpoint[] = [
	{
		resource: 'team',
		operation: 'getSettings',
		name: 'Get Settings',
		action: 'Get team settings',
		description:
			'Get the settings of your team (deal types, users, roles). Deprecated by Mazrica: slow for large teams; prefer the per-setting operations',
		title: 'チーム設定情報取得',
		method: 'GET',
		path: '/domains/settings',
		notice:
			'Deprecated by Mazrica (非推奨): this call can be slow for teams with many users or settings. Use the Deal Type, User, Role and other setting operations instead.',
	},
];
