// examples/shipperone-accept-and-ship.json:
// ShipperOne Trigger (pending accept) → Accept All Items → Wait for ERP Allocation → Ready to Ship
// (Get Many, pending shipment) → Ship with Tracking. The sandbox plays the ERP's allocation by its
// timer: accepted items are allocated one second after acceptance.
import { ordersById, statusChanges } from '../support/cases.mjs';

const VENDOR = 'shipperone';
const LIFECYCLE = ['pending_allocation', 'pending_shipment', 'pending_invoice'];

const orderIds = (orders) => orders.map((order) => order.order_id);
const trackNumber = (orderId) => `JD${orderId.replace(/\D/g, '')}`;

async function freshTenant(sandbox) {
	await sandbox.reset(VENDOR);
	await sandbox.vendorControl(VENDOR, 'POST', '/settings', { allocateAfterSeconds: 1 });
}

export default {
	trigger: 'New Order to Accept',

	async prepare({ sandbox }) {
		await freshTenant(sandbox);
		const { orders } = await sandbox.seed(VENDOR, { count: 3, items: 2 });
		// Other orders already awaiting shipment: the example must not ship them.
		const { orders: awaiting } = await sandbox.seed(VENDOR, {
			count: 2,
			queue: 'pending_shipment',
		});
		return { pendingIds: orderIds(orders), awaitingIds: orderIds(awaiting) };
	},

	/** The only order the run may write: the one it accepted (never the others awaiting shipment). */
	/** What any manual run, the first or a rerun, may write: the orders queued for it. */
	own: ({ prepared }) => prepared.pendingIds.map((id) => `${VENDOR}:fulfillmentOrder:${id}`),

	touches: ({ execution }) =>
		orderIds(execution.output('New Order to Accept')).map(
			(id) => `${VENDOR}:fulfillmentOrder:${id}`,
		),

	async verify({ execution, sandbox, ledgerSince, prepared, expect }) {
		// Manual mode: the trigger returns a sample (the first queued order) and remembers nothing.
		const sample = execution.output('New Order to Accept');
		expect(sample).toHaveLength(1);
		const [orderId] = orderIds(sample);
		expect(orderId).toBe(prepared.pendingIds[0]);

		expect(execution.output('Accept All Items')).toEqual([
			expect.objectContaining({ order_id: orderId, status: 'pending_allocation' }),
		]);
		expect(orderIds(execution.output('Ready to Ship')).sort()).toEqual(
			[orderId, ...prepared.awaitingIds].sort(),
		);
		expect(orderIds(execution.output('Only Orders Accepted Here'))).toEqual([orderId]);
		const [shipped] = execution.output('Ship with Tracking');
		expect(shipped).toMatchObject({
			order_id: orderId,
			status: 'pending_invoice',
			tracks: [{ carrier_code: 'dhl', title: 'DHL Express', track_number: trackNumber(orderId) }],
		});

		// Accept and ship carried every item of the order at its ordered quantity.
		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		const accept = requests.find((request) => request.path.endsWith('/fulfillmentOrder/accept'));
		const items = sample[0].items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered }));
		expect(accept.body).toEqual({ order: { order_id: orderId, items } });
		const ship = requests.find((request) => request.path.endsWith('/fulfillmentOrder/ship'));
		expect(ship.body.shipment.items).toEqual(items);

		expect(await statusChanges(sandbox, VENDOR, ledgerSince, 'fulfillmentOrder')).toEqual({
			[orderId]: LIFECYCLE,
		});
		const orders = await ordersById(sandbox, VENDOR);
		for (const id of prepared.pendingIds.slice(1))
			expect(orders.get(id).status).toBe('pending_accept');
		for (const id of prepared.awaitingIds)
			expect(orders.get(id)).toMatchObject({ status: 'pending_shipment', tracks: [] });
	},

	active: {
		vendor: VENDOR,
		key: (json) => String(json.order_id),

		async prepare({ sandbox }) {
			await freshTenant(sandbox);
			// Queued before activation: the trigger (Include Orders Already Queued off) must not emit these.
			const { orders } = await sandbox.seed(VENDOR, { count: 2 });
			return { queuedBefore: orderIds(orders) };
		},

		async addItems({ sandbox }) {
			const { orders } = await sandbox.seed(VENDOR, { count: 2 });
			return orderIds(orders);
		},

		async verify({ sandbox, prepared, rounds, ledgerSince, expect }) {
			const emitted = rounds.flat();
			const changes = await statusChanges(sandbox, VENDOR, ledgerSince, 'fulfillmentOrder');
			// Each new order was accepted, allocated and shipped exactly once; the old ones were left alone.
			for (const id of emitted) expect(changes[id]).toEqual(LIFECYCLE);
			const orders = await ordersById(sandbox, VENDOR);
			for (const id of emitted) {
				expect(orders.get(id)).toMatchObject({
					status: 'pending_invoice',
					tracks: [expect.objectContaining({ track_number: trackNumber(id) })],
				});
			}
			for (const id of prepared.queuedBefore) {
				expect(changes[id]).toBeUndefined();
				expect(orders.get(id).status).toBe('pending_accept');
			}
		},
	},
};
