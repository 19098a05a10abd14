import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { MazricaApi } from '../credentials/MazricaApi.credentials';
import { Mazrica } from '../nodes/Mazrica/Mazrica.node';
import { CredentialTypesRegistry, runNode, TestCredentialsHelper } from '../test/harness';
import {
	argv,
	childProcess,
	cpuUsageMs,
	execPath,
	hrtimeMs,
	path,
	projectRoot,
	write,
} from '../test/platform/node';

/**
 * CPU cost of Mazrica "Use Bulk Endpoint" writes: 2,500 items through n8n-core's WorkflowExecute,
 * parameters set by expressions as a user maps them from the previous node, or taken from the
 * items' keys with Map Automatically (no expression per field), against the Mazrica
 * simulator running in its own process. Prints CPU milliseconds per item for this process (n8n,
 * the node and its HTTP client). See bench/README.md.
 */

interface SimulatorInfo {
	baseUrl: string;
	apiKey: string;
	customer: number;
	user: number;
	dealType: {
		id: number;
		phase: number;
		product: number;
		probability: number;
		channel: number;
	};
}

interface Scenario {
	name: string;
	parameters: (sim: SimulatorInfo) => IDataObject;
	input: (count: number, sim: SimulatorInfo) => IDataObject[];
}

const ITEMS = Number(
	argv()
		.find((a) => a.startsWith('--items='))
		?.slice(8) ?? 2500,
);
const RUNS = Number(
	argv()
		.find((a) => a.startsWith('--runs='))
		?.slice(7) ?? 3,
);

/** Customers keyed by the API's field names, as Map Automatically takes them. */
const customerRows = (count: number) =>
	Array.from({ length: count }, (_, i) => ({
		name: `株式会社ベンチ${i}`,
		address: `東京都千代田区丸の内${i}`,
		telNo: `03-0000-${String(i).padStart(4, '0')}`,
		employee: 10 + (i % 90),
	}));

/** Deals keyed by the API's field names, related records by id. */
const dealRows = (count: number, sim: SimulatorInfo) =>
	Array.from({ length: count }, (_, i) => ({
		dealType: sim.dealType.id,
		name: `ベンチ案件${i}`,
		amount: 100_000 + i,
		expectedContractDate: '2026-12-25',
		customer: sim.customer,
		phase: sim.dealType.phase,
		product: sim.dealType.product,
		probability: sim.dealType.probability,
		channel: sim.dealType.channel,
		user: sim.user,
	}));

const scenarios: Scenario[] = [
	{
		name: 'customer create (bulk), 4 mapped fields',
		parameters: () => ({
			resource: 'customer',
			operation: 'create',
			useBulkEndpoint: true,
			name: '={{ $json.name }}',
			additionalFields: {
				address: '={{ $json.address }}',
				telNo: '={{ $json.telNo }}',
				employee: '={{ $json.employee }}',
			},
		}),
		input: customerRows,
	},
	{
		name: 'deal create (bulk), 10 mapped fields',
		parameters: () => ({
			resource: 'deal',
			operation: 'create',
			useBulkEndpoint: true,
			dealType: '={{ $json.dealType }}',
			name: '={{ $json.name }}',
			expectedContractDate: '={{ $json.expectedContractDate }}',
			customer: '={{ $json.customer }}',
			phase: '={{ $json.phase }}',
			product: '={{ $json.product }}',
			probability: '={{ $json.probability }}',
			channel: '={{ $json.channel }}',
			user: '={{ $json.user }}',
			additionalFields: { amount: '={{ $json.amount }}' },
		}),
		input: dealRows,
	},
	{
		name: 'customer create (bulk), 4 keys, Map Automatically',
		parameters: () => ({
			resource: 'customer',
			operation: 'create',
			useBulkEndpoint: true,
			mappingMode: 'autoMapInputData',
		}),
		input: customerRows,
	},
	{
		name: 'deal create (bulk), 10 keys, Map Automatically',
		parameters: () => ({
			resource: 'deal',
			operation: 'create',
			useBulkEndpoint: true,
			mappingMode: 'autoMapInputData',
		}),
		input: dealRows,
	},
];

