import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { demoCredential, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';
import { fulfillment } from '../support/params';

/** Every "From List" of the pack, run the way n8n's editor runs it, against the sandbox. */
describe('Resource locators › list searches', () => {
	const env = useTestEnv((sandbox) => ({
		shipperOneApi: demoCredential(sandbox, 'shipperone'),
		skuIoApi: demoCredential(sandbox, 'skuio'),
		sellfernApi: demoCredential(sandbox, 'sellfern'),
	}));
	const vendors = () =>
		env.sandbox.state.vendors as unknown as Record<
			string,
			{ seed(options: IDataObject): IDataObject }
		>;

	describe('ShipperOne › Order ID', () => {
		const search = (operation: string, filter?: string, paginationToken?: string) =>
			env.harness.listSearch({
				nodeType: 'shipperOne',
				method: operation === 'ship' ? 'searchPendingShipment' : 'searchPendingAccept',
				parameters: { resource: 'fulfillmentOrder', operation } as INodeParameters,
				filter,
				paginationToken,
			});
		const seed = (count: number, queue: string, warehouseCode?: string) =>
			(
				vendors().shipperone.seed({
					count,
					queue,
					...(warehouseCode ? { warehouseCode } : {}),
				}) as { orders: IDataObject[] }
			).orders;

		it('lists the queue the operation acts on: Accept → pending accept, Ship → pending shipment', async () => {
			const pending = seed(2, 'pending_accept');
			const ready = seed(3, 'pending_shipment');
			const accept = await search('accept');
			expect(accept.results.map((result) => result.value)).toEqual(
				pending.map((order) => order.order_id),
			);
			expect(accept.results[0].name).toMatch(
				new RegExp(`^${String(pending[0].order_id)} · 2 items · WH-1`),
			);
			expect(accept.paginationToken).toBeUndefined();
			const ship = await search('ship');
			expect(ship.results.map((result) => result.value)).toEqual(
				ready.map((order) => order.order_id),
			);
			expect(vendorRequests(env, 'shipperone').map((request) => request.path)).toEqual([
				'/shipperone/rest/default/V1/fulfillmentOrders/pending_accept',
				'/shipperone/rest/default/V1/fulfillmentOrders/pending_shipment',
			]);
		});

		it('pages 100 orders at a time with a token for the next page, ending on a short page', async () => {
			const orders = seed(130, 'pending_accept');
			const first = await search('accept');
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('2');
			const second = await search('accept', undefined, first.paginationToken as string);
			expect(second.results.map((result) => result.value)).toEqual(
				orders.slice(100).map((order) => order.order_id),
			);
			expect(second.paginationToken).toBeUndefined();
			expect(vendorRequests(env, 'shipperone').map((request) => request.query.page)).toEqual([
				'1',
				'2',
			]);
		});

		it('filters each page by order ID, warehouse or SKU, in any case', async () => {
			seed(2, 'pending_accept', 'WH-1');
			const [east] = seed(1, 'pending_accept', 'EAST-3PL');
			const byWarehouse = await search('accept', 'east-3pl');
			expect(byWarehouse.results.map((result) => result.value)).toEqual([east.order_id]);
			const byId = await search('accept', String(east.order_id).toLowerCase());
			expect(byId.results.map((result) => result.value)).toEqual([east.order_id]);
			const bySku = await search('accept', 'poster-a2');
			expect(bySku.results.length).toBeGreaterThan(0);
			expect((await search('accept', 'no-such-thing')).results).toEqual([]);
		});

		it('refuses a page token that is not a page number, and reports a refused token', async () => {
			await expect(search('accept', undefined, 'abc')).rejects.toThrow(
				'The list\'s page token "abc" is not a page number',
			);
			env.harness.setCredentials({
				shipperOneApi: { ...demoCredential(env.sandbox, 'shipperone'), accessToken: 'so_wrong' },
			});
			await expect(search('accept')).rejects.toMatchObject({ httpCode: '401' });
		});

		it('the picked value (and a plain text ID, as version 1 stores it) is what Accept sends', async () => {
			const [order] = seed(1, 'pending_accept');
			const picked = (await search('accept')).results[0].value as string;
			for (const orderId of [{ __rl: true, mode: 'list', value: picked }, picked]) {
				const result = await env.harness.runNode({
					nodeType: 'shipperOne',
					parameters: {
						resource: 'fulfillmentOrder',
						operation: 'accept',
						decision: 'rejectAll',
						orderId,
					} as INodeParameters,
					input: [order],
				});
				expect(result.status).toBe('success');
				expect(result.items[0].json.order_id).toBe(order.order_id);
			}
			const accepts = vendorRequests(env, 'shipperone', '/accept');
			expect(
				accepts.map((request) => (request.body as { order: IDataObject }).order.order_id),
			).toEqual([picked, picked]);
		});

		it('an empty locator is refused: by n8n when typed, by the node naming item and field when an expression is empty', async () => {
			const run = (value: string) =>
				env.harness.runNode({
					nodeType: 'shipperOne',
					parameters: {
						resource: 'fulfillmentOrder',
						operation: 'accept',
						decision: 'rejectAll',
						orderId: { __rl: true, mode: 'list', value },
					} as INodeParameters,
					input: [{ items: [{ item_id: 1 }] }],
				});
			await expect(run('')).rejects.toThrow("The 'ShipperOne' node has issues");
			const result = await run('={{ $json.order_id }}');
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(/^Order ID .*\[item 0\]$/);
			expect(vendorRequests(env, 'shipperone')).toHaveLength(0);
		});

		it('version 1 keeps Order ID as a text field and runs from the input order as before', async () => {
			const [order] = seed(1, 'pending_accept');
			const v1 = await env.harness.runNode({
				nodeType: 'shipperOne',
				typeVersion: 1,
				parameters: { resource: 'fulfillmentOrder', operation: 'accept', decision: 'rejectAll' },
				input: [order],
			});
			expect(v1.status).toBe('success');
			expect(v1.run.data.resultData.runData.ShipperOne[0].data?.main[0]?.[0].json.order_id).toBe(
				order.order_id,
			);
			expect(v1.items[0].json.order_id).toBe(order.order_id);
		});
	});

	describe('SKU.io › Fulfillment ID', () => {
		const search = (filter?: string, paginationToken?: string) =>
			env.harness.listSearch({
				nodeType: 'skuIo',
				method: 'searchFulfillments',
				parameters: fulfillment('get') as INodeParameters,
				filter,
				paginationToken,
			});
		const seed = (count: number) =>
			(vendors().skuio.seed({ count }) as { fulfillments: IDataObject[] }).fulfillments;

		it('lists fulfillments newest first, 50 a page, with a token while more remain', async () => {
			const fulfillments = seed(60);
			const newestFirst = fulfillments.map((f) => String(f.id)).reverse();
			const first = await search();
			expect(first.results.map((result) => result.value)).toEqual(newestFirst.slice(0, 50));
			expect(first.results[0].name).toMatch(
				new RegExp(`^${String(fulfillments.at(-1)?.fulfillment_number)} · `),
			);
			expect(first.paginationToken).toBe('2');
			const second = await search(undefined, first.paginationToken as string);
			expect(second.results.map((result) => result.value)).toEqual(newestFirst.slice(50));
			expect(second.paginationToken).toBeUndefined();
			expect(vendorRequests(env, 'skuio').map((request) => request.query)).toEqual([
				{ sort: '-id', page: '1', per_page: '50' },
				{ sort: '-id', page: '2', per_page: '50' },
			]);
		});

		it('searches fulfillment, sales order and tracking numbers through filter_groups (or)', async () => {
			const fulfillments = seed(5);
			const target = fulfillments[2];
			const found = await search(String(target.fulfillment_number));
			expect(found.results.map((result) => result.value)).toEqual([String(target.id)]);
			const query = vendorRequests(env, 'skuio')[0].query;
			expect(query).toMatchObject({
				'filter_groups[conjunction]': 'or',
				'filter_groups[children][0][condition][column]': 'fulfillment_number',
				'filter_groups[children][0][condition][operator]': 'contains',
				'filter_groups[children][0][condition][value]': String(target.fulfillment_number),
				'filter_groups[children][1][condition][column]': 'sales_order_number',
				'filter_groups[children][2][condition][column]': 'tracking_number',
			});
			expect((await search('nothing-like-this')).results).toEqual([]);
		});

		it('reports SKU.io refusing the token, and refuses a bad page token', async () => {
			env.harness.setCredentials({
				skuIoApi: { ...demoCredential(env.sandbox, 'skuio'), accessToken: 'wrong' },
			});
			await expect(search()).rejects.toMatchObject({ httpCode: '401' });
			await expect(search(undefined, '0')).rejects.toThrow('is not a page number');
		});

		it('a picked ID, a By ID value and a plain text ID all reach Get; a bad ID is refused', async () => {
			const [seeded] = seed(1);
			const id = String(seeded.id);
			for (const fulfillmentId of [
				{ __rl: true, mode: 'list', value: id },
				{ __rl: true, mode: 'id', value: ` ${id} ` },
				id,
			]) {
				const result = await env.harness.runNode({
					nodeType: 'skuIo',
					parameters: fulfillment('get', { fulfillmentId }) as INodeParameters,
				});
				expect(result.status).toBe('success');
				expect(result.items[0].json.id).toBe(seeded.id);
			}
			const get = (value: string, input?: IDataObject[]) =>
				env.harness.runNode({
					nodeType: 'skuIo',
					parameters: fulfillment('get', {
						fulfillmentId: { __rl: true, mode: 'id', value },
					}) as INodeParameters,
					input,
				});
			// Typed in the By ID field: n8n checks it against the mode's pattern before running.
			await expect(get('abc')).rejects.toThrow("The 'SKU.io' node has issues");
			// From an expression: the node's own check names the item and field.
			const bad = await get('={{ $json.id }}', [{ id: 'abc' }]);
			expect(bad.status).toBe('error');
			expect(bad.error?.message).toMatch(/^Fulfillment ID .*\[item 0\]$/);
		});
	});
});
