import { DateTime } from 'luxon';

import { Simulator } from '../kit/simulator';
import { CyzenSimulator } from './cyzen/cyzen-simulator';
import { seedLinkedVisits } from './demo-visits';
import { MazricaSimulator } from './mazrica/mazrica-simulator';
import { RodemSimulator } from './rodem/rodem-simulator';
import { SatoriSimulator } from './satori/satori-simulator';
import { YappliSimulator } from './yappli/yappli-simulator';

export interface DemoCredential {
	id: string;
	type: string;
	name: string;
	data: Record<string, unknown>;
}

/** Everything the demo and the e2e suite run against. */
export interface DemoServices {
	mazrica: MazricaSimulator;
	yappli: YappliSimulator;
	rodem: RodemSimulator;
	cyzen: CyzenSimulator;
	satori: SatoriSimulator;
	/** A webhook receiver standing in for Slack / Chatwork / LINE WORKS. */
	sink: Simulator;
	credentials: DemoCredential[];
	all: Array<{ label: string; simulator: Simulator }>;
}

/** Records of each kind (customers, contacts, deals, members, expenses) changed in the last hours. */
export const DEMO_RECENT = 6;

/** Fixed ports for `npm start`, which the examples' webhook URL and saved credentials rely on. */
export const DEMO_PORTS = {
	mazrica: 4010,
	yappli: 4011,
	rodem: 4012,
	cyzen: 4013,
	satori: 4014,
	sink: 4020,
} as const;

/**
 * Starts every vendor simulator with demo data on loopback (ports 0 = any free port), and builds
 * the n8n credentials that point at them. RODEM's credential comes already connected (tokens
 * issued for the demo user), as if the user had clicked "Connect my account".
 */
export async function startDemoSimulators(
	ports: Partial<Record<keyof typeof DEMO_PORTS, number>> = DEMO_PORTS,
	n8nCallbackUrls: string[] = ['http://127.0.0.1:5678/rest/oauth2-credential/callback'],
): Promise<DemoServices> {
	// Demo data up to the real clock, never after it, with records changed in the last hours so
	// that every "since yesterday" example shows output on its first run.
	const now = DateTime.now().setZone('Asia/Tokyo');
	const mazrica = new MazricaSimulator({
		seed: { anchor: now.toISO({ suppressMilliseconds: true }) ?? '', recentChanges: DEMO_RECENT },
	});
	const yappli = new YappliSimulator({ seed: { recentChanges: DEMO_RECENT } });
	const rodem = new RodemSimulator({
		redirectUris: n8nCallbackUrls,
		// The consent page with 許可 that "Connect my account" opens, as on RODEM.
		consent: 'page',
		// Expenses over the last three months and this one, so "last month" always has data.
		seed: {
			startDate: now.startOf('month').minus({ months: 3 }).toFormat('yyyy-MM-dd'),
			months: 4,
			until: now.toMillis(),
			recentEdits: DEMO_RECENT,
		},
	});
	// A field-sales tenant seeded at start: reports, check-ins and spot edits of the last hours.
	const cyzen = new CyzenSimulator();
	// …and visits at spots linked to Mazrica customers with open deals (example 14's first run).
	seedLinkedVisits(cyzen, mazrica, now.toMillis());
	// Bulk jobs finish a few seconds after the upload, so Wait for Completion has something to wait for.
	const satori = new SatoriSimulator({ behaviour: { queueMs: 1500, processingMs: 1500 } });
	const sink = new Simulator('webhook sink');
	sink.route('POST', '/hook/:name', () => ({ body: { ok: true } }));
	await Promise.all([
		mazrica.start(ports.mazrica),
		yappli.start(ports.yappli),
		rodem.start(ports.rodem),
		cyzen.start(ports.cyzen),
		satori.start(ports.satori),
		sink.start(ports.sink),
	]);
	const rodemTokens = rodem.issueTokens();
	return {
		mazrica,
		yappli,
		rodem,
		cyzen,
		satori,
		sink,
		credentials: [
			{
				id: 'jpSaasMazrica01',
				type: 'mazricaApi',
				name: 'Mazrica (local simulator)',
				data: { apiKey: mazrica.apiKey, baseUrl: mazrica.baseUrl },
			},
			{
				id: 'jpSaasYappli001',
				type: 'yappliCrmApi',
				name: 'Yappli CRM (local simulator)',
				data: {
					appUrl: yappli.appUrl,
					clientId: yappli.clientId,
					clientSecret: yappli.clientSecret,
					userAgent: 'n8n-nodes-japan-saas demo',
				},
			},
			{
				id: 'jpSaasRodem0001',
				type: 'rodemOAuth2Api',
				name: 'RODEM (local simulator)',
				data: {
					baseUrl: rodem.baseUrl,
					clientId: rodem.clientId,
					clientSecret: rodem.clientSecret,
					oauthTokenData: { ...rodemTokens },
				},
			},
			{
				id: 'jpSaasCyzen0001',
				type: 'cyzenApi',
				name: 'cyzen (local simulator)',
				data: {
					baseUrl: cyzen.baseUrl,
					accessToken: cyzen.accessToken,
					companyId: cyzen.companyId,
				},
			},
			{
				id: 'jpSaasSatori001',
				type: 'satoriApi',
				name: 'SATORI (local simulator)',
				data: { ...satori.keysOf(0), baseUrl: satori.baseUrl },
			},
		],
		all: [
			{ label: 'Mazrica', simulator: mazrica },
			{ label: 'Yappli CRM', simulator: yappli },
			{ label: 'RODEM', simulator: rodem },
			{ label: 'cyzen (switches, ledger, app events: /__admin/cyzen)', simulator: cyzen },
			{ label: 'SATORI (customers: /__satori/customers)', simulator: satori },
			{ label: 'Webhook sink (stands in for Slack / Chatwork / LINE WORKS)', simulator: sink },
		],
	};
}
