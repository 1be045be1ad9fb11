// The benchmark rows of issue 11: each the same work done by the pack, by the HTTP Request node as a
// user would build it, and by a raw fetch loop (the limit). A variant returns one measurement:
// { ms, executionMs?, wallMs?, requests, items, memory? }.
import { setTimeout as sleep } from 'node:timers/promises';
import { chain, transient } from './harness.mjs';

const HTTP = { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 };

async function fetchJson(url, init) {
	const response =
		init?.method === undefined || init.method === 'GET'
			? await transient(() => fetch(url, init))
			: await fetch(url, init);
	const body = await response.json();
	if (!response.ok)
		throw new Error(
			`${init?.method ?? 'GET'} ${url} → ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
		);
	return body;
}

/** How many connections the requests came over (the bench server records it; the sandbox does not). */
function connectionsOf(requests) {
	if (requests.length === 0 || requests[0].conn === undefined) return {};
	return { connections: new Set(requests.map((entry) => entry.conn)).size };
}

/** Helpers every row uses: node type names, credentials, the HTTP Request credentials. */
export async function rowContext(bench) {
	const pack = bench.packageName;
	const ref = (type) => {
		const credential = bench.credential(type);
		return { [type]: { id: credential.id, name: credential.name } };
	};
	const sellfern = bench.credential('sellfernApi');
	const shipperOne = bench.credential('shipperOneApi');
	const skuIo = bench.credential('skuIoApi');
	return {
		type: (node) => `${pack}.${node}`,
		ref,
		sellfern: { base: sellfern.baseUrl, token: sellfern.data.apiToken },
		shipperOne: {
			base: shipperOne.baseUrl,
			token: shipperOne.data.accessToken,
			store: shipperOne.data.storeCode,
		},
		skuIo: { base: skuIo.baseUrl, token: skuIo.data.accessToken },
		http: {
			sellfern: await bench.httpHeaderCredential(
				'Bench Sellfern header',
				'Authorization',
				`Bearer ${sellfern.data.apiToken}`,
			),
			shipperOne: await bench.httpHeaderCredential(
				'Bench ShipperOne header',
				'Authorization',
				`Bearer ${shipperOne.data.accessToken}`,
			),
			skuIo: await bench.httpHeaderCredential(
				'Bench SKU.io header',
				'Authorization',
				`Bearer ${skuIo.data.accessToken}`,
			),
		},
	};
}

const headerAuth = (credential) => ({
	parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' },
	credentials: { httpHeaderAuth: credential },
});

async function seedSellfern(bench, count) {
	await bench.sandbox.reset('sellfern');
	for (let done = 0; done < count; done += 10_000)
		await bench.sandbox.seed('sellfern', { count: Math.min(10_000, count - done), status: 'New' });
}

/** Sellfern Assign Supplier over `count` queued orders read by the pack's Get Many. */
export async function assignRow(bench, ctx, count) {
	const getNew = {
		name: 'Get New Orders',
		type: ctx.type('sellfern'),
		typeVersion: 1,
		parameters: {
			resource: 'fulfillmentQueue',
			operation: 'getAll',
			status: 'New',
			returnAll: true,
			filters: {},
			options: {},
		},
		credentials: ctx.ref('sellfernApi'),
	};
	const packId = await bench.save(
		chain('Bench: Sellfern assign (pack)', [
			getNew,
			{
				name: 'Assign',
				type: ctx.type('sellfern'),
				typeVersion: 1,
				parameters: {
					resource: 'fulfillment',
					operation: 'assignSupplier',
					orderIds: '={{ $json.order_id }}',
					supplierId: 'sup_789',
					dryRun: false,
					options: { batchSize: 100 },
				},
				credentials: ctx.ref('sellfernApi'),
			},
		]),
	);
	const auth = headerAuth(ctx.http.sellfern);
	const httpId = await bench.save(
		chain('Bench: Sellfern assign (HTTP Request)', [
			getNew,
			{
				name: 'Assign',
				...HTTP,
				parameters: {
					method: 'POST',
					url: `${ctx.sellfern.base}/api/v2/fulfillment/assign`,
					...auth.parameters,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ order_ids: [$json.order_id], supplier_id: "sup_789" }) }}',
					options: {},
				},
				credentials: auth.credentials,
			},
		]),
	);
	const viaN8n = (id, check) => async () => {
		await seedSellfern(bench, count);
		const since = await bench.sandbox.ledgerMark();
		const run = await bench.run(id, { measure: 'Assign' });
		const requests = await bench.requests('sellfern', since, /\/assign$/);
		await check(run);
		return {
			ms: run.nodeMs,
			executionMs: run.executionMs,
			wallMs: run.wallMs,
			requests: requests.length,
			...connectionsOf(requests),
			items: run.items,
		};
	};
	const assignedAll = async () => {
		const { orders } = await bench.sandbox.vendorControl('sellfern', 'GET', '/orders');
		const assigned = orders.filter(
			(order) => order.supplierId === 'sup_789' || order.supplier_id === 'sup_789',
		).length;
		if (assigned !== count) throw new Error(`assign: ${assigned} of ${count} orders assigned`);
	};
	return {
		title: `Sellfern: assign ${count.toLocaleString('en')} queued orders`,
		variants: {
			pack: viaN8n(packId, async (run) => {
				if (run.items !== count)
					throw new Error(`pack assign output ${run.items} items, expected ${count}`);
				await assignedAll();
			}),
			http: viaN8n(httpId, async (run) => {
				if (run.items !== count)
					throw new Error(`HTTP assign output ${run.items} items, expected ${count}`);
				await assignedAll();
			}),
			raw: async () => {
				await seedSellfern(bench, count);
				const ids = (await bench.sandbox.vendorControl('sellfern', 'GET', '/orders')).orders.map(
					(o) => o.orderId ?? o.order_id,
				);
				const started = performance.now();
				let requests = 0;
				for (let i = 0; i < ids.length; i += 100) {
					await fetchJson(`${ctx.sellfern.base}/api/v2/fulfillment/assign`, {
						method: 'POST',
						headers: {
							authorization: `Bearer ${ctx.sellfern.token}`,
							'content-type': 'application/json',
						},
						body: JSON.stringify({ order_ids: ids.slice(i, i + 100), supplier_id: 'sup_789' }),
					});
					requests++;
				}
				const ms = performance.now() - started;
				await assignedAll();
				return { ms, requests, items: count };
			},
		},
	};
}

/** Sellfern Get Many (Return All) over a queue of `count` New orders. */
export async function drainRow(bench, ctx, count) {
	const packId = await bench.save(
		chain('Bench: Sellfern drain (pack)', [
			{
				name: 'Get Many',
				type: ctx.type('sellfern'),
				typeVersion: 1,
				parameters: {
					resource: 'fulfillmentQueue',
					operation: 'getAll',
					status: 'New',
					returnAll: true,
					filters: {},
					options: {},
				},
				credentials: ctx.ref('sellfernApi'),
			},
		]),
	);
	const paged = (extra) => ({
		name: 'Get Many',
		...HTTP,
		parameters: {
			method: 'GET',
			url: `${ctx.sellfern.base}/api/v2/fulfillment/queue`,
			...extra.parameters,
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'status', value: 'New' },
					{ name: 'page_size', value: '100' },
				],
			},
			options: {
				pagination: {
					pagination: {
						parameters: {
							parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
						},
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.data.items.length === 0 }}',
						limitPagesFetched: false,
					},
				},
			},
		},
		...(extra.credentials && { credentials: extra.credentials }),
	});
	const headerId = await bench.save(
		chain('Bench: Sellfern drain (HTTP Request, header)', [
			paged({
				parameters: {
					sendHeaders: true,
					headerParameters: {
						parameters: [{ name: 'Authorization', value: `Bearer ${ctx.sellfern.token}` }],
					},
				},
			}),
		]),
	);
	const credentialId = await bench.save(
		chain('Bench: Sellfern drain (HTTP Request, credential)', [
			paged(headerAuth(ctx.http.sellfern)),
		]),
	);
	const viaN8n = (id, itemsOf) => async () => {
		const since = await bench.sandbox.ledgerMark();
		const run = await bench.run(id, { measure: 'Get Many' });
		const requests = await bench.requests('sellfern', since, /\/queue$/);
		const items = itemsOf(run);
		if (items !== count) throw new Error(`drain read ${items} orders, expected ${count}`);
		return {
			ms: run.nodeMs,
			executionMs: run.executionMs,
			wallMs: run.wallMs,
			requests: requests.length,
			...connectionsOf(requests),
			items,
		};
	};
	const pageItems = (run) =>
		run.output.reduce((sum, item) => sum + (item.json.data?.items?.length ?? 0), 0);
	return {
		title: `Sellfern: drain a ${count.toLocaleString('en')}-order queue`,
		setup: () => seedSellfern(bench, count),
		variants: {
			pack: viaN8n(packId, (run) => run.items),
			http: viaN8n(headerId, pageItems),
			httpCredential: viaN8n(credentialId, pageItems),
			raw: async () => {
				const started = performance.now();
				let requests = 0;
				let items = 0;
				for (let page = 1; ; page++) {
					const body = await fetchJson(
						`${ctx.sellfern.base}/api/v2/fulfillment/queue?status=New&page_size=100&page=${page}`,
						{
							headers: { authorization: `Bearer ${ctx.sellfern.token}` },
						},
					);
					requests++;
					items += body.data.items.length;
					if (items >= body.data.total || body.data.items.length === 0) break;
				}
				return { ms: performance.now() - started, requests, items };
			},
		},
	};
}

/** ShipperOne Accept (all items) of `count` orders read from pending_accept by the pack's Get Many. */
export async function acceptRow(bench, ctx, count) {
	const queue = {
		name: 'Pending Accept',
		type: ctx.type('shipperOne'),
		typeVersion: 1,
		parameters: {
			resource: 'fulfillmentOrder',
			operation: 'getAll',
			queue: 'pending_accept',
			returnAll: true,
			filters: {},
			options: {},
		},
		credentials: ctx.ref('shipperOneApi'),
	};
	const packId = await bench.save(
		chain('Bench: ShipperOne accept (pack)', [
			queue,
			{
				name: 'Accept',
				type: ctx.type('shipperOne'),
				typeVersion: 1.1,
				parameters: {
					resource: 'fulfillmentOrder',
					operation: 'accept',
					orderId: { __rl: true, mode: 'id', value: '={{ $json.order_id }}' },
					decision: 'acceptAll',
					orderItems: '={{ $json.items }}',
					options: {},
				},
				credentials: ctx.ref('shipperOneApi'),
			},
		]),
	);
	const auth = headerAuth(ctx.http.shipperOne);
	const acceptUrl = `${ctx.shipperOne.base}/rest/${ctx.shipperOne.store}/V1/fulfillmentOrder/accept`;
	const httpId = await bench.save(
		chain('Bench: ShipperOne accept (HTTP Request)', [
			queue,
			{
				name: 'Accept',
				...HTTP,
				parameters: {
					method: 'POST',
					url: acceptUrl,
					...auth.parameters,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ order: { order_id: $json.order_id, items: $json.items.map((i) => ({ item_id: i.item_id, qty: i.qty_ordered })) } }) }}',
					options: {},
				},
				credentials: auth.credentials,
			},
		]),
	);
	const seed = async () => {
		await bench.sandbox.reset('shipperone');
		for (let done = 0; done < count; done += 10_000)
			await bench.sandbox.seed('shipperone', { count: Math.min(10_000, count - done), items: 2 });
	};
	const acceptedAll = async () => {
		const left = await fetchJson(
			`${ctx.shipperOne.base}/rest/${ctx.shipperOne.store}/V1/fulfillmentOrders/pending_accept?page=1`,
			{
				headers: { authorization: `Bearer ${ctx.shipperOne.token}` },
			},
		);
		if (left.length !== 0)
			throw new Error(`accept: orders still pending_accept (${left.length} on the first page)`);
	};
	const viaN8n = (id) => async () => {
		await seed();
		const since = await bench.sandbox.ledgerMark();
		const run = await bench.run(id, { measure: 'Accept' });
		const requests = await bench.requests('shipperone', since, /\/accept$/);
		if (run.items !== count) throw new Error(`accept output ${run.items} items, expected ${count}`);
		await acceptedAll();
		return {
			ms: run.nodeMs,
			executionMs: run.executionMs,
			wallMs: run.wallMs,
			requests: requests.length,
			...connectionsOf(requests),
			items: run.items,
		};
	};
	return {
		title: `ShipperOne: accept ${count.toLocaleString('en')} orders (one call per order)`,
		variants: {
			pack: viaN8n(packId),
			http: viaN8n(httpId),
			raw: async () => {
				await seed();
				const headers = {
					authorization: `Bearer ${ctx.shipperOne.token}`,
					'content-type': 'application/json',
				};
				const orders = [];
				for (let page = 1; ; page++) {
					const list = await fetchJson(
						`${ctx.shipperOne.base}/rest/${ctx.shipperOne.store}/V1/fulfillmentOrders/pending_accept?page=${page}`,
						{ headers },
					);
					orders.push(...list);
					if (list.length < 100) break;
				}
				// In sequence; with latency 50 at once (as the pack's default at most), else the loop
				// would only measure the latency.
				const lanes = bench.latencyMs > 0 ? 50 : 1;
				let next = 0;
				const started = performance.now();
				await Promise.all(
					Array.from({ length: lanes }, async () => {
						while (next < orders.length) {
							const order = orders[next++];
							await fetchJson(acceptUrl, {
								method: 'POST',
								headers,
								body: JSON.stringify({
									order: {
										order_id: order.order_id,
										items: order.items.map((i) => ({ item_id: i.item_id, qty: i.qty_ordered })),
									},
								}),
							});
						}
					}),
				);
				const ms = performance.now() - started;
				await acceptedAll();
				return { ms, requests: orders.length, items: orders.length };
			},
		},
	};
}

/** SKU.io Export (CSV, scope all) of a file of at least `megabytes` MB; n8n's peak memory growth. */
export async function exportRow(bench, ctx, megabytes) {
	const packId = await bench.save(
		chain('Bench: SKU.io export (pack)', [
			{
				name: 'Export',
				type: ctx.type('skuIo'),
				typeVersion: 1,
				parameters: {
					resource: 'fulfillment',
					operation: 'export',
					format: 'csv',
					contentMode: 'line_items',
					scope: 'all',
					options: {},
				},
				credentials: ctx.ref('skuIoApi'),
			},
		]),
	);
	const auth = headerAuth(ctx.http.skuIo);
	const httpId = await bench.save(
		chain('Bench: SKU.io export (HTTP Request)', [
			{
				name: 'Export',
				...HTTP,
				parameters: {
					method: 'GET',
					url: `${ctx.skuIo.base}/api/v2/sales-order-fulfillments/export`,
					...auth.parameters,
					sendQuery: true,
					queryParameters: {
						parameters: [
							{ name: 'format', value: 'csv' },
							{ name: 'content_mode', value: 'line_items' },
							{ name: 'scope', value: 'all' },
						],
					},
					options: {
						response: { response: { responseFormat: 'file', outputPropertyName: 'data' } },
					},
				},
				credentials: auth.credentials,
			},
		]),
	);
	const bytes = megabytes * 1024 * 1024;
	const viaN8n = (id) => async () => {
		const since = await bench.sandbox.ledgerMark();
		const {
			result: run,
			growthMb,
			heapGrowthMb,
			baseMb,
			peakMb,
		} = await bench.watchMemory(() => bench.run(id, { measure: 'Export' }));
		const requests = await bench.requests('skuio', since, /\/export$/);
		const binary = Object.values(run.output[0]?.binary ?? {})[0];
		const size = Number(binary?.fileSize?.match?.(/[\d.]+/)?.[0] ?? NaN);
		return {
			ms: run.nodeMs,
			executionMs: run.executionMs,
			wallMs: run.wallMs,
			requests: requests.length,
			...connectionsOf(requests),
			items: run.items,
			memory: { baseMb, peakMb, growthMb, heapGrowthMb },
			fileSize: binary?.fileSize,
			size,
		};
	};
	return {
		title: `SKU.io: export a ${megabytes} MB CSV`,
		setup: async () => {
			await bench.sandbox.reset('skuio');
			await bench.sandbox.seed('skuio', { count: 2000, lines: 3 });
			await bench.sandbox.vendorControl('skuio', 'POST', '/export-size', { bytes });
		},
		variants: {
			pack: viaN8n(packId),
			http: viaN8n(httpId),
			raw: async () => {
				const started = performance.now();
				const response = await fetch(
					`${ctx.skuIo.base}/api/v2/sales-order-fulfillments/export?format=csv&content_mode=line_items&scope=all`,
					{
						headers: { authorization: `Bearer ${ctx.skuIo.token}` },
					},
				);
				let size = 0;
				for await (const chunk of response.body) size += chunk.length;
				if (size < bytes) throw new Error(`export: ${size} bytes, expected at least ${bytes}`);
				return { ms: performance.now() - started, requests: 1, items: 1, size };
			},
		},
	};
}

/**
 * One poll of the Sellfern Trigger over a `count`-order queue: n8n runs the first poll while it
 * activates the workflow. Timed as the activation call, and as the span of the poll's requests in
 * the sandbox's ledger; beside it, Get Many on the same queue.
 */
export async function triggerRow(bench, ctx, count) {
	const triggerId = await bench.save(
		chain('Bench: Sellfern trigger poll', [
			{
				name: 'New Order',
				type: ctx.type('sellfernTrigger'),
				typeVersion: 1,
				parameters: {
					pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] },
					status: 'New',
					supplierId: '',
					options: {},
				},
				credentials: ctx.ref('sellfernApi'),
			},
			{ name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
		]),
	);
	const drain = await drainRow(bench, ctx, count);
	return {
		title: `Sellfern Trigger: one poll of a ${count.toLocaleString('en')}-order queue`,
		setup: drain.setup,
		variants: {
			pack: async () => {
				const since = await bench.sandbox.ledgerMark();
				const activatedAt = Date.now();
				await bench.client.activate(triggerId);
				const activateMs = Date.now() - activatedAt;
				// n8n 2.41 may run the activation's poll after the REST call returns: wait until the
				// poll's requests stop arriving.
				const pages = Math.ceil(count / 100);
				let requests = [];
				for (let quiet = 0, seen = -1; quiet < 10; ) {
					await sleep(100);
					requests = await bench.requests('sellfern', since, /\/queue$/);
					if (requests.length === seen && requests.length >= pages) quiet++;
					else quiet = 0;
					seen = requests.length;
					if (Date.now() - activatedAt > 300_000)
						throw new Error(`trigger poll: ${requests.length} of ${pages} pages after 300 s`);
				}
				await bench.client.deactivate(triggerId);
				const spanMs = new Date(requests.at(-1).time) - new Date(requests[0].time);
				const ms = new Date(requests.at(-1).time) - activatedAt;
				return { ms, spanMs, activateMs, requests: requests.length, items: count };
			},
			getMany: drain.variants.pack,
		},
	};
}
