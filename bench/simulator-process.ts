import { write } from '../test/platform/node';
import { MazricaSimulator } from '../test/simulators/mazrica/mazrica-simulator';

/**
 * The Mazrica simulator in a process of its own, so that the benchmark's CPU figures count only
 * n8n and the node (parsing and storing 2,500 records is the simulator's work, not ours). Prints
 * one JSON line with what the benchmark needs, then serves until its parent closes the pipe.
 */
async function main(): Promise<void> {
	const sim = new MazricaSimulator();
	await sim.start();
	const [dealType] = [...sim.store.dealTypes.values()];
	write(
		`${JSON.stringify({
			baseUrl: sim.baseUrl,
			apiKey: sim.apiKey,
			customer: [...sim.store.customers.keys()][0],
			user: [...sim.store.users.keys()][0],
			dealType: {
				id: dealType.id,
				phase: dealType.phases[0].id,
				product: dealType.products[0].id,
				probability: dealType.probabilities[0].id,
				channel: dealType.channels[0].id,
			},
		})}\n`,
	);
}

void main();
