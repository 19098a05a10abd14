import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProperty } from '@japan-saas/shared/descriptions/base-url';
import { processesSharingKeyProperty } from '@japan-saas/shared/descriptions/processes-sharing-key';
import { multipartBoundary, prependMultipartParts } from '@japan-saas/shared/transport/multipart';

/** The four keys as SATORI names them, from the credential's fields. */
function satoriKeys(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	return {
		user_key: String(credentials.userApiKey ?? ''),
		user_secret: String(credentials.userSecret ?? ''),
		company_key: String(credentials.companyApiKey ?? ''),
		company_secret: String(credentials.companySecret ?? ''),
	};
}

function contentTypeOf(headers: IHttpRequestOptions['headers']): unknown {
	const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type');
	return entry?.[1];
}

/**
 * SATORI Web API: four static keys issued in the admin screen, sent as ordinary request
 * parameters. No header or token exists.
 */
export class SatoriApi implements ICredentialType {
	name = 'satoriApi';

	displayName = 'SATORI API';

	icon: Icon = { light: 'file:../icons/satori.svg', dark: 'file:../icons/satori.dark.svg' };

	documentationUrl = 'https://satorihelp.zendesk.com/hc/ja/articles/41197045806233';

	properties: INodeProperties[] = [
		{
			displayName: 'User Access Key (ユーザーアクセスキー)',
			name: 'userApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'user_key. The keys belong to one SATORI user: API calls get that user\'s permission rules (権限ルール).',
		},
		{
			displayName: 'User Secret Key (ユーザーシークレットキー)',
			name: 'userSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'user_secret',
		},
		{
			displayName: 'Company Access Key (カンパニーアクセスキー)',
			name: 'companyApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'company_key',
		},
		{
			displayName: 'Company Secret Key (カンパニーシークレットキー)',
			name: 'companySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'company_secret',
		},
		baseUrlProperty('https://api.satr.jp', 'Without the /api/v4 path'),
		processesSharingKeyProperty,
	];

	/**
	 * POST calls carry the keys next to the data fields, in the form or multipart body; the GET
	 * status call carries them in the query string (the way public SATORI clients send them).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const keys = satoriKeys(credentials);
		if ((requestOptions.method ?? 'GET').toUpperCase() === 'GET') {
			return { ...requestOptions, qs: { ...requestOptions.qs, ...keys } };
		}
		const boundary = multipartBoundary(contentTypeOf(requestOptions.headers));
		if (boundary && typeof requestOptions.body === 'string') {
			return { ...requestOptions, body: prependMultipartParts(requestOptions.body, boundary, keys) };
		}
		return { ...requestOptions, body: { ...(requestOptions.body as IDataObject), ...keys } };
	}

	/**
	 * Reads the status of a bulk job that cannot exist: nothing is created. SATORI answers wrong
	 * keys with status 401 and a missing permission with 403, in the body and possibly in the HTTP
	 * status too, so HTTP errors are read as bodies. Any other answer means the keys work.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v4/public/bulk_customers/status.json',
			method: 'GET',
			qs: { process_code: 'n8n-credential-test' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 401,
					message:
						'SATORI did not accept the keys (認証に失敗しました). Copy all four keys again from the SATORI admin screen.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 403,
					message:
						'The keys are valid, but the permission rule (権限ルール) of the user who owns them does not allow "カスタマーステータスの一括取得", which this test uses. Operations the rule allows still work; see the README for the permissions each operation needs.',
				},
			},
		],
	};
}
