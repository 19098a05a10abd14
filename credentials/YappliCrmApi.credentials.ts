import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { processesSharingKeyProperty } from '@japan-saas/shared/descriptions/processes-sharing-key';

/** What a token answer held instead of a token: its field names only, never their values. */
function whatCameBack(response: unknown): string {
	if (typeof response === 'string')
		return response.trim().startsWith('<')
			? 'The answer was a web page, not JSON.'
			: 'The answer was not JSON.';
	if (response && typeof response === 'object') {
		const fields = Object.keys(response);
		return fields.length ? `The answer had only: ${fields.join(', ')}.` : 'The answer was empty.';
	}
	return 'The answer was empty.';
}

/**
 * Yappli CRM Open API: a client-credentials token fetched with a JSON body from
 * {App URL}/api/ext/token, valid for a day. n8n keeps it in the hidden expirable field, reuses
 * it, and fetches a new one (preAuthentication) when an API call answers 401.
 */
export class YappliCrmApi implements ICredentialType {
	name = 'yappliCrmApi';

	displayName = 'Yappli CRM API';

	icon: Icon = { light: 'file:../icons/yappli.svg', dark: 'file:../icons/yappli.dark.svg' };

	documentationUrl = 'https://yapp.li/crm/developer/tutorial';

	properties: INodeProperties[] = [
		{
			displayName: 'App URL',
			name: 'appUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-app.example.yappli.co',
			description:
				'The tenant URL Yappli sends with the client ID ({{APP_URL}} in their tutorial), without /api/ext',
		},
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'User-Agent',
			name: 'userAgent',
			type: 'string',
			default: 'n8n-nodes-japan-saas',
			description: 'Yappli asks every request to carry a User-Agent header',
		},
		processesSharingKeyProperty,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const appUrl = String(credentials.appUrl).replace(/\/+$/, '');
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${appUrl}/api/ext/token`,
			headers: { 'User-Agent': String(credentials.userAgent || 'n8n-nodes-japan-saas') },
			body: {
				grant_type: 'client_credentials',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
			},
			json: true,
		})) as unknown;
		const token = (response as { access_token?: unknown } | null)?.access_token;
		if (typeof token !== 'string' || token === '') {
			throw new UserError(
				`Yappli CRM answered the token request (POST {App URL}/api/ext/token) without an access_token. ${whatCameBack(response)} Check that the App URL is the tenant URL Yappli sent with the client ID, without /api/ext.`,
			);
		}
		return { accessToken: token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'User-Agent': '={{$credentials.userAgent || "n8n-nodes-japan-saas"}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.appUrl.replace(/\\/+$/, "")}}',
			url: '/api/ext/users',
			qs: { per_page: 1 },
		},
	};
}
