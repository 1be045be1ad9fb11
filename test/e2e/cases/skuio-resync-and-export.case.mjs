// examples/skuio-resync-and-export.json:
// Run Manually → Get Submitted ShipStation Fulfillments (Get Many, filters + a filter group)
// → Resync From Provider → Export CSV (selected IDs of all items, one file).
const VENDOR = 'skuio';

const ids = (items) => items.map((item) => item.id);

/** The exported file's bytes: from n8n's binary data store, or inline when n8n keeps binaries in memory. */
async function exportedFile(execution, client) {
	const binary = execution.data.resultData.runData['Export CSV'][0].data.main[0][0].binary.data;
	if (!binary.id) return { binary, text: Buffer.from(binary.data, 'base64').toString('utf8') };
	const response = await fetch(
		`${client.url}/rest/binary-data?id=${encodeURIComponent(binary.id)}&action=download`,
		{
			headers: { cookie: client.cookie },
		},
	);
	if (!response.ok) throw new Error(`n8n GET /rest/binary-data → ${response.status}`);
	return { binary, text: await response.text() };
}

export default {
	async prepare({ sandbox }) {
		await sandbox.reset(VENDOR);
		// Shipped at ShipStation but not yet in SKU.io: the flow must pull that in.
		const { fulfillments: shipped } = await sandbox.seed(VENDOR, {
			count: 3,
			fulfillmentType: 'shipstation',
			status: 'submitted',
			providerShipped: true,
		});
		// Left out by the filter group (tracking does not contain "1Z"), by the type filter, by the status filter.
		const { fulfillments: relabelled } = await sandbox.seed(VENDOR, {
			count: 1,
			fulfillmentType: 'shipstation',
			status: 'submitted',
			trackingNumber: 'MANUAL-1',
		});
		const { fulfillments: fba } = await sandbox.seed(VENDOR, {
			count: 2,
			fulfillmentType: 'fba',
			status: 'submitted',
		});
		const { fulfillments: open } = await sandbox.seed(VENDOR, {
			count: 1,
			fulfillmentType: 'shipstation',
			status: 'unsubmitted',
		});
		return { shippedIds: ids(shipped), otherIds: ids([...relabelled, ...fba, ...open]) };
	},

	/** The run may write only the fulfillments its filters selected (and record the provider action on them). */
	touches: ({ prepared }) =>
		prepared.shippedIds.flatMap((id) => [
			`${VENDOR}:fulfillment:${id}`,
			`${VENDOR}:provider_order:${id}`,
		]),

	async verify({ execution, sandbox, client, ledgerSince, prepared, expect }) {
		const listed = execution.output('Get Submitted ShipStation Fulfillments');
		expect(ids(listed)).toEqual(prepared.shippedIds);
		expect(
			listed.every((f) => f.status === 'submitted' && f.fulfillment_type === 'shipstation'),
		).toBe(true);

		const resynced = execution.output('Resync From Provider');
		expect(resynced.map((f) => [f.id, f.status, f.tracking_number])).toEqual(
			prepared.shippedIds.map((id) => [id, 'fulfilled', `PRV${id}`]),
		);

		const exported = execution.output('Export CSV');
		expect(exported).toHaveLength(1);
		expect(exported[0]).toMatchObject({
			format: 'csv',
			content_mode: 'summary',
			scope: 'selected',
			file_name: expect.stringMatching(/\.csv$/),
		});
		const { binary, text } = await exportedFile(execution, client);
		expect(binary).toMatchObject({ mimeType: 'text/csv', fileName: exported[0].file_name });
		const rows = text
			.trim()
			.split(/\r?\n/)
			.map((line) => line.split(','));
		expect(rows).toEqual([
			['ID', 'Fulfillment #', 'Status', 'Tracking #'],
			...resynced.map((f) => [String(f.id), f.fulfillment_number, 'fulfilled', `PRV${f.id}`]),
		]);

		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		expect(
			requests.map((r) => `${r.method} ${r.path.replace(/\/\d+\//, '/{id}/')} ${r.status}`),
		).toEqual([
			'GET /skuio/api/v2/sales-order-fulfillments 200',
			...prepared.shippedIds.map(
				() => 'POST /skuio/api/v2/sales-order-fulfillments/{id}/resync-from-provider 200',
			),
			'GET /skuio/api/v2/sales-order-fulfillments/export 200',
		]);
		// The filter group reached SKU.io in the documented bracket form, through real n8n.
		expect(requests[0].query).toEqual({
			'filter[status]': 'submitted',
			'filter[fulfillment_type]': 'shipstation',
			'filter_groups[conjunction]': 'and',
			'filter_groups[children][0][type]': 'condition',
			'filter_groups[children][0][condition][column]': 'tracking_number',
			'filter_groups[children][0][condition][operator]': 'contains',
			'filter_groups[children][0][condition][value]': '1Z',
			sort: 'id',
			page: '1',
			per_page: '100',
		});
		expect(requests.at(-1).query).toEqual({
			format: 'csv',
			content_mode: 'summary',
			scope: 'selected',
			columns: 'id,fulfillment_number,status,tracking_number',
			ids: prepared.shippedIds.join(','),
		});

		const changes = await sandbox.ledger({ vendor: VENDOR, type: 'change', since: ledgerSince });
		const statusChanges = changes.filter((change) => change.entity === 'fulfillment');
		expect(statusChanges.map((change) => [Number(change.id), change.from, change.to])).toEqual(
			prepared.shippedIds.map((id) => [id, 'submitted', 'fulfilled']),
		);
		for (const id of prepared.otherIds)
			expect(changes.some((change) => Number(change.id) === id)).toBe(false);
	},
};
