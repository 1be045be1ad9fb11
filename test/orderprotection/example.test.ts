import type { IDataObject, INode } from 'n8n-workflow';
import example from '../../examples/orderprotection-fulfill-and-update.json';
import { seedOrder, tokenRequests, useOrderProtection } from './helpers';

function setValues(node: INode): IDataObject {
	const { assignments } = node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> };
	return Object.fromEntries(assignments.map(({ name, value }) => [name, value])) as IDataObject;
}

const byName = (name: string) => example.nodes.find((node) => node.name === name) as unknown as INode;

describe('examples/orderprotection-fulfill-and-update.json (its OrderProtection nodes, in-process)', () => {
	const env = useOrderProtection();

	it('creates the fulfillment with tracking, moves it to In Transit and lists it', async () => {
		expect(seedOrder(env).sourceOrderId).toBe(setValues(byName('Shipment')).orderId);
		let input = [{ json: setValues(byName('Shipment')) }];
		for (const name of ['Create Fulfillment', 'Mark In Transit', 'Get Order Fulfillments']) {
			const result = await env.harness.runNode({ nodeType: 'orderProtection', parameters: byName(name).parameters, input });
			expect({ name, status: result.status, error: result.error?.message }).toEqual({ name, status: 'success', error: undefined });
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
