// Types for ./workflows.js.
export declare function webhookNode(
	path: string,
	webhookId: string,
	response: { responseMode: string; responseData?: string },
): Record<string, unknown>;
export declare function inLine(nodes: Array<{ name: string }>): Record<string, unknown>;
export declare const MAZRICA_LOAD_PATH: string;
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}
export declare function mazricaLoadWorkflow(options?: { id?: string; credential?: { id: string; name: string } }): WorkflowJson;
export declare const CYZEN_LOAD_PATH: string;
export declare function cyzenLoadWorkflow(options?: { id?: string; credential?: { id: string; name: string } }): WorkflowJson;
export declare function loadNamePrefix(run: string, n: number): string;
export declare function postLoadRequests(
	url: string,
	load: { run: string; count: number; read: number; write: number },
): Promise<number[]>;
