import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { processesSharingKeyProperty } from '@japan-saas/shared/descriptions/processes-sharing-key';

/**
 * RODEM's expense API: OAuth 2.0 authorization code with scope expense_read. n8n's oAuth2Api
 * does the consent flow, refreshes on 401 and stores the rotated refresh token RODEM returns.
 */
export class RodemOAuth2Api implements ICredentialType {
	name = 'rodemOAuth2Api';

	displayName = 'RODEM OAuth2 API';

	extends = ['oAuth2Api'];

	icon: Icon = { light: 'file:../icons/rodem.svg', dark: 'file:../icons/rodem.dark.svg' };

	documentationUrl = 'https://rodem.valwebservices.com/api/v1/expenses.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			// [proposed] RODEM does not publish the API host; this is where the RODEM web app lives.
			default: 'https://rodem.valwebservices.com',
			description:
				'RODEM does not publish the API host; confirm it with Val Laboratory (or point it at the simulator)',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"].replace(/\\/+$/, "")}}/oauth/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"].replace(/\\/+$/, "")}}/oauth/token',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'expense_read' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		// The vendor documents client_id and client_secret as token-request body parameters.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		processesSharingKeyProperty,
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$self["baseUrl"].replace(/\\/+$/, "")}}',
			url: '/api/v1/expenses',
			qs: { start_date: '20240101', end_date: '20240101', limit: 1 },
			headers: { Accept: 'application/json' },
		},
	};
}
