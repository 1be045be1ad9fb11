import type { INodeProperties, INodeType } from 'n8n-workflow';
import { demoCredential, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';
import { packNodeTypes } from '../support/pack';
import { fulfillment } from '../support/params';

const skuIoType = () =>
	packNodeTypes().find((type) => type.description.name === 'skuIo') as INodeType;

/** The Filters collections of an operation, by the node versions they are shown for. */
function filtersOf(operation: string): { v1: INodeProperties; latest: INodeProperties } {
	const collections = skuIoType().description.properties.filter(
		(property) =>
			property.name === 'filters' && property.displayOptions?.show?.operation?.includes(operation),
	);
	const byVersion = (v1: boolean) =>
		collections.find(
			(property) =>
				JSON.stringify(property.displayOptions?.show?.['@version']) ===
				(v1 ? '[1]' : '[{"_cnd":{"gte":1.1}}]'),
		);
	return { v1: byVersion(true)!, latest: byVersion(false)! };
}

const field = (collection: INodeProperties, name: string) =>
	(collection.options as INodeProperties[]).find((option) => option.name === name)!;

describe('SKU.io › Status and Fulfillment Type dropdowns', () => {
	const env = useTestEnv((sandbox) => ({ skuIoApi: demoCredential(sandbox, 'skuio') }));

	it.each(['getAll', 'bulkVoid', 'export'])(
		'%s: dropdowns from version 1.1, text fields in version 1',
		(operation) => {
			const { v1, latest } = filtersOf(operation);
			expect(field(v1, 'status').type).toBe('string');
			expect(field(v1, 'fulfillmentType').type).toBe('string');
			expect(field(latest, 'status')).toMatchObject({ type: 'options' });
			expect(
				(field(latest, 'status').options as Array<{ value: string }>)
					.map((option) => option.value)
					.sort(),
			).toEqual(['canceled', 'fulfilled', 'submitted', 'unsubmitted']);
			expect(
				(field(latest, 'fulfillmentType').options as Array<{ value: string }>)
					.map((option) => option.value)
					.sort(),
			).toEqual([
				'fba',
				'manual',
				'shipfusion',
				'shiphero',
				'shipstation',
				'starshipit',
				'trackstar',
				'veracore',
			]);
			// Options fields take expressions unless a property forbids it.
			expect(field(latest, 'status').noDataExpression).toBeUndefined();
		},
	);

	it('sends the picked values as filter[status] and filter[fulfillment_type]; an expression may send another', async () => {
		const run = (filters: Record<string, string>) =>
			env.harness.runNode({
				nodeType: 'skuIo',
				parameters: fulfillment('getAll', { returnAll: false, limit: 5, filters }),
			});
		expect((await run({ status: 'fulfilled', fulfillmentType: 'shiphero' })).status).toBe(
			'success',
		);
		expect((await run({ status: '={{ "on_hold" }}' })).status).toBe('success');
		expect(vendorRequests(env, 'skuio').map((request) => request.query)).toEqual([
			{
				'filter[status]': 'fulfilled',
				'filter[fulfillment_type]': 'shiphero',
				page: '1',
				per_page: '5',
			},
			{ 'filter[status]': 'on_hold', page: '1', per_page: '5' },
		]);
	});
});
