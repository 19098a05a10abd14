import { ClientOAuth2 } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { request } from 'undici';

/**
 * What a user's "Connect my account" click does in n8n: open the authorize URL (the simulator
 * approves at once and redirects), then hand the callback URL to @n8n/client-oauth2 exactly as
 * n8n's OAuth2 callback controller does, and store `token.data` as `oauthTokenData`.
 */
export async function connectOAuth2(
	credentials: ICredentialDataDecryptedObject,
	redirectUri: string,
) {
	const client = new ClientOAuth2({
		clientId: credentials.clientId as string,
		clientSecret: credentials.clientSecret as string,
		accessTokenUri: credentials.accessTokenUrl as string,
		authorizationUri: credentials.authUrl as string,
		redirectUri,
		scopes: String(credentials.scope ?? '')
			.split(' ')
			.filter(Boolean),
		authentication: credentials.authentication === 'body' ? 'body' : 'header',
	});
	const authorize = await request(client.code.getUri({ state: 'test-state' }), { method: 'GET' });
	await authorize.body.dump();
	const callback = authorize.headers.location;
	if (authorize.statusCode !== 302 || typeof callback !== 'string') {
		throw new Error(`authorize answered ${authorize.statusCode}`);
	}
	const token = await client.code.getToken(callback);
	return token.data as ICredentialDataDecryptedObject;
}
