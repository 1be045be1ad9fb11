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

describe('ShipperOne › chained operations', () => {
	const env = useShipperOne();

	it('Get Many → Accept All → (allocation) → Get Many pending shipment → Ship, with no other input', async () => {
		const seeded = seed(env, 3, { items: 2 });
		const acceptRun = await env.harness.runWorkflow(
			{
				nodes: [
					node(
						'Pending accept',
						{ operation: 'getAll', queue: 'pending_accept', returnAll: true },
						0,
					),
					node('Accept all', { operation: 'accept' }, 200),
				],
				connections: chain(['Pending accept', 'Accept all']),
			},
			{ startNode: 'Pending accept' },
		);
		expect(acceptRun.outputOf('Accept all').map((item) => item.json.status)).toEqual(
			Array(3).fill('pending_allocation'),
		);

		expect(vendor(env).allocate()).toEqual(seeded.map((o) => o.order_id));

		const shipRun = await env.harness.runWorkflow(
			{
				nodes: [
					node(
						'Pending shipment',
						{ operation: 'getAll', queue: 'pending_shipment', returnAll: true },
						0,
					),
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
				],
				connections: chain(['Pending shipment', 'Ship']),
			},
			{ startNode: 'Pending shipment' },
		);
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
		const run = await env.harness.runWorkflow(
			{
				nodes: [
					node(
						'Pending accept',
						{ operation: 'getAll', queue: 'pending_accept', returnAll: true },
						0,
					),
					node('Accept all', { operation: 'accept' }, 200),
					node(
						'Pending shipment',
						{ operation: 'getAll', queue: 'pending_shipment', returnAll: true },
						400,
						{ executeOnce: true },
					),
					node(
						'Ship',
						{
							operation: 'ship',
							tracks: { track: [{ carrier_code: 'ups', title: 'UPS', track_number: '1Z1' }] },
						},
						600,
					),
				],
				connections: chain(['Pending accept', 'Accept all', 'Pending shipment', 'Ship']),
			},
			{ startNode: 'Pending accept' },
		);
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
