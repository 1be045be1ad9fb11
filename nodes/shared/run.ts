import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { AdaptiveLimiter } from './concurrency';
import { optionPath } from './description';
import { maxRetriesOption, timeoutOption } from './retry';
import { nodeParameter } from './validation';

// One run context per node run (an operation's execute, one poll, one list search): what the
// transport needs besides the request, resolved here instead of being read back from the node
// context at each request. It travels as the `run` member of the context handed to operations,
// item loops and the transport (`withRun`); no module keeps it anywhere else.

type N8nContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const PREVIEW_OPTION_NAME = 'previewOnly';
const PREVIEW_PATH = optionPath({ name: PREVIEW_OPTION_NAME });

export interface RunContext {
	/** The operation as the editor names it ("Assign Supplier"); empty in a trigger or a list search. */
	readonly operationName: string;
	/** Options › Timeout (ms) for a request of this item. */
	timeout(itemIndex: number | undefined): number;
	/** Options › Max Retries for a request of this item. */
	maxRetries(itemIndex: number | undefined): number;
	/**
	 * Options › Preview Only for this item. Fails closed: when the value cannot be read (an expression
	 * that throws, an agent's value n8n cannot resolve, anything but true or false) it throws, and
	 * the request is not sent.
	 */
	previewOnly(itemIndex: number): boolean;
	/** The credential of this vendor, read once per run. */
	credentials(credentialType: string): Promise<ICredentialDataDecryptedObject>;
	/** The limiter of an operation that runs items concurrently; the transport tells it about 429s. */
	limiter?: AdaptiveLimiter;
	/** Creates the run's limiter (the item loop, once it knows the concurrency). */
	useLimiter(max: number): AdaptiveLimiter;
	/** The preview each held-back write left, by item: the item loops output it in place of a result. */
	readonly previews: Map<number, IDataObject>;
}

/** A node context that carries its run context: what operations, item loops and sources receive. */
export type WithRun<C extends N8nContext = N8nContext> = C & { readonly run: RunContext };

const hasItems = (ctx: N8nContext): ctx is IExecuteFunctions => 'getInputData' in ctx;

/**
 * A whole-number option (its name, label and default from its property); anything else (text, −5,
 * 1.5, an object) is an error naming it, never the default.
 */
function integerOption(
	ctx: N8nContext,
	option: INodeProperties,
	range: [number, number],
	itemIndex: number | undefined,
): number {
	const fallback = option.default as number;
	const label = option.displayName;
	const item = itemIndex !== undefined && hasItems(ctx) ? ` [item ${itemIndex}]` : '';
	let value: unknown;
	try {
		value = nodeParameter(ctx, optionPath(option), itemIndex, fallback);
	} catch (error) {
		// An expression that fails is not "unset": nothing is sent on a guessed Timeout or Max Retries.
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} could not be read: ${(error as Error).message}${item}`,
			{ itemIndex },
		);
	}
	if (value === undefined || value === null || value === '') return fallback;
	if (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= range[0] &&
		value <= range[1]
	)
		return value;
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	throw new NodeOperationError(
		ctx.getNode(),
		`${label} must be a whole number from ${range[0]} to ${range[1]} (got ${shown ?? String(value)})${item}`,
		{ itemIndex },
	);
}

function previewOnly(ctx: N8nContext, itemIndex: number): boolean {
	if (!hasItems(ctx)) return false;
	let value: unknown;
	try {
		value = ctx.getNodeParameter(PREVIEW_PATH, itemIndex, false);
	} catch (error) {
		throw previewUnreadable(ctx, itemIndex, `could not be read: ${(error as Error).message}`);
	}
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	if (value === undefined || value === null || value === '') {
		// Not set at all is off; set to an expression that gave nothing is not an answer.
		if (!isSet(ctx, itemIndex)) return false;
		throw previewUnreadable(ctx, itemIndex, 'gave no value (it must be true or false)');
	}
	throw previewUnreadable(ctx, itemIndex, `must be true or false (got ${JSON.stringify(value)})`);
}

function isSet(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const raw: unknown = ctx.getNodeParameter(PREVIEW_PATH, itemIndex, undefined, {
		rawExpressions: true,
	});
	return raw !== undefined && raw !== null && raw !== '';
}

function previewUnreadable(ctx: N8nContext, itemIndex: number, why: string): NodeOperationError {
	const error = new NodeOperationError(
		ctx.getNode(),
		`Preview Only (Send Nothing) ${why} [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				'Outcome: unknown. Whether a preview or a real change was wanted could not be told, so nothing that changes state was sent for this item. Fix the value of Options › Preview Only (Send Nothing) and run again.',
		},
	);
	error.context.outcome = 'unknown';
	return error;
}

/** The run context of one node run. Cheap: options are read when a request asks for them. */
export function createRunContext(ctx: N8nContext, operationName = ''): RunContext {
	const credentials = new Map<string, Promise<ICredentialDataDecryptedObject>>();
	const run: RunContext = {
		operationName,
		timeout: (itemIndex) => integerOption(ctx, timeoutOption, [1, 600_000], itemIndex),
		maxRetries: (itemIndex) => integerOption(ctx, maxRetriesOption, [0, 10], itemIndex),
		previewOnly: (itemIndex) => previewOnly(ctx, itemIndex),
		async credentials(credentialType) {
			let read = credentials.get(credentialType);
			if (!read) {
				read = ctx.getCredentials(credentialType) as Promise<ICredentialDataDecryptedObject>;
				credentials.set(credentialType, read);
				// A failed read (e.g. a credential fixed meanwhile) is tried again by the next request.
				read.catch(() => credentials.delete(credentialType));
			}
			return await read;
		},
		useLimiter(max) {
			run.limiter ??= new AdaptiveLimiter(max);
			return run.limiter;
		},
		previews: new Map(),
	};
	return run;
}

/** The context with its run context beside it; every other member is the context's own. */
export function withRun<C extends N8nContext>(ctx: C, run: RunContext): WithRun<C> {
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'run') return run;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
		has(target, property) {
			return property === 'run' || Reflect.has(target, property);
		},
	}) as WithRun<C>;
}

/**
 * The run context a context carries; a context without one (a list search, a test's stand-in) gets
 * a fresh one, which lives as long as the call that asked.
 */
export function runOf(ctx: N8nContext): RunContext {
	return (ctx as Partial<WithRun>).run ?? createRunContext(ctx);
}
