import type { INode } from 'n8n-workflow';
import { orderIds, requests, seed, useShipperOne, vendor } from './helpers';

const node = (
	name: string,
	parameters: Record<string, unknown>,
	x: number,
	extra: Partial<INode> = {},
): INode => ({
	id: name,
	name,
	type: 'shipperOne',
	typeVersion: 1,
	position: [x, 0],
	parameters: { resource: 'fulfillmentOrder', ...parameters },
	...extra,
});
const chain = (names: string[]) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [
				name,
				{ main: [[{ node: names[i + 1], type: 'main' as const, index: 0 }]] },
			]),
	);

/** A Get Many of one queue, all of it. */
const queueNode = (name: string, queue: string, x: number, extra: Partial<INode> = {}) =>
	node(name, { operation: 'getAll', queue, returnAll: true }, x, extra);

describe('ShipperOne › chained operations', () => {
	const env = useShipperOne();
	/** Runs `nodes` connected one after the other, from the first. */
	const runChain = (nodes: INode[]) =>
		env.harness.runWorkflow(
			{ nodes, connections: chain(nodes.map((n) => n.name)) },
			{ startNode: nodes[0].name },
		);

	it('Get Many → Accept All → (allocation) → Get Many pending shipment → Ship, with no other input', async () => {
		const seeded = seed(env, 3, { items: 2 });
		const acceptRun = await runChain([
			queueNode('Pending accept', 'pending_accept', 0),
			node('Accept all', { operation: 'accept' }, 200),
		]);
		expect(acceptRun.outputOf('Accept all').map((item) => item.json.status)).toEqual(
			Array(3).fill('pending_allocation'),
		);

		expect(vendor(env).allocate()).toEqual(seeded.map((o) => o.order_id));

		const shipRun = await runChain([
			queueNode('Pending shipment', 'pending_shipment', 0),
			node(
				'Ship',
				{
					operation: 'ship',
					tracks: {
						track: [
							{
								carrier_code: 'dhl',
								title: 'DHL Express',
								track_number: "={{ 'JD' + $json.order_id }}",
							},
						],
					},
				},
				200,
			),
		]);
		const shipped = shipRun.outputOf('Ship');
		expect(orderIds(shipped)).toEqual(seeded.map((o) => o.order_id));
		expect(shipped.every((item) => item.json.status === 'pending_invoice')).toBe(true);
		expect(shipped[0].json.tracks).toEqual([
			{ carrier_code: 'dhl', title: 'DHL Express', track_number: `JD${seeded[0].order_id}` },
		]);
		expect(shipped.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('runs the whole flow in one workflow when the ERP allocates at once', async () => {
		vendor(env).settings({ allocateAfterSeconds: 0 });
		const seeded = seed(env, 2);
		const run = await runChain([
			queueNode('Pending accept', 'pending_accept', 0),
			node('Accept all', { operation: 'accept' }, 200),
			queueNode('Pending shipment', 'pending_shipment', 400, { executeOnce: true }),
			node(
				'Ship',
				{
					operation: 'ship',
					tracks: { track: [{ carrier_code: 'ups', title: 'UPS', track_number: '1Z1' }] },
				},
				600,
			),
		]);
		expect(orderIds(run.outputOf('Ship'))).toEqual(seeded.map((o) => o.order_id));
		expect(requests(env, '/fulfillmentOrder/ship')).toHaveLength(2);
	});

	it('Trigger → Accept All: accepts exactly what the trigger emits', async () => {
		const poller = env.harness.poller({ nodeType: 'shipperOneTrigger', parameters: {} });
		await poller.poll();
		const arrived = seed(env, 2, { items: 3 });
		const emitted = (await poller.poll())?.[0] ?? [];
		const result = await env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: { resource: 'fulfillmentOrder', operation: 'accept' },
			input: emitted,
		});
		expect(result.status).toBe('success');
		expect(orderIds(result.items)).toEqual(arrived.map((o) => o.order_id));
		expect(requests(env, '/fulfillmentOrder/accept').map((r) => r.body)).toEqual(
			arrived.map((o) => ({
				order: {
					order_id: o.order_id,
					items: o.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered })),
				},
			})),
		);
	});
});
