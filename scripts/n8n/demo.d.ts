// Types for ./demo.js.
import type { N8nServer, N8nServerOptions } from './n8n';

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; position: [number, number]; parameters: Record<string, unknown> }>;
	connections: Record<string, unknown>;
}
export declare function startDemoN8n(
	options: N8nServerOptions & {
		credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>;
		replacements?: Record<string, string>;
	},
): Promise<{ n8n: N8nServer; examples: ExampleWorkflow[] }>;
