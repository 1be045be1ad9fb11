import type { IExecuteFunctions } from 'n8n-workflow';
import type { ApiContext } from './types';

/**
 * Reads a node parameter from any context: per item where the context has items, once where it has
 * not (poll, load options), and the fallback where the parameter does not exist.
 */
export function readNodeParameter<T>(ctx: ApiContext, name: string, itemIndex: number | undefined, fallback: T): T {
	try {
		if ('getInputData' in ctx) {
			return (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex ?? 0, fallback) as T;
		}
		return (ctx.getNodeParameter as (name: string, fallback: unknown) => unknown)(name, fallback) as T;
	} catch {
		return fallback;
	}
}
