import type { IDataObject, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { bracketQuery } from '../shared/bracketQuery';
import { filtersCollection } from '../shared/description';
import type { PollRequest, PollSource } from '../shared/polling';
import {
	defineTrigger,
	POLLING_TRIGGER,
	type SharedTriggerSettings,
	type TriggerContext,
} from '../shared/trigger';
import { oneOf, optionalString, z } from '../shared/validation';
import { fulfillmentTypeFilter } from './filters';
import { readList, readNewerThan } from './lists';
import { skuIoSummary } from './summary';
import { FULFILLMENTS_PATH, MAX_PAGE_SIZE } from './transport';

const schema = z
	.object({
		event: oneOf('Trigger On', ['created', 'status'] as const),
		status: optionalString(),
		fulfillmentType: optionalString(),
	})
	.refine((params) => params.event !== 'status' || params.status !== undefined, {
		message: 'Status is required when triggering on a status',
	});

type Params = z.infer<typeof schema>;

/** Ids as fixed-width text, so the engine's text comparison of cursors orders them as numbers. */
const idCursor = (item: IDataObject) => String(Number(item.id)).padStart(20, '0');

function timeCursor(item: IDataObject): string | undefined {
	const time = Date.parse(String(item.updated_at ?? ''));
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const byId = (items: IDataObject[]) => [...items].sort((a, b) => Number(a.id) - Number(b.id));

/** Stops a newest-first read after the items that share the first item's cursor value. */
function olderThanFirst(cursorOf: (item: IDataObject) => string | undefined) {
	let first: { value: string | undefined } | undefined;
	return (item: IDataObject) => {
		const value = cursorOf(item);
		first ??= { value };
		return value !== undefined && first.value !== undefined && value < first.value;
	};
}

/**
 * Newly created: the list newest first (`sort=-id`), read down to the last id seen; key = id.
 * Newly in a status: that status's list by last update (`sort=-updated_at`), read down to the latest
 * update seen; key = id + status, so each fulfillment is emitted once per status it reaches.
 * Either way the first poll only notes where the list stands (unless existing ones are wanted).
 */
function fulfillmentSource(
	ctx: TriggerContext,
	params: Params,
	{ emitExisting }: SharedTriggerSettings,
): PollSource<IDataObject> {
	const byStatus = params.event === 'status';
	const qs = {
		...bracketQuery({
			filter: { status: params.status, fulfillment_type: params.fulfillmentType },
		}),
		sort: byStatus ? '-updated_at' : '-id',
	};
	const cursorOf = byStatus ? timeCursor : idCursor;
	return {
		async fetch({ cursor, sampleSize, firstPoll }: PollRequest) {
			if (sampleSize !== undefined)
				return await readList(ctx, FULFILLMENTS_PATH, qs, { returnAll: false, limit: sampleSize });
			const all = { returnAll: true, limit: 1 };
			if (firstPoll && !byStatus)
				return await readList(ctx, FULFILLMENTS_PATH, qs, { returnAll: false, limit: 1 });
			if (firstPoll && !emitExisting) {
				// Update times are shared (a bulk status change): every fulfillment at the newest one is already
				// in the status and must be remembered, or the next poll would emit it as newly arrived.
				return await readNewerThan(ctx, FULFILLMENTS_PATH, qs, olderThanFirst(cursorOf), all);
			}
			if (cursor === undefined) return byId(await readList(ctx, FULFILLMENTS_PATH, qs, all));
			const isOlder = (item: IDataObject) => (cursorOf(item) ?? cursor) < cursor;
			return byId(await readNewerThan(ctx, FULFILLMENTS_PATH, qs, isOlder, all));
		},
		key: (item) =>
			byStatus ? `${String(item.id)}:${String(item.status ?? params.status)}` : String(item.id),
		cursorOf,
		pageSize: MAX_PAGE_SIZE,
		// Only a status is a set a fulfillment stays in until handled; "created" has nothing to re-check.
		...(byStatus && {
			current: async () =>
				await readList(ctx, FULFILLMENTS_PATH, qs, { returnAll: true, limit: 1 }),
		}),
	};
}

const statusOnly = { show: { event: ['status'] } };

const trigger = defineTrigger({
	item: { one: 'a fulfillment', where: 'in the status' },
	properties: [
		{
			displayName: 'Trigger On',
			name: 'event',
			type: 'options',
			options: [
				{
					name: 'Fulfillment Created',
					value: 'created',
					description: 'Each new fulfillment once, in ID order',
				},
				{
					name: 'Fulfillment Reached Status',
					value: 'status',
					description: 'Each fulfillment once when it reaches the status below, e.g. submitted',
				},
			],
			default: 'created',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'string',
			required: true,
			default: 'submitted',
			placeholder: 'submitted',
			description: 'The fulfillment status to watch for, as SKU.io names it',
			displayOptions: statusOnly,
		},
		filtersCollection([
			{
				...fulfillmentTypeFilter,
				description: 'Only fulfillments of this type, e.g. manual, shipstation or fba',
			},
		]),
	],
	includeExisting: {
		displayName: 'Include Existing Fulfillments',
		description:
			'Whether the first poll after activation emits the fulfillments already in the status, instead of only those that reach it later',
	},
	// Every fulfillment ever created is not "existing" work to catch up on, and "created" has nothing
	// to re-check: only a status has both.
	sharedOptionsWhen: {
		show: { '/event': ['status'] },
		applies: (params) => params.event === 'status',
	},
	schema,
	// Status is shown only while watching one; otherwise it is not read.
	notRead: { status: (read) => (read.event === 'status' ? undefined : '') },
	source: fulfillmentSource,
	// An ID cursor means nothing to the status mode (and one status's updates nothing to another).
	scope: (params) =>
		JSON.stringify([params.event, params.status ?? '', params.fulfillmentType ?? '']),
	// Fulfillments leave a status while its list is read page by page.
	toleratePageShifts: true,
	summary: skuIoSummary,
});

export class SkuIoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SKU.io Trigger',
		name: 'skuIoTrigger',
		icon: { light: 'file:../../icons/skuio.svg', dark: 'file:../../icons/skuio.dark.svg' },
		...POLLING_TRIGGER,
		subtitle:
			'={{$parameter["event"] === "status" ? "Reached: " + $parameter["status"] : "New fulfillment"}}',
		description:
			'Read, export, correct and void SKU.io fulfillments, and start workflows when one is created or reaches a status',
		defaults: { name: 'SKU.io Trigger' },
		credentials: [{ name: 'skuIoApi', required: true }],
		properties: trigger.properties,
	};

	poll = trigger.poll;
}
