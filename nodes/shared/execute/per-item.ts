import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Runs an operation once per input item and pairs every output with its item. With "Continue On
 * Fail" a failed item yields one item carrying its own error (message and hint) and the rest go
 * on; otherwise the first failure stops the node, naming its item.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const count = context.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			const records = await operation(i);
			out.push(
				...context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(records), {
					itemData: { item: i },
				}),
			);
		} catch (error) {
			if (context.continueOnFail()) {
				out.push({
					json: {
						error: (error as Error).message,
						description: (error as NodeApiError).description ?? null,
					},
					pairedItem: { item: i },
				});
				continue;
			}
			throw stoppingError(context, error, i);
		}
	}
	return out;
}

/**
 * The error that stops the node: our own NodeApiError / NodeOperationError as it is (re-wrapping
 * a NodeApiError hands back the same object anyway), naming the item n8n shows; anything else
 * wrapped.
 */
function stoppingError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** A hand-written operation (a v2 `<op>.operation.ts` file) run once per input item. */
export interface PerItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

/** One entry of a router's table: its option in the Operation dropdown and the file behind it. */
export interface RoutedOperation<M> {
	name: string;
	action: string;
	description: string;
	module: M;
}

/** A router's operations by resource, then by operation value. */
export type OperationTable<E extends RoutedOperation<unknown>> = Record<string, Record<string, E>>;

/**
 * The operation the node is set to (resource and operation read on item 0: n8n does not let them
 * vary per item), found by `find` in the router's or engine's table, or a NodeOperationError
 * naming both before any request.
 */
export function chosenOperation<E>(
	context: IExecuteFunctions,
	vendor: string,
	find: (resource: string, operation: string) => E | undefined,
): { entry: E; resource: string; operation: string } {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const entry = find(resource, operation);
	if (!entry) {
		throw new NodeOperationError(
			context.getNode(),
			`${vendor} has no operation "${operation}" on "${resource}"`,
		);
	}
	return { entry, resource, operation };
}