/** projectRoot is .cache/bench when running compiled: the compiled simulator sits next to this file. */
/**
 * n8n's own share: a node with Mazrica's parameter list (n8n keeps only the parameters a node
 * declares) that reads each set parameter once per item, as any node must, and sends nothing.
 * What Mazrica costs above this line is ours to make smaller.
 */
class ParameterReader implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Parameter Reader',
		name: 'parameterReader',
		group: ['transform'],
		version: 1,
		description: 'Reads its parameters once per item',
		defaults: { name: 'Parameter Reader' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: new Mazrica().description.properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const names = Object.keys(this.getNode().parameters).filter(
			(name) => name !== 'resource' && name !== 'operation',
		);
		return [
			this.getInputData().map((_, i) => ({
				json: Object.fromEntries(names.map((name) => [name, this.getNodeParameter(name, i)])),
			})),
		];
	}
}

async function startSimulator(): Promise<{ info: SimulatorInfo; stop: () => void }> {
	const script = path.join(projectRoot, 'bench', 'simulator-process.js');
	const child = childProcess.spawn(execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
	const info = await new Promise<SimulatorInfo>((resolve, reject) => {
		let buffered = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			buffered += chunk.toString();
			const line = buffered.split('\n')[0];
			if (buffered.includes('\n')) resolve(JSON.parse(line) as SimulatorInfo);
		});
		child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
	});
	return { info, stop: () => child.kill() };
}

async function runOnce(
	scenario: Scenario,
	sim: SimulatorInfo,
	count: number,
	run: number,
	type: INodeType = new Mazrica(),
) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([new MazricaApi()]));
	// A fresh credential id per run: a fresh throttle bucket, so no run waits on the previous one.
	const id = `bench-${scenario.name}-${run}`;
	helper.add({
		id,
		name: 'Mazrica',
		type: 'mazricaApi',
		data: { apiKey: sim.apiKey, baseUrl: sim.baseUrl },
	});
	const input = scenario.input(count, sim);
	const cpuBefore = cpuUsageMs();
	const wallBefore = hrtimeMs();
	const result = await runNode(
		{
			type,
			parameters: scenario.parameters(sim) as never,
			credentials: { mazricaApi: { id, name: 'Mazrica' } },
		},
		helper,
		input,
	);
	const cpu = cpuUsageMs() - cpuBefore;
	const wall = hrtimeMs() - wallBefore;
	const written = result.items.filter((item) => item.json.id !== undefined).length;
	if (result.error || (type instanceof Mazrica && written !== count)) {
		throw new Error(
			`${scenario.name}: ${written}/${count} written${result.error ? `, ${result.error.message}` : ''}`,
		);
	}
	return { cpu, wall };
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
	const { info, stop } = await startSimulator();
	try {
		write(
			`Mazrica bulk create, ${ITEMS} items, ${RUNS} runs each (median; CPU of the n8n process)\n`,
		);
		for (const scenario of scenarios) {
			const mazrica = new Mazrica();
			const reader = new ParameterReader();
			// Warm-up (JIT, caches), not reported; then the two alternate so that the load of a shared
			// machine falls on both alike.
			await runOnce(scenario, info, 200, 0, mazrica);
			await runOnce(scenario, info, 200, 0, reader);
			const node: number[] = [];
			const floor: number[] = [];
			const wall: number[] = [];
			for (let run = 1; run <= RUNS; run++) {
				const own = await runOnce(scenario, info, ITEMS, run, mazrica);
				node.push(own.cpu);
				wall.push(own.wall);
				floor.push((await runOnce(scenario, info, ITEMS, run, reader)).cpu);
			}
			const line = (label: string, cpu: number) =>
				`  ${label.padEnd(50)} CPU ${cpu.toFixed(0).padStart(6)} ms  ${(cpu / ITEMS).toFixed(3)} ms/item\n`;
			write(line(scenario.name, median(node)));
			write(line('  n8n reading the same parameters, nothing sent', median(floor)));
			write(
				line(
					'  the node above that (median of run pairs)',
					median(node.map((cpu, k) => cpu - floor[k])),
				),
			);
			write(`  ${''.padEnd(50)} wall ${median(wall).toFixed(0)} ms for the node\n`);
		}
	} finally {
		stop();
	}
}

void main();
