import example from '../../examples/orderprotection-fulfill-and-update.json';
import { exampleNode, setNodeValues } from '../support/examples';
import { seedOrder, tokenRequests, useOrderProtection } from './helpers';

const byName = (name: string) => exampleNode(example, name);

describe('examples/orderprotection-fulfill-and-update.json (its OrderProtection nodes, in-process)', () => {
	const env = useOrderProtection();

	it('creates the fulfillment with tracking, moves it to In Transit and lists it', async () => {
		expect(seedOrder(env).sourceOrderId).toBe(setNodeValues(byName('Shipment')).orderId);
		let input = [{ json: setNodeValues(byName('Shipment')) }];
		for (const name of ['Create Fulfillment', 'Mark In Transit', 'Get Order Fulfillments']) {
			const result = await env.harness.runNode({
				nodeType: 'orderProtection',
				parameters: byName(name).parameters,
				input,
			});
			expect({ name, status: result.status, error: result.error?.message }).toEqual({
				name,
				status: 'success',
				error: undefined,
			});
			input = result.items.map((item) => ({ json: item.json }));
		}
		expect(input.map((item) => item.json)).toEqual([
			expect.objectContaining({
				sourceFulfillmentId: 'shipment-5001-1',
				fulfillmentStatus: 'IN_TRANSIT',
				trackingCompany: 'FedEx',
				trackingNumber: ['AB0303456'],
				trackingUrl: ['https://www.fedex.com/fedextrack/?trknbr=AB0303456'],
			}),
		]);
		expect(tokenRequests(env)).toHaveLength(1);
	});
});
