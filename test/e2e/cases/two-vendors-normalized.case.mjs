// examples/two-vendors-normalized.json:
// Run Manually → ShipperOne Get Many (pending shipment) + SKU.io Get Many (submitted) → Merge (append)
// → One Shape (the normalized summary's fields) → Awaiting Shipment (common status "processing").

export default {
	trigger: 'Run Manually',
	// It only reads: the ledger must show no write at all.
	readOnly: true,
	touches: () => [],

	async prepare({ sandbox }) {
		await sandbox.reset('shipperone');
		await sandbox.reset('skuio');
		const { orders } = await sandbox.seed('shipperone', { count: 2, queue: 'pending_shipment' });
		await sandbox.seed('shipperone', { count: 1, queue: 'pending_accept' });
		const { fulfillments } = await sandbox.seed('skuio', {
			count: 2,
			status: 'submitted',
			fulfillmentType: 'shipstation',
		});
		await sandbox.seed('skuio', { count: 1, status: 'fulfilled', fulfillmentType: 'shipstation' });
		return {
			shipperOne: orders.map((order) => order.order_id),
			// Get Many lists newest first.
			skuIo: fulfillments.map((fulfillment) => String(fulfillment.id)).reverse(),
		};
	},

	async verify({ execution, sandbox, ledgerSince, prepared, expect }) {
		const FIELDS = [
			'fulfillmentId',
			'items',
			'orderId',
			'status',
			'tracking',
			'updatedAt',
			'vendor',
			'vendorStatus',
		];
		const shaped = execution.output('One Shape');
		// Both vendors' objects come out with exactly the same fields.
		for (const json of shaped) expect(Object.keys(json).sort()).toEqual(FIELDS);
		expect(shaped.map((json) => [json.vendor, json.fulfillmentId])).toEqual([
			...prepared.shipperOne.map((id) => ['shipperOne', id]),
			...prepared.skuIo.map((id) => ['skuIo', id]),
		]);
		expect(
			shaped
				.filter((json) => json.vendor === 'shipperOne')
				.every((json) => json.vendorStatus === 'pending_shipment'),
		).toBe(true);
		expect(
			shaped
				.filter((json) => json.vendor === 'skuIo')
				.every((json) => json.vendorStatus === 'submitted'),
		).toBe(true);
		// ShipperOne's pending_shipment and SKU.io's submitted are the same common status.
		expect(execution.output('Awaiting Shipment')).toHaveLength(shaped.length);
		expect(
			execution.output('Awaiting Shipment').every((json) => json.status === 'processing'),
		).toBe(true);
		// Reading only: nothing was changed at either vendor.
		for (const vendor of ['shipperone', 'skuio']) {
			const requests = await sandbox.ledger({ vendor, type: 'request', since: ledgerSince });
			expect(requests.length).toBeGreaterThan(0);
			expect(requests.every((request) => request.method === 'GET')).toBe(true);
		}
	},
};
