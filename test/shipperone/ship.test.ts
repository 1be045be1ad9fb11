import type { IDataObject } from 'n8n-workflow';
import { order, requests, seed, useShipperOne, vendor } from './helpers';

const DHL = { carrier_code: 'dhl', title: 'DHL Express', track_number: 'JD0123456789' };
const UPS = { carrier_code: 'ups', title: 'UPS Standard', track_number: '1Z999AA10123456784' };

describe('ShipperOne › Fulfillment Order › Ship', () => {
	const env = useShipperOne();
	const ship = (
		parameters: Record<string, unknown>,
		input: IDataObject[],
		continueOnFail = false,
	) =>
		env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: {
				resource: 'fulfillmentOrder',
				operation: 'ship',
				tracks: { track: [DHL] },
				...parameters,
			},
			input,
			continueOnFail,
		});
	const shipCalls = () => requests(env, '/fulfillmentOrder/ship');

	it('ships every item of the input order with two tracks', async () => {
		const [fo] = seed(env, 1, { queue: 'pending_shipment', items: 2 });
		const result = await ship({ tracks: { track: [DHL, UPS] } }, [fo]);
		expect(result.status).toBe('success');
		expect(shipCalls()[0].body).toEqual({
			shipment: {
				order_id: fo.order_id,
				items: fo.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered })),
				tracks: [DHL, UPS],
			},
		});
		expect(result.items[0].json).toMatchObject({
			order_id: fo.order_id,
			status: 'pending_invoice',
			tracks: [DHL, UPS],
		});
		expect(vendor(env).orders.queue('pending_shipment')).toHaveLength(0);
	});

	it('ships part of an order when partials are enabled, then the rest', async () => {
		const [fo] = seed(env, 1, { queue: 'pending_shipment', items: 2, qty: 3, partials: true });
		const [a, b] = fo.items;
		const first = await ship(
			{ itemsToShip: 'listed', items: { item: [{ item_id: a.item_id, qty: 2 }] } },
			[fo],
		);
		expect(first.items[0].json).toMatchObject({ status: 'partially_shipped' });
		expect(
			vendor(env)
				.orders.queue('pending_shipment')
				.map((o) => o.order_id),
		).toEqual([fo.order_id]);

		const rest = await ship(
			{
				itemsToShip: 'listed',
				itemsInput: 'json',
				itemsJson: [
					{ item_id: a.item_id, qty: 1 },
					{ item_id: b.item_id, qty: 3 },
				],
				tracks: { track: [UPS] },
			},
			[fo],
		);
		expect(rest.items[0].json).toMatchObject({ status: 'pending_invoice' });
	});

	it('explains the 400 for a partial shipment when partials are off', async () => {
		const [fo] = seed(env, 1, { queue: 'pending_shipment', items: 2 });
		const result = await ship(
			{ itemsToShip: 'listed', items: { item: [{ item_id: fo.items[0].item_id, qty: 1 }] } },
			[fo],
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('partial shipment is not enabled');
		expect(order(env, fo.order_id).status).toBe('pending_shipment');
	});

	it('treats re-sending the same shipment as a no-op', async () => {
		const [fo] = seed(env, 1, { queue: 'pending_shipment' });
		await ship({}, [fo]);
		const changes = env.sandbox.state.ledger.changes().length;
		const again = await ship({}, [fo]);
		expect(again.status).toBe('success');
		expect(again.items[0].json).toMatchObject({ status: 'pending_invoice', tracks: [DHL] });
		expect(env.sandbox.state.ledger.changes()).toHaveLength(changes);
	});

	it('sends additional shipment fields as given', async () => {
		const [fo] = seed(env, 1, { queue: 'pending_shipment' });
		await ship({ options: { additionalFields: '{"cod_amount": 25.5, "package_value": 120}' } }, [
			fo,
		]);
		expect(shipCalls()[0].body).toMatchObject({
			shipment: { cod_amount: 25.5, package_value: 120, order_id: fo.order_id },
		});
	});

	it.each([
		[
			{ tracks: { track: [] } },
			'Tracks needs at least one track (carrier code, title, track number)',
		],
		[{ tracks: {} }, 'Tracks needs at least one track (carrier code, title, track number)'],
		[
			{ tracks: { track: [DHL, { ...UPS, track_number: ' ' }] } },
			'Tracks: track 2 needs a Track Number',
		],
		[{ tracks: { track: [{ ...DHL, carrier_code: '' }] } }, 'Tracks: track 1 needs a Carrier Code'],
		[
			{ itemsToShip: 'listed', items: { item: [{ item_id: '55501', qty: 0 }] } },
			'Items: item 55501 has an invalid qty (got 0); it must be a whole number of at least 1',
		],
		[
			{ options: { additionalFields: '{"items": []}' } },
			"Additional Shipment Fields cannot set items: use the node's own fields",
		],
		[{ options: { additionalFields: '{oops' } }, 'Additional Shipment Fields is not valid JSON'],
		[{ orderId: '={{ $json.missing }}' }, 'Order ID is required (got nothing)'],
	])('refuses bad input (%j) before sending anything', async (parameters, message) => {
		const [fo] = seed(env, 1, { queue: 'pending_shipment' });
		const result = await ship(parameters, [fo]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(requests(env)).toHaveLength(0);
	});

	it('outputs the error item under continueOnFail', async () => {
		const [fo] = seed(env, 1, { queue: 'pending_accept' });
		const result = await ship({}, [fo], true);
		expect(result.status).toBe('success');
		expect(result.items[0].json.error).toContain(
			`Item ${fo.items[0].item_id} is not ready to ship (status pending_accept)`,
		);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});
