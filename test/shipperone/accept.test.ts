import type { IDataObject } from 'n8n-workflow';
import type { CredentialsMap } from '../harness';
import { faultOn } from '../support/faults';
import {
	credential,
	order,
	paired,
	READONLY_TOKEN,
	requests,
	seed,
	useShipperOne,
	vendor,
} from './helpers';

describe('ShipperOne › Fulfillment Order › Accept', () => {
	const env = useShipperOne();
	const accept = (
		parameters: Record<string, unknown>,
		input: IDataObject[],
		options: { continueOnFail?: boolean; credentials?: CredentialsMap } = {},
	) =>
		env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: { resource: 'fulfillmentOrder', operation: 'accept', ...parameters },
			input,
			...options,
		});
	const acceptCalls = () => requests(env, '/fulfillmentOrder/accept');
	const failAccept = faultOn(env, 'shipperone', '/fulfillmentOrder/accept');
	/** The body ShipperOne's accept takes: one order and its items with the quantities to accept. */
	const acceptBody = (orderId: unknown, items: unknown) => ({
		order: { order_id: orderId, items },
	});

	it('accepts every item at its ordered quantity, reading the items from the input order', async () => {
		const [fo] = seed(env, 1, { items: 3 });
		const result = await accept({}, [fo]);
		expect(result.status).toBe('success');
		expect(acceptCalls()[0].body).toEqual(
			acceptBody(
				fo.order_id,
				fo.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered })),
			),
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			order_id: fo.order_id,
			status: 'pending_allocation',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(vendor(env).orders.queue('pending_accept')).toHaveLength(0);
	});

	it('accepts many orders at once, slows down on 429 and still accepts each exactly once, in item order', async () => {
		const orders = seed(env, 12, { items: 1 });
		failAccept({ status: 429, headers: { 'Retry-After': '1' }, count: 3, after: 2 });
		const started = Date.now();
		const result = await accept({ options: { concurrency: 6 } }, orders);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json.order_id)).toEqual(orders.map((o) => o.order_id));
		expect(paired(result.items)).toEqual([...Array(12).keys()]);
		expect(vendor(env).orders.queue('pending_accept')).toHaveLength(0);
		const accepted = acceptCalls().filter((call) => call.status === 200);
		expect(accepted).toHaveLength(12);
		expect(
			new Set(accepted.map((call) => (call.body as { order: { order_id: string } }).order.order_id))
				.size,
		).toBe(12);
		expect(acceptCalls().filter((call) => call.status === 429)).toHaveLength(3);
		// Everything after the first 429 waited for its Retry-After.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('refuses a Concurrency outside 1–500 before sending anything', async () => {
		const orders = seed(env, 2, { items: 1 });
		for (const concurrency of [0, 501, 2.5, '={{ "x" }}']) {
			const result = await accept({ options: { concurrency } }, orders);
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(
				/^Concurrency must be (a whole number of at least 1|at most 500)/,
			);
		}
		expect(acceptCalls()).toHaveLength(0);
	});

	it('rejects every item with qty 0', async () => {
		const [fo] = seed(env, 1, { items: 2 });
		const result = await accept({ decision: 'rejectAll' }, [fo]);
		expect(acceptCalls()[0].body).toEqual(
			acceptBody(
				fo.order_id,
				fo.items.map((item) => ({ item_id: item.item_id, qty: 0 })),
			),
		);
		expect(result.items[0].json).toMatchObject({ status: 'rejected' });
	});

	it('accepts and rejects per item in one call, from fields or from JSON', async () => {
		const [first, second] = seed(env, 2, { items: 2, qty: 2 });
		const [a, b] = first.items;
		const fields = await accept(
			{
				decision: 'perItem',
				items: {
					item: [
						{ item_id: String(a.item_id), qty: 2 },
						{ item_id: b.item_id, qty: 0 },
					],
				},
			},
			[first],
		);
		expect(acceptCalls()[0].body).toEqual(
			acceptBody(first.order_id, [
				{ item_id: a.item_id, qty: 2 },
				{ item_id: b.item_id, qty: 0 },
			]),
		);
		expect((fields.items[0].json.items as IDataObject[]).map((item) => item.status)).toEqual([
			'pending_allocation',
			'rejected',
		]);

		const [c, d] = second.items;
		const fromJson = await accept(
			{
				decision: 'perItem',
				itemsInput: 'json',
				itemsJson: JSON.stringify([
					{ item_id: c.item_id, qty: 0 },
					{ id: d.item_id, quantity: '2' },
				]),
			},
			[second],
		);
		expect(fromJson.status).toBe('success');
		expect(acceptCalls()[1].body).toEqual(
			acceptBody(second.order_id, [
				{ item_id: c.item_id, qty: 0 },
				{ item_id: d.item_id, qty: 2 },
			]),
		);
	});

	it('accepts part of an order when the order allows partials, leaving the rest pending', async () => {
		const [fo] = seed(env, 1, { items: 2, qty: 3, partials: true });
		const [a] = fo.items;
		const result = await accept(
			{ decision: 'perItem', items: { item: [{ item_id: a.item_id, qty: 2 }] } },
			[fo],
		);
		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({ status: 'partially_accepted' });
		expect((result.items[0].json.items as IDataObject[])[0]).toMatchObject({
			qty_accepted: 2,
			qty_rejected: 1,
		});
		expect(
			vendor(env)
				.orders.queue('pending_accept')
				.map((o) => o.order_id),
		).toEqual([fo.order_id]);
	});

	it('accepts part of an order when partials are enabled tenant-wide', async () => {
		vendor(env).settings({ partials: true });
		const [fo] = seed(env, 1, { items: 2, qty: 3 });
		const result = await accept(
			{ decision: 'perItem', items: { item: [{ item_id: fo.items[1].item_id, qty: 1 }] } },
			[fo],
		);
		expect(result.items[0].json).toMatchObject({ status: 'partially_accepted' });
	});

	it('explains the 400 for a subset or a partial quantity when partials are off', async () => {
		const [fo] = seed(env, 1, { items: 2, qty: 3 });
		const [a, b] = fo.items;
		const subset = await accept(
			{ decision: 'perItem', items: { item: [{ item_id: a.item_id, qty: 3 }] } },
			[fo],
		);
		expect(subset.status).toBe('error');
		expect(subset.error?.message).toBe(
			`ShipperOne rejected the request as invalid (HTTP 400): items[] must list every item of fulfillment order ${fo.order_id} (missing: ${b.item_id}): partial acceptance is not enabled for it.`,
		);
		expect(subset.error?.description).toContain('unless partial accept/ship is enabled');

		const partialQty = await accept(
			{
				decision: 'perItem',
				items: {
					item: [
						{ item_id: a.item_id, qty: 1 },
						{ item_id: b.item_id, qty: 3 },
					],
				},
			},
			[fo],
		);
		expect(partialQty.error?.message).toContain(
			`The qty of item ${a.item_id} must equal its ordered qty 3`,
		);
		expect(order(env, fo.order_id).status).toBe('pending_accept');
	});

	it('names an item that does not belong to the order', async () => {
		const [fo, other] = seed(env, 2, { items: 1 });
		const result = await accept({ orderItems: other.items }, [fo]);
		expect(result.error?.message).toContain(
			`Item ${other.items[0].item_id} does not belong to fulfillment order ${fo.order_id}`,
		);
	});

	it('treats re-sending an applied decision as a no-op that returns the current state', async () => {
		const [fo] = seed(env, 1);
		const first = await accept({}, [fo]);
		vendor(env).allocate(fo.order_id);
		const changes = env.sandbox.state.ledger.changes().length;
		const again = await accept({}, [fo]);
		expect(again.status).toBe('success');
		expect(first.items[0].json.status).toBe('pending_allocation');
		expect(again.items[0].json).toMatchObject({
			order_id: fo.order_id,
			status: 'pending_shipment',
		});
		expect(env.sandbox.state.ledger.changes()).toHaveLength(changes);
	});

	it('reads item IDs and quantities tolerantly from the order', async () => {
		const [fo] = seed(env, 1, { items: 3, qty: 2 });
		const [a, b, c] = fo.items;
		const tolerant = {
			order_id: fo.order_id,
			items: [
				{ id: a.item_id, qty: 2 },
				{ item_id: String(b.item_id), quantity: 2 },
				{ id: c.item_id, qty_ordered: '2.0000', qty: 99 },
			],
		};
		const result = await accept({}, [tolerant]);
		expect(result.status).toBe('success');
		expect(acceptCalls()[0].body).toMatchObject({
			order: { items: [a, b, c].map((item) => ({ item_id: item.item_id, qty: 2 })) },
		});
	});

	it.each([
		[
			{ order_id: 'FO-1', items: 42 },
			'Order Items must be a list of items, such as the items of an order from Get Many or the trigger (got 42) [item 0]',
		],
		[{ order_id: 'FO-1', items: [] }, 'Order Items is empty: there is no item to send [item 0]'],
		[
			{ order_id: 'FO-1', items: [{ sku: 'MUG', qty_ordered: 1 }] },
			'Order Items: line 1 has no item ID (item_id or id) [item 0]',
		],
		[
			{
				order_id: 'FO-1',
				items: [
					{ item_id: 7, qty_ordered: 1 },
					{ item_id: 8, sku: 'MUG' },
				],
			},
			'Order Items: item 8 has no ordered quantity (qty_ordered, qty, quantity) [item 0]',
		],
		[
			{ order_id: 'FO-1', items: [{ item_id: 'abc', qty_ordered: 1 }] },
			'Order Items: line 1 has an invalid item_id (got "abc"); item IDs are positive integers [item 0]',
		],
		[
			{ order_id: 'FO-1', items: [{ item_id: 7, qty_ordered: 1.5 }] },
			'Order Items: item 7 has an invalid qty_ordered (got 1.5); it must be a whole number of at least 1 [item 0]',
		],
	])(
		'fails clearly on an order without usable items (%j), sending nothing',
		async (input, message) => {
			const result = await accept({}, [input]);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(message);
			expect(requests(env)).toHaveLength(0);
		},
	);

	it.each([
		[
			[
				{ item_id: '55501', qty: 1 },
				{ item_id: '55501', qty: 0 },
			],
			'Items: item 55501 appears more than once',
		],
		[
			[{ item_id: '55501', qty: -1 }],
			'Items: item 55501 has an invalid qty (got -1); it must be a whole number of at least 0',
		],
		[
			[{ item_id: '12.5', qty: 1 }],
			'Items: line 1 has an invalid item_id (got "12.5"); item IDs are positive integers',
		],
		[[], 'Items is empty: there is no item to send'],
	])('validates per-item input (%j) before sending anything', async (lines, message) => {
		const [fo] = seed(env, 1);
		const result = await accept({ decision: 'perItem', items: { item: lines } }, [fo]);
		expect(result.error?.message).toBe(`${message} [item 0]`);
		expect(requests(env)).toHaveLength(0);
	});

	it('checks every input item before the first request, or skips only the bad ones under continueOnFail', async () => {
		const [good, other] = seed(env, 2);
		const bad = { ...other, items: [{ item_id: 'x' }] };
		const stopped = await accept({}, [good, bad]);
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toMatch(
			/^Order Items: line 1 has an invalid item_id .* \[item 1\]$/,
		);
		expect(requests(env)).toHaveLength(0);

		const continued = await accept({}, [good, bad], { continueOnFail: true });
		expect(continued.status).toBe('success');
		expect(paired(continued.items)).toEqual([0, 1]);
		expect(continued.items[0].json).toMatchObject({
			order_id: good.order_id,
			status: 'pending_allocation',
		});
		expect(continued.items[1].json.error).toMatch(/^Order Items: line 1 has an invalid item_id/);
		expect(acceptCalls()).toHaveLength(1);
	});

	it('names the missing ACL resource on a 403', async () => {
		const [fo] = seed(env, 1);
		const result = await accept({}, [fo], {
			credentials: credential(env, { accessToken: READONLY_TOKEN }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			"ShipperOne refused access (HTTP 403): The consumer isn't authorized to access Shipper_FulfillmentOrder::api_accept.",
		);
		expect(result.error?.description).toContain('Ask ShipperOne support to extend the token');
	});

	it('retries a 500 because accepting is idempotent', async () => {
		const [fo] = seed(env, 1);
		failAccept({ status: 500 });
		const result = await accept({}, [fo]);
		expect(result.status).toBe('success');
		expect(acceptCalls().map((r) => r.status)).toEqual([500, 200]);
	});

	it('explains a 500 that outlasts the retries', async () => {
		const [fo] = seed(env, 1);
		failAccept({ status: 500, count: 5 });
		const result = await accept({ options: { maxRetries: 1 } }, [fo]);
		expect(result.error?.message).toMatch(
			/^ShipperOne Accept: ShipperOne had a server error \(HTTP 500\): Internal Error\./,
		);
		expect(result.error?.message).toMatch(/the request may have been applied$/);
		expect(result.error?.description).toMatch(/safe to retry[\s\S]*Request ID: req_/);
		expect(acceptCalls()).toHaveLength(2);
	});

	it('explains an unknown order', async () => {
		const result = await accept({}, [
			{ order_id: 'FO-404', items: [{ item_id: 1, qty_ordered: 1 }] },
		]);
		expect(result.error?.message).toBe(
			'ShipperOne could not find the resource (HTTP 404): No such entity with order_id = FO-404',
		);
	});
});
