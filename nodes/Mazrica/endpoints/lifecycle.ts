import type { MazricaEndpoint } from './schema';

export const lifecycleEndpoints: MazricaEndpoint[] = [
	{
		resource: 'lifecycleStageSetting',
		operation: 'get',
		name: 'Get',
		action: 'Get lifecycle stage settings',
		description:
			'Get the lifecycle stage types and their stages; only for contracts that include lifecycle stages',
		title: 'ライフサイクルステージ設定',
		method: 'GET',
		path: '/lifecycle_stage_setting',
		plan: 'lifecycleStages',
	},
];
