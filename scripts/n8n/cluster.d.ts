// Types for ./cluster.js (plain JavaScript: it installs packages and starts processes).
import type { N8nServer } from './n8n';

export interface WorkerExecution {
	executionId: string;
	workflowId: string;
	/** Epoch ms of the worker's "Worker started execution" log line. */
	startedAt: number;
	finishedAt?: number;
	success?: boolean;
}

export interface DemoCredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface LogEntry {
	match: RegExpExecArray;
	metadata: Record<string, unknown>;
	at: number;
}

export declare function executionsInLog(logFile: string): WorkerExecution[];
export declare function logEntries(logFile: string, pattern: RegExp): LogEntry[];

export declare class N8nCluster {
	constructor(options: {
		dir: string;
		workers?: number;
		/** Jobs each worker runs at once (`n8n worker --concurrency`); n8n's default is 10. */
		concurrency?: number;
		ports?: {
			redis?: number;
			postgres?: number;
			main?: number;
			mainBroker?: number;
			workers?: Array<{ health?: number; broker?: number }>;
		};
		logLevel?: 'error' | 'warn' | 'info' | 'debug';
		env?: Record<string, string>;
		/** A built checkout of this package to install instead of this one. */
		packageRoot?: string;
	});
	readonly main: N8nServer;
	readonly workers: N8nServer[];
	/** Credentials and workflows (n8n's import format) are imported while the workers start. */
	start(imports?: { credentials?: DemoCredentialJson[]; workflows?: unknown[] }): Promise<void>;
	stop(): Promise<void>;
	importCredentials(credentials: DemoCredentialJson[]): Promise<void>;
	importWorkflows(workflows: unknown[]): Promise<void>;
	activate(workflowId: string): Promise<void>;
	webhookUrl(webhookPath: string): string;
	executionsByWorker(): Record<string, WorkerExecution[]>;
	describe(): Array<{ label: string; detail: string }>;
}
