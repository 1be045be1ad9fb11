import { createDispatcher, type Incoming } from '../../sandbox/core/dispatch';
import { json } from '../../sandbox/core/response';
import { createState } from '../../sandbox/core/state';
import type { VendorFactory } from '../../sandbox/core/vendor';
import { vendorFactories } from '../../sandbox/vendors/registry';

// Adding a vendor to the sandbox is its module plus one registry line: the core knows no names.
const echo: VendorFactory = () => ({
	name: 'echo',
	title: 'Echo',
	credentials: [{ label: 'demo', values: { token: 'e' } }],
	registerRoutes: (router) => router.get('/ping', () => json(200, { pong: true })),
	registerControlRoutes: () => undefined,
	renderError: (error) => json(error.status, { error: error.message ?? error.reason }),
	reset: () => undefined,
	seed: () => ({}),
	seedDemo: () => ({}),
});

const state = createState({ ...vendorFactories, echo });
const dispatch = createDispatcher({
	state,
	statusText: () => 'Status',
	sleep: async () => undefined,
});
const get = async (url: string) => {
	const incoming: Incoming = {
		method: 'GET',
		url,
		headers: { host: 'sandbox' },
		body: Buffer.alloc(0),
	};
	const outcome = await dispatch(incoming);
	if (outcome.kind !== 'respond') throw new Error('dropped');
	return { status: outcome.response.status, body: JSON.parse(String(outcome.response.body)) };
};

describe('sandbox registry', () => {
	it('serves, lists and accepts faults for a vendor that is only in the registry', async () => {
		expect(state.vendorNames()).toEqual([...Object.keys(vendorFactories), 'echo']);
		expect(await get('/echo/ping')).toEqual({ status: 200, body: { pong: true } });
		const overview = await get('/_control');
		expect(overview.body.vendors.map((vendor: { name: string }) => vendor.name)).toContain('echo');
		state.faults.add({ vendor: 'echo', status: 503 });
		expect((await get('/echo/ping')).status).toBe(503);
	});

	it('refuses faults and seeds for a vendor that is not registered', () => {
		expect(() => state.faults.add({ vendor: 'nope' })).toThrow(
			/vendor must be one of sellfern, .*echo/,
		);
		expect(() => state.seed('nope')).toThrow('No vendor "nope" in this sandbox');
	});
});
