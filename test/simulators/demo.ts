import { Simulator } from '../kit/simulator';
import { MazricaSimulator } from './mazrica/mazrica-simulator';

/** A running simulator and the n8n credential that points at it. */
export interface DemoService {
	vendor: string;
	simulator: Simulator;
	credential?: { id: string; type: string; name: string; data: Record<string, unknown> };
}

/** Fixed ports: the examples and the credentials saved in the demo n8n keep working across restarts. */
export const DEMO_PORTS = { mazrica: 4010, sink: 4020 } as const;

/** Starts every vendor simulator that exists, with its demo data, and the webhook sink, on loopback. */
export async function startDemoSimulators(): Promise<DemoService[]> {
	const mazrica = new MazricaSimulator();
	await mazrica.start(DEMO_PORTS.mazrica);
	const sink = new Simulator('webhook sink');
	sink.route('POST', '/hook/:name', () => ({ body: { ok: true } }));
	await sink.start(DEMO_PORTS.sink);
	return [
		{
			vendor: 'Mazrica',
			simulator: mazrica,
			credential: {
				id: 'jpSaasMazrica01',
				type: 'mazricaApi',
				name: 'Mazrica (local simulator)',
				data: { apiKey: mazrica.apiKey, baseUrl: mazrica.baseUrl },
			},
		},
		{ vendor: 'Webhook sink (stands in for Slack/Chatwork/LINE WORKS)', simulator: sink },
	];
}
