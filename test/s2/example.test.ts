import example from '../../examples/s2-fulfill-and-track.json';
import { EXAMPLE_ORDER_ID } from '../../sandbox/vendors/s2/seed';
import { exampleNode, setNodeValues } from '../support/examples';
import { logins, s2, useS2 } from './helpers';

const byName = (name: string) => exampleNode(example, name);

describe('examples/s2-fulfill-and-track.json (its S2 nodes, in-process)', () => {
	const env = useS2();

	it('creates the fulfillment, twice without a duplicate, and reads the tracking of the shipped order', async () => {
		s2(env).seed({ orders: 1, orderId: EXAMPLE_ORDER_ID });
		s2(env).store.autoShip = true;
		const run = async () => {
			const created = await env.harness.runNode({
				nodeType: 's2',
				parameters: byName('Create Fulfillment').parameters,
				input: [setNodeValues(byName('Order to Fulfill'))],
			});
			expect(created.status).toBe('success');
			const order = await env.harness.runNode({
				nodeType: 's2',
				parameters: byName('Get Order Tracking').parameters,
				input: created.items,
			});
			expect(order.status).toBe('success');
			return { created: created.items[0].json, order: order.items[0].json };
		};

		const first = await run();
		expect(first.created).toMatchObject({
			status: 'CREATED',
			orderId: EXAMPLE_ORDER_ID,
			channelFulfillmentId: 'shop-order-1001-f1',
		});
		const [shipped] = s2(env).store.allFulfillments();
		const tracking = (shipped.shipments as Array<{ trackingNumber: string }>).map(
			(shipment) => shipment.trackingNumber,
		);
		expect(first.order).toMatchObject({ id: EXAMPLE_ORDER_ID, trackingNumbers: tracking });

		// Run again (a retried flow): Return Existing hands back the same fulfillment, nothing new is made.
		const second = await run();
		expect(second.created).toMatchObject({
			id: first.created.id,
			alreadyExists: true,
			status: 'SHIPPED',
		});
		expect(s2(env).store.allFulfillments()).toHaveLength(1);
		expect(logins(env)).toHaveLength(1);
	});
});
