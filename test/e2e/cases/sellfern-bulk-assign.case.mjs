// examples/sellfern-bulk-assign.json: Get Many (status New, all pages) → Only Store EU → Assign
// Supplier in batches of 100. Other stores' new orders stay in the queue, untouched.
const VENDOR = 'sellfern';
const NEW_ORDERS = 300;
const OTHER_STORE_ORDERS = 40;
const STORE = 'store_eu';
const SUPPLIER = 'sup_789';

const orderIds = (items) => items.map((item) => item.order_id);
const sorted = (ids) => [...ids].sort((a, b) => a - b);

export default {
	async prepare({ sandbox }) {
		await sandbox.reset(VENDOR);
		const { orders } = await sandbox.seed(VENDOR, {
			count: NEW_ORDERS,
			status: 'New',
			storeId: STORE,
		});
		// New orders of another store: the filter must leave them in the queue for other flows.
		const { orders: otherStore } = await sandbox.seed(VENDOR, {
			count: OTHER_STORE_ORDERS,
			status: 'New',
			storeId: 'store_us',
		});
		// Orders already in production with another supplier: Get Many (New) must leave them alone.
		const { orders: others } = await sandbox.seed(VENDOR, {
			count: 5,
			status: 'In Production',
			supplierId: 'sup_100',
		});
		return {
			newIds: orderIds(orders),
			otherStoreIds: orderIds(otherStore),
			otherIds: orderIds(others),
		};
	},

	touches: ({ prepared }) => prepared.newIds.map((id) => `${VENDOR}:order:${id}`),

	async verify({ execution, sandbox, ledgerSince, prepared, expect }) {
		const everyNew = execution.output('Get New Orders');
		expect(sorted(orderIds(everyNew))).toEqual(
			sorted([...prepared.newIds, ...prepared.otherStoreIds]),
		);
		expect(everyNew.every((order) => order.status === 'New')).toBe(true);
		const queue = execution.output('Only Store EU');
		expect(sorted(orderIds(queue))).toEqual(sorted(prepared.newIds));

		// One item per order, in input order, each a per-order result of the vendor.
		const results = execution.output('Assign Supplier');
		expect(results).toHaveLength(NEW_ORDERS);
		expect(orderIds(results)).toEqual(orderIds(queue));
		for (const result of results)
			expect(result).toMatchObject({ status: 'ok', supplier_id: SUPPLIER });

		// Three requests of at most 100 ids (the example's batch size), each with an idempotency key.
		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		const assigns = requests.filter(
			(request) => request.method === 'POST' && request.path.endsWith('/api/v2/fulfillment/assign'),
		);
		expect(assigns).toHaveLength(3);
		for (const request of assigns) {
			expect(request.status).toBe(200);
			expect(request.body.supplier_id).toBe(SUPPLIER);
			expect(request.body.order_ids.length).toBeLessThanOrEqual(100);
			expect(request.headers['idempotency-key']).toMatch(/\S/);
		}
		expect(sorted(assigns.flatMap((request) => request.body.order_ids))).toEqual(
			sorted(prepared.newIds),
		);

		// The vendor's state: exactly the new orders moved to In Production, once each.
		const changes = await sandbox.ledger({ vendor: VENDOR, type: 'change', since: ledgerSince });
		expect(changes).toHaveLength(NEW_ORDERS);
		for (const change of changes)
			expect(change).toMatchObject({ entity: 'order', from: 'New', to: 'In Production' });
		const { orders } = await sandbox.vendorControl(VENDOR, 'GET', '/orders');
		const byId = new Map(orders.map((order) => [order.order_id, order]));
		for (const id of prepared.newIds)
			expect(byId.get(id)).toMatchObject({ status: 'In Production', supplier_id: SUPPLIER });
		for (const id of prepared.otherIds)
			expect(byId.get(id)).toMatchObject({ status: 'In Production', supplier_id: 'sup_100' });
		for (const id of prepared.otherStoreIds)
			expect(byId.get(id)).toMatchObject({ status: 'New', supplier_id: null });
	},
};
