// What several example cases read back from the sandbox.

/** The vendor's orders by order_id, from the sandbox's control API. */
export async function ordersById(sandbox, vendor) {
	const { orders } = await sandbox.vendorControl(vendor, 'GET', '/orders');
	return new Map(orders.map((order) => [order.order_id, order]));
}

/**
 * Each record's status changes since `since` (creations left out), in order, of one `entity` kind
 * when given: { 1042: ['In Production', 'Shipped'] }.
 */
export async function statusChanges(sandbox, vendor, since, entity) {
	const changes = await sandbox.ledger({ vendor, type: 'change', since });
	const byId = {};
	for (const change of changes)
		if ((entity === undefined || change.entity === entity) && change.from !== null)
			(byId[change.id] ??= []).push(change.to);
	return byId;
}
