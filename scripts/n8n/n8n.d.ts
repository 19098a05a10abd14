// Types for ./n8n.js (plain JavaScript: it starts processes and reads files, which the lint
// rules for shipped node code forbid in TypeScript).
export declare const N8N_VERSION: string;
export declare const OWNER: { email: string; password: string; firstName: string; lastName: string };
export declare const root: string;
/** The installed n8n package in .tools/. */
export declare const n8nPackageDir: string;
export declare function isProvisioned(): boolean;
export declare function provision(): Promise<{ node24: string; n8nBin: string }>;
/** `<tmp>/n8n-nodes-japan-saas-<clone>/<name>`, created: n8n user folders live outside the project. */
export declare function scratchDir(name: string): string;
export declare function packPackage(dir: string, from?: string): string;
export interface N8nServerOptions {
	userFolder: string;
	port: number;
	brokerPort: number;
	/** `worker` runs `n8n worker`, ready when its health-check server on `healthPort` says so. */
	command?: 'start' | 'worker';
	args?: string[];
	healthPort?: number;
	/** Added to the environment of the server and of every CLI command it runs. */
	env?: Record<string, string>;
	pidFile?: import('./processes').PidFile;
	label?: string;
	/** A file that records every attempt of the n8n process to reach a host outside this machine. */
	outboundLog?: string;
}
export declare class N8nServer {
	constructor(options: N8nServerOptions);
	readonly url: string;
	readonly userFolder: string;
	readonly label: string;
	readonly logFile: string;
	readonly brokerPort: number;
	readonly readinessUrl: string;
	installPackage(tarball: string): void;
	start(): Promise<void>;
	stop(): Promise<void>;
	/** Publishes a workflow as the editor's toggle does and waits until n8n has applied it. */
	activate(workflowId: string): Promise<void>;
	rest<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
	cli(args: string[], options?: { env?: Record<string, string> }): Promise<string>;
	importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>): Promise<void>;
	importWorkflows(workflows: unknown[]): Promise<void>;
	/** Runs a saved workflow from its Manual Trigger as the editor does, and returns the ended execution. */
	execute(workflowId: string): Promise<{
		status: string;
		data: { resultData: { error?: { message: string }; runData: Record<string, Array<{ error?: { message: string }; data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
	}>;
}
