import type {
	IDataObject,
	IDisplayOptions,
	INodeExecutionData,
	INodeProperties,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { optionsCollection } from './description';
import { pollNewItems, RE_EMIT_DEFAULTS, type PollSource, type ReEmitOptions } from './polling';
import { createRunContext, withRun, type WithRun } from './run';
import { addSummaries, type FulfillmentSummary } from './summary';
import {
	booleanFlag,
	integerAtLeast,
	parameterReader,
	z,
	type ParameterReaderOptions,
	type ParameterSchema,
} from './validation';

// A polling trigger, declared once: its node description, its own parameters, where its items come
// from and how they are told apart. The options every trigger shares (Include Existing, re-emission)
// and the poll wiring (run context, validation, state, summary) are written here once.

export type TriggerContext = WithRun<IPollFunctions>;

/** The settings every trigger reads from its Options collection. */
export interface SharedTriggerSettings {
	/** Whether the first poll after activation emits what is already there. */
	emitExisting: boolean;
	/** Re-emission of emitted items still waiting later; undefined where the trigger has none. */
	reEmit: ReEmitOptions | undefined;
}

export interface TriggerDefinition<T extends z.ZodRawShape, P> {
	/** How the panel names one emitted item and where it waits: "an order", "in the queue". */
	item: { one: string; where: string };
	/** The trigger's own parameters, above its Options. */
	properties: INodeProperties[];
	/** The trigger's own options, listed before the shared ones. */
	options?: INodeProperties[];
	/** Options › Include … Already …: the first poll emits what is already there. */
	includeExisting: { displayName: string; description: string };
	/**
	 * Where the shared options apply (e.g. only while watching a status), as displayOptions.show
	 * relative to the node's root parameters, and the same decision at run time.
	 */
	sharedOptionsWhen?: {
		show: NonNullable<IDisplayOptions['show']>;
		applies(params: P): boolean;
	};
	/**
	 * The trigger's own parameters (in `properties` and `options`), keyed by their names: read through
	 * parameterReader and validated once per poll. The shared options are read here.
	 */
	schema: ParameterSchema<T, P>;
	/** Parameters read only in some cases (see ParameterReaderOptions). */
	notRead?: ParameterReaderOptions<T>['notRead'];
	source(ctx: TriggerContext, params: P, shared: SharedTriggerSettings): PollSource<IDataObject>;
	/**
	 * What is being polled, so a changed setting starts afresh instead of comparing with another
	 * set's items (see PollOptions.scope).
	 */
	scope(params: P): string;
	/** The list shifts while it is read page by page (see PollOptions.toleratePageShifts). */
	toleratePageShifts: boolean;
	/** The normalized summary put beside each emitted item. */
	summary(raw: IDataObject): FulfillmentSummary;
}

export interface Trigger {
	/** The node's properties: its own, the re-emission notice, Options with the shared ones. */
	properties: INodeProperties[];
	poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null>;
}

/**
 * What every polling trigger's description has. Each trigger's node file spreads it beside its own
 * name, icon, subtitle and credential, which n8n's lint reads from the file itself.
 */
export const POLLING_TRIGGER = {
	group: ['trigger'],
	version: 1,
	polling: true,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
} satisfies Partial<INodeTypeDescription>;

const RE_EMIT_AFTER = 'Re-Emit After (Minutes)';
const MAX_RE_EMISSIONS = 'Max Re-Emissions';

/** Options › Re-Emit After and Max Re-Emissions (stored names unchanged since version 1). */
function reEmitOptions(one: string, where: string): INodeProperties[] {
	return [
		{
			displayName: RE_EMIT_AFTER,
			name: 'reEmitAfterMinutes',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 60,
			description: `Default ${RE_EMIT_DEFAULTS.afterMinutes} (on). Emit ${one} again (marked reEmitted, with its emitAttempt) when it is still ${where} this long after it was emitted: its execution never finished, e.g. n8n or a queue-mode worker died. 0 turns this off, e.g. for a flow that leaves items ${where} on purpose.`,
		},
		{
			displayName: MAX_RE_EMISSIONS,
			name: 'reEmitMaxTimes',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 3,
			description: `Default ${RE_EMIT_DEFAULTS.maxTimes}. How many times ${one} is emitted again at most, so one that stays for another reason is not emitted forever.`,
		},
	];
}

/** What re-emission does, on the panel itself: it is on by default, and the options are hidden until added. */
function reEmitNotice(one: string, where: string): INodeProperties {
	const article = one.split(' ')[0];
	const noun = one.slice(article.length + 1);
	const capitalized = `${article[0].toUpperCase()}${article.slice(1)}`;
	return {
		displayName: `${capitalized} ${noun} still ${where} ${RE_EMIT_DEFAULTS.afterMinutes} minutes after it was emitted is emitted again, at most ${RE_EMIT_DEFAULTS.maxTimes} times, marked \`reEmitted\` (the defaults). Change or turn this off under Options › ${RE_EMIT_AFTER}.`,
		name: 'reEmitNotice',
		type: 'notice',
		default: '',
	};
}

/**
 * Reads Options › Include Existing and re-emission through their own properties (`label` names the
 * Include option in messages).
 */
function sharedSettingsReader(sharedOptions: INodeProperties[], label: string) {
	const read = parameterReader(
		[optionsCollection(sharedOptions)],
		z.object({
			reEmitAfterMinutes: integerAtLeast(RE_EMIT_AFTER, 0),
			reEmitMaxTimes: integerAtLeast(MAX_RE_EMISSIONS, 1),
			emitExisting: booleanFlag(label),
		}),
	);
	return (ctx: TriggerContext, applies: boolean): SharedTriggerSettings => {
		if (!applies) return { emitExisting: false, reEmit: undefined };
		const { emitExisting, reEmitAfterMinutes, reEmitMaxTimes } = read(ctx);
		return { emitExisting, reEmit: { afterMinutes: reEmitAfterMinutes, maxTimes: reEmitMaxTimes } };
	};
}

/** One polling trigger: its properties and its poll, from one declaration. */
export function defineTrigger<T extends z.ZodRawShape, P = z.output<z.ZodObject<T>>>(
	definition: TriggerDefinition<T, P>,
): Trigger {
	const when = definition.sharedOptionsWhen;
	const shown = <T extends INodeProperties>(property: T): T =>
		when ? { ...property, displayOptions: { show: when.show } } : property;
	const sharedOptions = [
		shown({
			displayName: definition.includeExisting.displayName,
			name: 'emitExisting',
			type: 'boolean',
			default: false,
			description: definition.includeExisting.description,
		} as INodeProperties),
		...reEmitOptions(definition.item.one, definition.item.where).map(shown),
	];
	const properties: INodeProperties[] = [
		...definition.properties,
		shown(reEmitNotice(definition.item.one, definition.item.where)),
		optionsCollection([...(definition.options ?? []), ...sharedOptions]),
	];
	const readParameters = parameterReader(properties, definition.schema, {
		notRead: definition.notRead,
	});
	const readShared = sharedSettingsReader(sharedOptions, definition.includeExisting.displayName);

	async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// One run context per poll: the credential is read once, the options when a request needs them.
		const ctx = withRun(this, createRunContext(this));
		const params = readParameters(ctx);
		const shared = readShared(ctx, when ? when.applies(params) : true);
		const emitted = await pollNewItems(ctx, definition.source(ctx, params, shared), {
			emitExisting: shared.emitExisting,
			reEmit: shared.reEmit,
			scope: definition.scope(params),
			toleratePageShifts: definition.toleratePageShifts,
		});
		return emitted && emitted.map((items) => addSummaries(items, definition.summary));
	}

	return { properties, poll };
}
