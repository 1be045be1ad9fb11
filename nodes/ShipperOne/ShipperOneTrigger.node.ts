import type { IDataObject, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { timeZone } from '../shared/dates';
import { pollPaging, type PollSource } from '../shared/polling';
import { defineTrigger, POLLING_TRIGGER, type TriggerContext } from '../shared/trigger';
import { integerAtLeast, z } from '../shared/validation';
import {
	DATE_FILTER_ZONE_OPTION,
	QUEUE_OPTIONS,
	QUEUE_PAGE_SIZE,
	queueSchema,
	readQueue,
	type Queue,
} from './queue';
import { shipperOneSummary } from './summary';
import { secondsBefore, updateTimeOf } from './updateTime';

const DEFAULT_OVERLAP_SECONDS = 60;

const schema = z.object({
	queue: queueSchema,
	detectBy: z.enum(['updateTime', 'snapshot'], {
		errorMap: () => ({ message: 'Detect Entries By must be Update Time or Queue Snapshot' }),
	}),
	overlapSeconds: integerAtLeast('Date Filter Overlap (Seconds)', 1),
	dateFilterTimeZone: timeZone('Date Filter Time Zone'),
});

type Params = z.infer<typeof schema>;

function orderIdOf(ctx: TriggerContext, order: IDataObject): string {
	const id = order.order_id;
	if (typeof id === 'string' || typeof id === 'number') return String(id);
	throw new NodeOperationError(ctx.getNode(), 'ShipperOne returned an order without order_id', {
		description: `Order: ${JSON.stringify(order).slice(0, 300)}`,
	});
}

/** Every poll reads the whole queue; an order is new when it was not there at the previous poll. */
function snapshotSource(ctx: TriggerContext, queue: Queue): PollSource<IDataObject> {
	return {
		fetch: async ({ sampleSize }) => {
			const orders = await readQueue(ctx, queue, {}, pollPaging(sampleSize));
			orders.forEach((order) => orderIdOf(ctx, order));
			return orders;
		},
		key: (order) => orderIdOf(ctx, order),
	};
}

/**
 * Asks only for orders updated since the last update time seen, minus an overlap: the filter's
 * granularity is a second and its time zone unstated, so the cursor is always the vendor's own
 * value, and orders seen before are recognised by the shared seen set. The key is the order ID with
 * its update time: entering the queue updates an order, so a re-entry is a new key.
 */
function updateTimeSource(ctx: TriggerContext, params: Params): PollSource<IDataObject> {
	const updateTime = (order: IDataObject) => {
		const time = updateTimeOf(order, params.dateFilterTimeZone);
		if (time !== undefined) return time;
		throw new NodeOperationError(
			ctx.getNode(),
			`ShipperOne order ${orderIdOf(ctx, order)} has no readable update time (updated_at), so the date filter cannot be used`,
			{
				description:
					'Set Options › Detect Entries By to Queue Snapshot, which needs no update time.',
			},
		);
	};
	return {
		fetch: async ({ cursor, sampleSize }) => {
			const date =
				cursor && sampleSize === undefined
					? secondsBefore(cursor, params.overlapSeconds)
					: undefined;
			const orders = await readQueue(ctx, params.queue, { date }, pollPaging(sampleSize));
			if (sampleSize !== undefined) return orders;
			// Oldest first, so the seen set (which keeps the latest keys) never drops a recent one.
			const timed = orders.map((order) => ({ order, time: updateTime(order) }));
			return timed
				.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
				.map(({ order }) => order);
		},
		key: (order) => `${orderIdOf(ctx, order)}@${updateTime(order)}`,
		cursorOf: (order) => updateTime(order),
		current: async () => await readQueue(ctx, params.queue, {}, pollPaging(undefined)),
		pageSize: QUEUE_PAGE_SIZE,
	};
}

const trigger = defineTrigger({
	item: { one: 'an order', where: 'in the queue' },
	properties: [
		{
			displayName: 'Queue',
			name: 'queue',
			type: 'options',
			options: QUEUE_OPTIONS,
			default: 'pending_accept',
			description: 'Emit each order once when it enters this queue',
		},
	],
	options: [
		{
			displayName: 'Detect Entries By',
			name: 'detectBy',
			type: 'options',
			options: [
				{
					name: 'Update Time (Date Filter)',
					value: 'updateTime',
					description:
						'Ask only for orders updated since the last one seen. An order updated while it stays in the queue (e.g. partially accepted) is emitted again.',
				},
				{
					name: 'Queue Snapshot',
					value: 'snapshot',
					description:
						'Read the whole queue each poll and emit orders that were not in it at the previous poll. One request per 100 queued orders.',
				},
			],
			default: 'updateTime',
			description: 'How the trigger tells which orders entered the queue since the last poll',
		},
		{
			displayName: 'Date Filter Overlap (Seconds)',
			name: 'overlapSeconds',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: DEFAULT_OVERLAP_SECONDS,
			description:
				'With Update Time: how far before the last seen update time each poll asks from, to catch orders saved late or in the same second. Orders already emitted are not emitted again.',
		},
		{
			...DATE_FILTER_ZONE_OPTION,
			description:
				'With Update Time: the time zone to write update times that carry an offset in. Update times without one are sent back as ShipperOne wrote them.',
		},
	],
	includeExisting: {
		displayName: 'Include Orders Already Queued',
		description:
			'Whether the first poll after activation emits the orders already in the queue, instead of only those that enter it later',
	},
	schema,
	source: (ctx, params) =>
		params.detectBy === 'snapshot'
			? snapshotSource(ctx, params.queue)
			: updateTimeSource(ctx, params),
	scope: (params) =>
		[
			params.queue,
			params.detectBy,
			params.detectBy === 'updateTime' ? params.dateFilterTimeZone : '',
		]
			.filter(Boolean)
			.join('|'),
	// The queue is read page by page while the flow moves orders out of it.
	toleratePageShifts: true,
	summary: shipperOneSummary,
});

export class ShipperOneTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ShipperOne Trigger',
		name: 'shipperOneTrigger',
		icon: {
			light: 'file:../../icons/shipperone.svg',
			dark: 'file:../../icons/shipperone.dark.svg',
		},
		...POLLING_TRIGGER,
		subtitle: '={{"Queue: " + $parameter["queue"]}}',
		description:
			'Accept or reject ShipperOne fulfillment orders and report shipments, and start workflows when an order enters a queue',
		defaults: { name: 'ShipperOne Trigger' },
		credentials: [{ name: 'shipperOneApi', required: true }],
		properties: trigger.properties,
	};

	poll = trigger.poll;
}
