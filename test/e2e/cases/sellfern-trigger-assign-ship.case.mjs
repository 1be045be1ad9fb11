// examples/sellfern-trigger-assign-ship.json:
// Sellfern Trigger (New orders) → Assign Supplier → Only Assigned (filter) → Mark Shipped.
import { ordersById, statusChanges } from '../support/cases.mjs';

const VENDOR = 'sellfern';
const SUPPLIER = 'sup_789';

const orderIds = (orders) => orders.map((order) => order.order_id);

export default {
	trigger: 'New Sellfern Order',

	async prepare({ sandbox }) {
		await sandbox.reset(VENDOR);
		const { orders } = await sandbox.seed(VENDOR, { count: 3, status: 'New' });
		await sandbox.seed(VENDOR, { count: 2, status: 'In Production' });
		return { newIds: orderIds(orders) };
	},

	/** What any manual run, the first or a rerun, may write: the New orders made for it. */
	own: ({ prepared }) => prepared.newIds.map((id) => `${VENDOR}:order:${id}`),

	/** The only order the run may write: the one the trigger gave it. */
	touches: ({ execution }) =>
		orderIds(execution.output('New Sellfern Order')).map((id) => `${VENDOR}:order:${id}`),

	async verify({ execution, sandbox, ledgerSince, prepared, expect }) {
		// Manual mode: the trigger returns a sample (one queued New order) and remembers nothing.
		const sample = execution.output('New Sellfern Order');
		expect(sample).toHaveLength(1);
		expect(sample[0]).toMatchObject({ status: 'New' });
		const [orderId] = orderIds(sample);
		expect(prepared.newIds).toContain(orderId);

		expect(execution.output('Assign Supplier')).toEqual([
			{ order_id: orderId, status: 'ok', supplier_id: SUPPLIER },
		]);
		expect(execution.output('Only Assigned')).toHaveLength(1);
		const [shipped] = execution.output('Mark Shipped');
		expect(shipped).toMatchObject({ order_id: orderId, status: 'Shipped', supplier_id: SUPPLIER });

		expect(await statusChanges(sandbox, VENDOR, ledgerSince)).toEqual({
			[orderId]: ['In Production', 'Shipped'],
		});
		const orders = await ordersById(sandbox, VENDOR);
		for (const id of prepared.newIds.filter((id) => id !== orderId))
			expect(orders.get(id).status).toBe('New');
	},

	active: {
		vendor: VENDOR,
		key: (json) => String(json.order_id),

		async prepare({ sandbox }) {
			await sandbox.reset(VENDOR);
			// Queued before activation: the trigger (Include Orders Already Queued off) must not emit these.
			const { orders } = await sandbox.seed(VENDOR, { count: 2, status: 'New' });
			return { queuedBefore: orderIds(orders) };
		},

		async addItems({ sandbox }) {
			const { orders } = await sandbox.seed(VENDOR, { count: 2, status: 'New' });
			return orderIds(orders).map(String);
		},

		async verify({ sandbox, prepared, rounds, ledgerSince, expect }) {
			const emitted = rounds.flat().map(Number);
			const changes = await statusChanges(sandbox, VENDOR, ledgerSince);
			// Each new order went through the whole workflow exactly once; the old ones were left alone.
			for (const id of emitted) expect(changes[id]).toEqual(['In Production', 'Shipped']);
			const orders = await ordersById(sandbox, VENDOR);
			for (const id of emitted)
				expect(orders.get(id)).toMatchObject({ status: 'Shipped', supplier_id: SUPPLIER });
			for (const id of prepared.queuedBefore) {
				expect(changes[id]).toBeUndefined();
				expect(orders.get(id).status).toBe('New');
			}
		},
	},
};
