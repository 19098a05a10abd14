import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProperty } from '@japan-saas/shared/descriptions/base-url';
import { processesSharingKeyProperty } from '@japan-saas/shared/descriptions/processes-sharing-key';

export class MazricaApi implements ICredentialType {
	name = 'mazricaApi';

	displayName = 'Mazrica API';

	icon: Icon = { light: 'file:../icons/mazrica.svg', dark: 'file:../icons/mazrica.dark.svg' };

	documentationUrl = 'https://developers-senses.mazrica.com/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Issued in Mazrica under 管理 → API (MazricaAPIを利用する). Needs a plan that includes the Open API.',
		},
		baseUrlProperty('https://senses-open-api.mazrica.com/v1', 'Includes the /v1 segment'),
		processesSharingKeyProperty,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Api-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/users',
			method: 'GET',
			qs: { page: 1 },
		},
	};
}
