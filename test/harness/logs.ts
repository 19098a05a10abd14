import { LoadOptionsContext } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NodeTypesRegistry } from './node-types';

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: unknown;
}

export interface CapturedLogs {
	readonly lines: LogLine[];
	/** Everything logged so far as one string, for scanning. */
	text(): string;
	restore(): void;
}

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/**
 * Records every line written to n8n's logger, the one `this.logger` hands nodes (n8n-core's
 * contexts all return the same process-wide instance), at every level whatever N8N_LOG_LEVEL says.
 */
export function captureN8nLogs(): CapturedLogs {
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: new NodeTypesRegistry({}),
	});
	const node = { id: 'logs', name: 'logs', type: 'logs', typeVersion: 1, position: [0, 0] };
	const logger = new LoadOptionsContext(
		workflow,
		node as INode,
		{} as IWorkflowExecuteAdditionalData,
		'logs',
	).logger;
	const lines: LogLine[] = [];
	const spies = LEVELS.map((level) =>
		jest.spyOn(logger, level).mockImplementation((message: string, metadata?: unknown) => {
			lines.push({ level, message, metadata });
		}),
	);
	return {
		lines,
		text: () => JSON.stringify(lines),
		restore: () => spies.forEach((spy) => spy.mockRestore()),
	};
}
