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

/** Methods whose `company_id` travels in the form body ([public code] PC1); the others send it in the query. */
const FORM_METHODS = new Set(['POST', 'PUT']);

/**
 * cyzen 連携API: one static access token per contract (`Authorization: bearer`) and the tenant's
 * `company_id` on every request — in the query for GET/DELETE, in the form body for POST/PUT
 * (spec §3). No expiry or refresh exists.
 */
export class CyzenApi implements ICredentialType {
	name = 'cyzenApi';

	displayName = 'Cyzen API';

	icon: Icon = { light: 'file:../icons/cyzen.svg', dark: 'file:../icons/cyzen.dark.svg' };

	documentationUrl = 'https://www.cyzen.cloud';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token (アクセストークン)',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token RedFox issues for your integration program after the API contract (連携API利用契約). It carries write rights: guard it like a password.',
		},
		{
			displayName: 'Company ID (company_id)',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '0123456789abcdef0123456789abcdef',
			description:
				'Your tenant, sent as company_id on every request (32 hex characters in every known example). Verification and development tenants use the same host with another company ID.',
		},
		baseUrlProperty('https://ext.cyzen.cloud/webapi/v0', 'Includes the /webapi/v0 segment'),
		{
			displayName: 'Requests per Second This Token May Use',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: 5, numberPrecision: 2 },
			default: 4,
			description:
				'cyzen allows 5 requests per second per access token (秒間5回), and the token is often shared with other systems (support confirmed it may be). 4 leaves room for them; at most 5.',
		},
		processesSharingKeyProperty,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const companyId = String(credentials.companyId ?? '');
		const method = String(requestOptions.method ?? 'GET').toUpperCase();
		const headers = {
			...requestOptions.headers,
			Authorization: `bearer ${credentials.accessToken}`,
		};
		if (!FORM_METHODS.has(method)) {
			return {
				...requestOptions,
				headers,
				qs: { ...(requestOptions.qs as IDataObject | undefined), company_id: companyId },
			};
		}
		const body = requestOptions.body;
		const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
		return {
			...requestOptions,
			headers: hasType
				? headers
				: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
			body:
				typeof body === 'string'
					? `${body}${body === '' ? '' : '&'}company_id=${encodeURIComponent(companyId)}`
					: { ...(body as IDataObject | undefined), company_id: companyId },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/groups',
			method: 'GET',
		},
	};
}
