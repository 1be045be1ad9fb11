import { sleep, type IExecuteFunctions } from 'n8n-workflow';
import { sendRequest } from '../../nodes/shared/transport';
import type { VendorApi } from '../../nodes/shared/types';

const vendor: VendorApi = {
	displayName: 'Vendor',
	credentialType: 'vendorApi',
	baseUrl: () => 'http://127.0.0.1:9',
	secretFields: [],
	parseError: () => ({}),
};

describe('sendRequest while the execution is stopped', () => {
	it('ends a long Retry-After wait at once instead of sleeping it out', async () => {
		const controller = new AbortController();
		let calls = 0;
		const ctx = {
			getCredentials: async () => ({}),
			getNode: () => ({
				name: 'Vendor',
				type: 'vendor',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}),
			getInputData: () => [{ json: {} }],
			getNodeParameter: (_name: string, _i: number, fallback: unknown) => fallback,
			getExecutionCancelSignal: () => controller.signal,
			helpers: {
				httpRequestWithAuthentication: async () => {
					calls++;
					throw Object.assign(new Error('Service unavailable'), {
						response: { status: 503, headers: { 'retry-after': '60' }, data: {} },
					});
				},
			},
		} as unknown as IExecuteFunctions;

		const request = sendRequest(ctx, vendor, { method: 'GET', path: '/x' });
		void sleep(50).then(() => controller.abort(new Error('Execution was stopped')));
		await expect(request).rejects.toThrow('Execution was stopped');
		// Without the stop the request would wait out the 60 s Retry-After and retry (calls 2), and this
		// test would pass its 30 s time limit: no wall-clock comparison needed.
		expect(calls).toBe(1);
	}, 30_000);
});
