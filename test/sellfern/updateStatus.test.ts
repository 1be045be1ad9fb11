import { orderStatus, requests, seedOrders, useSellfern } from './helpers';

describe('Sellfern › Order › Update Status', () => {
	const env = useSellfern();
	const update = (orderId: string | number, status: string, continueOnFail = false) =>
		env.harness.runNode({
			nodeType: 'sellfern',
			parameters: { resource: 'order', operation: 'updateStatus', orderId, status, options: {} },
			input: [{}],
			continueOnFail,
		});

	it('sets the status and returns the order', async () => {
		const [id] = seedOrders(env, 1, { status: 'In Production', supplierId: 'sup_1' });
		const result = await update(id, 'Shipped');
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ order_id: id, status: 'Shipped' });
		expect(orderStatus(env, id)?.status).toBe('Shipped');
		const [request] = requests(env, '/status');
		expect(request.method).toBe('PATCH');
		expect(request.body).toEqual({ status: 'Shipped' });
	});

	it('takes the order id from the input item by default', async () => {
		const [id] = seedOrders(env, 1);
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: { resource: 'order', operation: 'updateStatus', status: 'Cancelled' },
			input: [{ order_id: id }],
		});
		expect(result.items[0].json).toMatchObject({ order_id: id, status: 'Cancelled' });
	});

	it('explains an unknown order, or outputs the error under continueOnFail', async () => {
		const failed = await update(999999, 'Shipped');
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toContain(
			'Sellfern could not find the resource (HTTP 404 not_found)',
		);
		expect(failed.error?.description).toMatch(/Request ID: \S+/);

		const continued = await update(999999, 'Shipped', true);
		expect(continued.status).toBe('success');
		expect(continued.items[0].json.error).toContain('HTTP 404');
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses a non-numeric or path-like order id before sending anything', async () => {
		// An empty literal never reaches the node (n8n refuses to start it); an expression can be empty.
		for (const bad of ['abc', '../x?y', '12.5', '={{ "" }}']) {
			const result = await update(bad, 'Shipped');
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(
				/^Order ID must be a positive integer \(got .*\) \[item 0\]$/,
			);
		}
		expect(requests(env)).toHaveLength(0);
	});
});
