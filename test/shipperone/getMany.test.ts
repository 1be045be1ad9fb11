import { getGlobalState, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { credential, orderIds, paired, requests, seed, useShipperOne, vendor } from './helpers';
import { listParams } from '../support/params';

describe('ShipperOne › Fulfillment Order › Get Many', () => {
	const env = useShipperOne();
	const getMany = (
		parameters: INodeParameters,
		options: { input?: IDataObject[]; continueOnFail?: boolean } = {},
	) =>
		env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: listParams.shipperOne(parameters),
			...options,
		});
	const pages = (path: string) => requests(env, path).map((r) => r.query.page);

	it.each(['pending_accept', 'pending_shipment', 'failed'] as const)(
		'returns all of the %s queue over several pages of 100, stopping at the short last page',
		async (queue) => {
			const seeded = seed(env, 250, { queue });
			seed(env, 5, { queue: queue === 'failed' ? 'pending_accept' : 'failed' });
			const result = await getMany({ queue, returnAll: true });
			expect(result.status).toBe('success');
			expect(orderIds(result.items)).toEqual(seeded.map((o) => o.order_id));
			expect(pages(`/V1/fulfillmentOrders/${queue}`)).toEqual(['1', '2', '3']);
			expect(requests(env)[0].path).toBe(`/shipperone/rest/default/V1/fulfillmentOrders/${queue}`);
		},
	);

	it('stops at the empty page when the queue ends exactly on a page boundary', async () => {
		seed(env, 200);
		const result = await getMany({ returnAll: true });
		expect(result.items).toHaveLength(200);
		expect(pages('/pending_accept')).toEqual(['1', '2', '3']);
	});

	it('returns up to the limit from the first page, one item per order, paired to the input', async () => {
		const seeded = seed(env, 130);
		const result = await getMany({ returnAll: false, limit: 7 });
		expect(orderIds(result.items)).toEqual(seeded.slice(0, 7).map((o) => o.order_id));
		expect(paired(result.items)).toEqual(Array(7).fill(0));
		expect(result.items[0].json).toMatchObject({
			status: 'pending_accept',
			items: expect.any(Array),
		});
		expect(pages('/pending_accept')).toEqual(['1']);
	});

	it('runs once per input item', async () => {
		seed(env, 2);
		const result = await getMany({ returnAll: true }, { input: [{}, {}] });
		expect(paired(result.items)).toEqual([0, 0, 1, 1]);
	});

	it('sends Updated Since as date=yyyy-mm-dd hh:mm:ss in UTC, reading a zone-less date in the workflow time zone', async () => {
		vendor(env).seed({ count: 2, updatedAt: '2026-05-20 07:00:00' });
		const recent = seed(env, 3, { updatedAt: '2026-05-20 08:00:00' });
		// The harness workflow has no time zone setting, so n8n's default applies: America/New_York (UTC-4 in May).
		expect(getGlobalState().defaultTimezone).toBe('America/New_York');
		const local = '2026-05-20T04:00:00';
		const result = await getMany({ returnAll: true, filters: { updatedSince: local } });
		expect(orderIds(result.items)).toEqual(recent.map((o) => o.order_id));
		expect(requests(env)[0].query).toEqual({ page: '1', date: '2026-05-20 08:00:00' });
	});

	it('honours an explicit offset and the Date Filter Time Zone option', async () => {
		await getMany({
			returnAll: true,
			filters: { updatedSince: '2026-05-20T10:30:15+02:00' },
			options: { dateFilterTimeZone: 'America/New_York' },
		});
		expect(requests(env)[0].query.date).toBe('2026-05-20 04:30:15');
	});

	it('refuses an unreadable date or time zone before sending anything', async () => {
		const badDate = await getMany({ returnAll: true, filters: { updatedSince: 'yesterday-ish' } });
		expect(badDate.status).toBe('error');
		expect(badDate.error?.message).toBe(
			'Updated Since must be a date and time such as 2026-05-20T09:14:00 (got "yesterday-ish") [item 0]',
		);
		const badZone = await getMany({
			returnAll: true,
			options: { dateFilterTimeZone: 'Mars/Olympus' },
		});
		expect(badZone.error?.message).toMatch(/^Date Filter Time Zone must be a time zone name/);
		expect(requests(env)).toHaveLength(0);

		const continued = await getMany(
			{ returnAll: true, filters: { updatedSince: 'nope' } },
			{ continueOnFail: true },
		);
		expect(continued.status).toBe('success');
		expect(continued.items[0].json.error).toMatch(/^Updated Since must be a date/);
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('encodes the store code as one path segment', async () => {
		const result = await getMany({ returnAll: true }, {});
		expect(result.status).toBe('success');
		const odd = await env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: listParams.shipperOne({ queue: 'failed', returnAll: true }),
			credentials: credential(env, { storeCode: '../admin?x=1' }),
		});
		expect(odd.status).toBe('error');
		expect(requests(env).pop()?.path).toBe(
			'/shipperone/rest/..%2Fadmin%3Fx%3D1/V1/fulfillmentOrders/failed',
		);
		expect(odd.error?.message).toContain('ShipperOne could not find the resource (HTTP 404)');
		expect(odd.error?.description).toContain('Store Code');
	});
});
