// examples/skuio-trigger-bulk-void.json:
// SKU.io Trigger (new manual fulfillments) → Only Open Ones (filter) → Bulk Void (IDs of all emitted
// items, one request per 30; Preview Only in manual runs).
const VENDOR = 'skuio';
const REASON = 'Manual shipments are booked in the warehouse app';

const ids = (items) => items.map((item) => item.id);

async function fulfillment(sandbox, id) {
	return (await sandbox.vendorControl(VENDOR, 'GET', `/fulfillments/${id}`)).fulfillment;
}

export default {
	trigger: 'New Manual Fulfillment',

	async prepare({ sandbox }) {
		await sandbox.reset(VENDOR);
		const { fulfillments: manual } = await sandbox.seed(VENDOR, {
			count: 2,
			fulfillmentType: 'manual',
		});
		const { fulfillments: others } = await sandbox.seed(VENDOR, {
			count: 2,
			fulfillmentType: 'shipstation',
		});
		return { manualIds: ids(manual), otherIds: ids(others) };
	},

	// A manual run previews the void (Preview Only is on for manual runs): its sample is whatever
	// manual fulfillment is newest, never something made for it, so it must void nothing.
	readOnly: true,
	touches: () => [],

	/** Every rerun previews again, sending nothing that changes state. */
	async verifyRerun({ sandbox, ledgerSince, expect }) {
		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
	},

	async verify({ execution, sandbox, ledgerSince, prepared, expect }) {
		// Manual mode: the trigger returns the newest manual fulfillment as a sample and remembers nothing.
		const sample = execution.output('New Manual Fulfillment');
		expect(ids(sample)).toEqual([prepared.manualIds[1]]);
		expect(sample[0]).toMatchObject({ fulfillment_type: 'manual' });
		expect(execution.output('Only Open Ones')).toEqual(sample);

		// The exact request the published workflow would send, and nothing sent.
		const [preview] = execution.output('Bulk Void');
		expect(execution.output('Bulk Void')).toHaveLength(1);
		expect(preview).toMatchObject({
			preview: true,
			sent: false,
			request: {
				method: 'DELETE',
				path: '/api/sales-order-fulfillments',
				body: { ids: [prepared.manualIds[1]], force: false, void_reason: REASON },
			},
		});
		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
		for (const id of [...prepared.manualIds, ...prepared.otherIds])
			expect((await fulfillment(sandbox, id)).voided_at).toBeNull();
	},

	active: {
		vendor: VENDOR,
		key: (json) => String(json.id),

		async prepare({ sandbox }) {
			await sandbox.reset(VENDOR);
			// There before activation: the trigger must not emit (nor the flow void) these.
			const { fulfillments } = await sandbox.seed(VENDOR, { count: 2, fulfillmentType: 'manual' });
			return { before: ids(fulfillments) };
		},

		async addItems({ sandbox }) {
			const { fulfillments } = await sandbox.seed(VENDOR, { count: 2, fulfillmentType: 'manual' });
			await sandbox.seed(VENDOR, { count: 1, fulfillmentType: 'shiphero' });
			return ids(fulfillments).map(String);
		},

		async verify({ sandbox, prepared, rounds, ledgerSince, expect }) {
			const emitted = rounds.flat().map(Number);
			const changes = await sandbox.ledger({ vendor: VENDOR, type: 'change', since: ledgerSince });
			const voided = changes
				.filter((change) => change.to === 'canceled')
				.map((change) => Number(change.id));
			// Each new manual fulfillment was voided exactly once; nothing else was.
			expect(voided.sort()).toEqual([...emitted].sort());
			// Published, Preview Only is off: the DELETE carried its JSON body through n8n's HTTP helper.
			const requests = await sandbox.ledger({
				vendor: VENDOR,
				type: 'request',
				since: ledgerSince,
			});
			const voids = requests.filter((request) => request.method === 'DELETE');
			expect(voids.length).toBeGreaterThan(0);
			for (const request of voids)
				expect(request).toMatchObject({
					path: '/skuio/api/sales-order-fulfillments',
					status: 200,
					body: { force: false, void_reason: REASON },
				});
			for (const id of prepared.before)
				expect((await fulfillment(sandbox, id)).voided_at).toBeNull();
		},
	},
};
