import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { demoCredential, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';
import { fulfillment } from '../support/params';

describe('Resource locators › Sellfern and OrderProtection list searches', () => {
	const env = useTestEnv((sandbox) => ({
		sellfernApi: demoCredential(sandbox, 'sellfern'),
		orderProtectionOAuth2Api: demoCredential(sandbox, 'orderprotection'),
	}));
	const seed = (vendor: string, options: IDataObject) =>
		env.sandbox.state.seed(vendor as never, options as never) as unknown as {
			orders: IDataObject[];
		};

	describe('Sellfern › Update Status › Order ID', () => {
		const search = (filter?: string, paginationToken?: string) =>
			env.harness.listSearch({
				nodeType: 'sellfern',
				method: 'searchQueuedOrders',
				parameters: { resource: 'order', operation: 'updateStatus' } as INodeParameters,
				filter,
				paginationToken,
			});

		it('lists the queue (New and In Production, not others) 100 a page, with a token while more remain', async () => {
			const queued = seed('sellfern', { count: 120, status: 'New' }).orders.map((order) =>
				String(order.order_id),
			);
			seed('sellfern', { count: 2, status: 'Shipped' });
			const first = await search();
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('2');
			const second = await search(undefined, first.paginationToken as string);
			expect([...first.results, ...second.results].map((result) => result.value)).toEqual(queued);
			expect(second.paginationToken).toBeUndefined();
			expect(first.results[0].name).toMatch(new RegExp(`^${queued[0]} · New`));
			expect(vendorRequests(env, 'sellfern').map((request) => request.query)).toEqual([
				{ page: '1', page_size: '100' },
				{ page: '2', page_size: '100' },
			]);
		});

		it('filters by order ID, status or supplier', async () => {
			const [order] = seed('sellfern', {
				count: 1,
				status: 'In Production',
				supplierId: 'sup_789',
			}).orders;
			seed('sellfern', { count: 3, status: 'New' });
			expect((await search('SUP_789')).results.map((result) => result.value)).toEqual([
				String(order.order_id),
			]);
			expect((await search('in production')).results.map((result) => result.value)).toEqual([
				String(order.order_id),
			]);
			expect((await search('nothing')).results).toEqual([]);
		});

		it('reports a refused token; the picked order is the one whose status changes', async () => {
			const [order] = seed('sellfern', {
				count: 1,
				status: 'In Production',
				supplierId: 'sup_1',
			}).orders;
			const picked = (await search()).results[0].value as string;
			const result = await env.harness.runNode({
				nodeType: 'sellfern',
				parameters: {
					resource: 'order',
					operation: 'updateStatus',
					orderId: { __rl: true, mode: 'list', value: picked },
					status: 'Shipped',
				} as INodeParameters,
			});
			expect(result.status).toBe('success');
			expect(vendorRequests(env, 'sellfern', '/status').map((request) => request.path)).toEqual([
				`/sellfern/api/v2/orders/${String(order.order_id)}/status`,
			]);
			env.harness.setCredentials({
				sellfernApi: { ...demoCredential(env.sandbox, 'sellfern'), apiToken: 'sk_wrong' },
			});
			await expect(search()).rejects.toMatchObject({ httpCode: '401' });
		});
	});

	describe('OrderProtection › Update › Source Fulfillment ID', () => {
		const search = (sourceOrderId: string, filter?: string) =>
			env.harness.listSearch({
				nodeType: 'orderProtection',
				method: 'searchOrderFulfillments',
				parameters: fulfillment('update', { sourceOrderId }) as INodeParameters,
				filter,
			});

		async function createFulfillments(order: IDataObject, ids: string[]) {
			const item = (order.items as IDataObject[])[0];
			for (const id of ids) {
				const created = await env.harness.runNode({
					nodeType: 'orderProtection',
					parameters: fulfillment('create', {
						sourceOrderId: String(order.sourceOrderId),
						sourceFulfillmentId: id,
						fulfillmentStatus: id.endsWith('2') ? 'DELIVERED' : 'IN_TRANSIT',
						items: { item: [{ sourceItemId: String(item.sourceItemId), quantity: 1 }] },
					}),
				});
				expect(created.status).toBe('success');
			}
		}

		it("lists the order's fulfillments, searchable by ID or status", async () => {
			const [order] = seed('orderprotection', { orders: 1 }).orders;
			await createFulfillments(order, ['ful-1', 'ful-2']);
			const all = await search(String(order.sourceOrderId));
			expect(all.results).toEqual([
				{ name: 'ful-1 · IN_TRANSIT', value: 'ful-1' },
				{ name: 'ful-2 · DELIVERED', value: 'ful-2' },
			]);
			expect(all.paginationToken).toBeUndefined();
			expect(
				(await search(String(order.sourceOrderId), 'delivered')).results.map(
					(result) => result.value,
				),
			).toEqual(['ful-2']);
		});

		it('asks for a fixed Source Order ID when it is an expression or empty; reports an unknown order', async () => {
			await expect(search('={{ $json.sourceOrderId }}')).rejects.toThrow(
				'To list its fulfillments, set Source Order ID to a fixed order ID (not an expression)',
			);
			await expect(search('')).rejects.toThrow('set Source Order ID');
			await expect(search('no-such-order')).rejects.toMatchObject({ httpCode: '404' });
		});
	});
});
