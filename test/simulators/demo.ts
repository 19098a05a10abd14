import { MazricaSimulator } from './mazrica/mazrica-simulator';
import type { Simulator } from '../kit/simulator';

/** A running simulator and what a user needs to point a credential at it. */
export interface DemoService {
	vendor: string;
	simulator: Simulator;
	/** Credential fields for n8n, pointing at the simulator. */
	credential: { type: string; name: string; data: Record<string, string> };
}

/** Fixed ports so a credential saved in n8n keeps working across restarts of the demo. */
export const DEMO_PORTS = { mazrica: 4010 } as const;

/** Starts every vendor simulator that exists, with its demo data, on loopback. */
export async function startDemoSimulators(): Promise<DemoService[]> {
	const mazrica = new MazricaSimulator();
	await mazrica.start(DEMO_PORTS.mazrica);
	return [
		{
			vendor: 'Mazrica',
			simulator: mazrica,
			credential: {
				type: 'mazricaApi',
				name: 'Mazrica (local simulator)',
				data: { apiKey: mazrica.apiKey, baseUrl: mazrica.baseUrl },
			},
		},
	];
}
