#!/usr/bin/env node
// A minimal vendor server for the benchmark, written from the vendor documents in
// /work/shared/vendor-docs (not from sandbox/, with which it shares no code): only the routes the
// bench uses, plain node:http with keep-alive as any server has it, state in plain arrays and maps,
// and an optional latency per request and per new connection (a network between n8n and the vendor).
//
//   node bench/server/server.mjs [--port=0] [--host=127.0.0.1] [--latency-ms=0] [--connect-latency-ms=<latency>]
//
// Prints one JSON line {"url": …} when listening. Vendors live under /sellfern, /shipperone, /skuio;
// the bench drives it through /_control (reset, seed, ledger, connection counts), see README.md.
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export const TOKENS = {
	sellfern: 'sk_bench_sellfern',
	shipperone: 'so_bench_shipperone',
	skuio: 'skuio_bench_token',
};
export const SHIPPERONE_STORE = 'default';

const SELLFERN_STATUSES = ['Pending Cost', 'New', 'In Production', 'Shipped', 'Complete'];

/** The state of the three vendors, and what was asked of them. */
export class BenchVendors {
	constructor() {
		this.seq = 0;
		this.ledger = [];
		this.connections = 0;
		this.resetAll();
	}

	resetAll() {
		for (const vendor of ['sellfern', 'shipperone', 'skuio']) this.reset(vendor);
	}

	reset(vendor) {
		if (vendor === 'sellfern') {
			this.sellfern = { orders: new Map(), byStatus: null, nextId: 1000, idempotent: new Map() };
		} else if (vendor === 'shipperone') {
			this.shipperone = { orders: new Map(), pending: null, nextSeq: 1, nextItem: 50_000 };
		} else if (vendor === 'skuio') {
			this.skuio = { fulfillments: [], csvMinBytes: 0 };
		} else throw new HttpError(400, `unknown vendor ${vendor}`);
	}

	record(vendor, method, path, conn) {
		this.ledger.push({
			seq: ++this.seq,
			type: 'request',
			vendor,
			method,
			path,
			conn,
			time: new Date().toISOString(),
		});
	}

	// --- Sellfern (sellfern-fulfillment-api.txt) ---

	sellfernSeed({ count = 1, status = 'New', supplierId = null }) {
		if (!SELLFERN_STATUSES.includes(status)) throw new HttpError(400, `status ${status}`);
		const state = this.sellfern;
		for (let i = 0; i < count; i++) {
			const id = state.nextId++;
			state.orders.set(id, {
				order_id: id,
				status,
				supplier_id: supplierId,
				created_at: new Date(Date.UTC(2026, 4, 20) + id * 60_000).toISOString().slice(0, 19) + 'Z',
			});
		}
		state.byStatus = null;
		return count;
	}

	/** Orders by status, in id order; rebuilt only after a change. */
	sellfernQueue(status) {
		const state = this.sellfern;
		if (!state.byStatus) {
			state.byStatus = new Map([[undefined, []]]);
			for (const order of state.orders.values()) {
				if (order.status !== 'New' && order.status !== 'In Production') continue;
				state.byStatus.get(undefined).push(order);
				if (!state.byStatus.has(order.status)) state.byStatus.set(order.status, []);
				state.byStatus.get(order.status).push(order);
			}
		}
		return state.byStatus.get(status) ?? [];
	}

	sellfernList(query) {
		const status = query.get('status') ?? undefined;
		if (status !== undefined && status !== 'New' && status !== 'In Production')
			throw sellfernError(400, 'validation_error', 'status must be New or In Production');
		const page = positiveInt(query.get('page'), 1, 'page');
		const pageSize = positiveInt(query.get('page_size'), 20, 'page_size');
		if (pageSize > 100) throw sellfernError(400, 'validation_error', 'page_size is at most 100');
		let orders = this.sellfernQueue(status);
		const supplier = query.get('supplier_id');
		if (supplier !== null) orders = orders.filter((order) => order.supplier_id === supplier);
		const items = orders
			.slice((page - 1) * pageSize, page * pageSize)
			.map((order) => ({ ...order }));
		return { items, total: orders.length, page, page_size: pageSize };
	}

	sellfernAssign(body, query, key) {
		const ids = body?.order_ids;
		const supplier = body?.supplier_id;
		if (!Array.isArray(ids) || ids.length === 0 || !ids.every(Number.isSafeInteger))
			throw sellfernError(
				400,
				'validation_error',
				'order_ids must be a non-empty array of integers',
			);
		if (typeof supplier !== 'string' || supplier === '')
			throw sellfernError(400, 'validation_error', 'supplier_id is required');
		const dryRun = query.get('dry_run') === 'true';
		const signature = JSON.stringify([ids, supplier, dryRun]);
		if (key) {
			const earlier = this.sellfern.idempotent.get(key);
			if (earlier && earlier.signature !== signature)
				throw sellfernError(
					422,
					'idempotency_conflict',
					'Idempotency-Key reused with another request',
				);
			if (earlier) return earlier.result;
		}
		const results = ids.map((id) => {
			const order = this.sellfern.orders.get(id);
			if (!order) return { order_id: id, status: 'error', error: 'not_found' };
			if (order.status !== 'New')
				return { order_id: id, status: 'error', error: `order is ${order.status}` };
			if (!dryRun) {
				order.status = 'In Production';
				order.supplier_id = supplier;
			}
			return { order_id: id, status: 'ok', supplier_id: supplier };
		});
		if (!dryRun) this.sellfern.byStatus = null;
		const ok = results.filter((result) => result.status === 'ok').length;
		const result = { results, counts: { ok, error: results.length - ok } };
		if (key) this.sellfern.idempotent.set(key, { signature, result });
		return result;
	}

	// --- ShipperOne (shipperone-fulfillment-partner.txt) ---

	shipperoneSeed({ count = 1, items = 2 }) {
		const state = this.shipperone;
		for (let i = 0; i < count; i++) {
			const seq = state.nextSeq++;
			const orderId = `FO-${String(seq).padStart(9, '0')}`;
			const time = '2026-05-20 09:00:00';
			state.orders.set(orderId, {
				seq,
				order_id: orderId,
				status: 'pending_accept',
				warehouse_code: 'WH1',
				created_at: time,
				updated_at: time,
				items: Array.from({ length: items }, (_, n) => ({
					item_id: state.nextItem++,
					sku: `SKU-${seq}-${n + 1}`,
					name: `Item ${n + 1}`,
					qty_ordered: 1 + (n % 3),
					qty_accepted: 0,
				})),
			});
		}
		state.pending = null;
		return count;
	}

	shipperoneView(order) {
		return {
			order_id: order.order_id,
			status: order.status,
			warehouse_code: order.warehouse_code,
			created_at: order.created_at,
			updated_at: order.updated_at,
			items: order.items.map((item) => ({ ...item })),
		};
	}

	shipperoneQueue(name, query) {
		if (name !== 'pending_accept' && name !== 'pending_shipment' && name !== 'failed')
			throw new HttpError(404, 'Request does not match any route.');
		const state = this.shipperone;
		if (name !== 'pending_accept') return [];
		state.pending ??= [...state.orders.values()].filter((o) => o.status === 'pending_accept');
		const page = positiveInt(query.get('page'), 1, 'page');
		const date = query.get('date');
		const orders = date ? state.pending.filter((o) => o.updated_at >= date) : state.pending;
		return orders.slice((page - 1) * 100, page * 100).map((order) => this.shipperoneView(order));
	}

	shipperoneAccept(body) {
		const orderId = body?.order?.order_id;
		const lines = body?.order?.items;
		if (typeof orderId !== 'string' || !Array.isArray(lines) || lines.length === 0)
			throw new HttpError(400, '"order.order_id" and "order.items" are required.');
		const order = this.shipperone.orders.get(orderId);
		if (!order) throw new HttpError(404, `Fulfillment order "${orderId}" does not exist.`);
		const byId = new Map(order.items.map((item) => [item.item_id, item]));
		for (const line of lines) {
			const item = byId.get(line?.item_id);
			if (!item) throw new HttpError(400, `Item ${line?.item_id} is not on order ${orderId}.`);
			if (!Number.isInteger(line.qty) || line.qty < 0 || line.qty > item.qty_ordered)
				throw new HttpError(400, `qty of item ${line.item_id} must be 0 to ${item.qty_ordered}.`);
		}
		if (lines.length !== order.items.length)
			throw new HttpError(400, 'Partial accept is not enabled for this order.');
		// Re-sending a decision already applied returns the current state (the document's idempotency).
		if (order.status === 'pending_accept') {
			for (const line of lines) byId.get(line.item_id).qty_accepted = line.qty;
			order.status = lines.some((line) => line.qty > 0) ? 'pending_allocation' : 'rejected';
			order.updated_at = new Date().toISOString().slice(0, 19).replace('T', ' ');
			this.shipperone.pending = null;
		}
		return this.shipperoneView(order);
	}

	// --- SKU.io (skuio-fulfillments-openapi.yaml) ---

	skuioSeed({ count = 1, lines = 1 }) {
		const list = this.skuio.fulfillments;
		for (let i = 0; i < count; i++) {
			const id = list.length + 1;
			list.push({ id, number: `SO-${10_000 + id}.1`, lines });
		}
		return count;
	}

	/** The CSV export (line items), repeated until it has at least csvMinBytes bytes; streamed in chunks. */
	*skuioCsv() {
		const header = 'id,fulfillment_number,status,sku,quantity,warehouse\n';
		yield header;
		const rows = [];
		for (const f of this.skuio.fulfillments)
			for (let n = 1; n <= f.lines; n++)
				rows.push(`${f.id},${f.number},submitted,SKU-${f.id}-${n},${n},Main\n`);
		if (rows.length === 0) return;
		let bytes = header.length;
		let chunk = '';
		do {
			for (const row of rows) {
				chunk += row;
				if (chunk.length >= 64 * 1024) {
					bytes += chunk.length;
					yield chunk;
					chunk = '';
				}
			}
		} while (bytes + chunk.length < this.skuio.csvMinBytes);
		if (chunk) yield chunk;
	}
}

export class HttpError extends Error {
	constructor(status, message, body) {
		super(message);
		this.status = status;
		this.body = body ?? { message };
	}
}

function sellfernError(status, code, message) {
	return new HttpError(status, message, { success: false, error: { code, message } });
}

function positiveInt(text, fallback, name) {
	if (text === null || text === '') return fallback;
	const value = Number(text);
	if (!Number.isSafeInteger(value) || value < 1)
		throw new HttpError(400, `${name} must be a positive integer`);
	return value;
}

let requestCount = 0;
const sellfernOk = (data) => ({
	success: true,
	data,
	meta: { request_id: `req_${++requestCount}` },
});

/** Vendor routes: [vendor, method, pattern, handler(ctx) → body | {stream}] */
const ROUTES = [
	[
		'sellfern',
		'GET',
		/^\/api\/v2\/fulfillment\/queue$/,
		(c) => sellfernOk(c.vendors.sellfernList(c.query)),
	],
	[
		'sellfern',
		'POST',
		/^\/api\/v2\/fulfillment\/assign$/,
		(c) => sellfernOk(c.vendors.sellfernAssign(c.body, c.query, c.headers['idempotency-key'])),
	],
	[
		'shipperone',
		'GET',
		/^\/rest\/([^/]+)\/V1\/fulfillmentOrders\/([a-z_]+)$/,
		(c, [, store, queue]) => (checkStore(store), c.vendors.shipperoneQueue(queue, c.query)),
	],
	[
		'shipperone',
		'POST',
		/^\/rest\/([^/]+)\/V1\/fulfillmentOrder\/accept$/,
		(c, [, store]) => (checkStore(store), c.vendors.shipperoneAccept(c.body)),
	],
	[
		'skuio',
		'GET',
		/^\/api\/v2\/sales-order-fulfillments\/export$/,
		(c) => {
			const format = c.query.get('format') ?? 'xlsx';
			if (format !== 'csv')
				throw new HttpError(422, 'The given data was invalid.', {
					message: 'The given data was invalid.',
					errors: { format: ['Only csv is served by the bench server.'] },
				});
			return {
				stream: c.vendors.skuioCsv(),
				headers: {
					'content-type': 'text/csv; charset=UTF-8',
					'content-disposition': 'attachment; filename="sales-order-fulfillments.csv"',
				},
			};
		},
	],
];

function checkStore(store) {
	if (store !== SHIPPERONE_STORE) throw new HttpError(404, `Store "${store}" does not exist.`);
}

async function readBody(request) {
	const chunks = [];
	for await (const chunk of request) chunks.push(chunk);
	const text = Buffer.concat(chunks).toString('utf8');
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw new HttpError(400, 'The request body is not JSON.');
	}
}

function send(response, status, body, headers = {}) {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	response.end(text);
}

async function streamOut(response, stream, headers) {
	response.writeHead(200, headers);
	for (const chunk of stream) {
		if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
	}
	response.end();
}

async function control(vendors, method, path, query, body, timing) {
	if (method === 'POST' && path === '/latency') {
		const { ms, connectMs = ms } = body ?? {};
		if (!Number.isFinite(ms) || ms < 0 || !Number.isFinite(connectMs) || connectMs < 0)
			throw new HttpError(400, 'ms?');
		Object.assign(timing, { latencyMs: ms, connectLatencyMs: connectMs });
		return timing;
	}
	if (method === 'POST' && path === '/reset') {
		if (body?.vendor) vendors.reset(body.vendor);
		else vendors.resetAll();
		return { ok: true };
	}
	if (method === 'POST' && path === '/seed') {
		const seeders = {
			sellfern: (o) => vendors.sellfernSeed(o),
			shipperone: (o) => vendors.shipperoneSeed(o),
			skuio: (o) => vendors.skuioSeed(o),
		};
		if (!seeders[body?.vendor]) throw new HttpError(400, 'vendor?');
		return { vendor: body.vendor, created: seeders[body.vendor](body) };
	}
	if (method === 'GET' && path === '/ledger') {
		const since = Number(query.get('since') ?? 0);
		const vendor = query.get('vendor');
		// Entries are in seq order: start after `since` without scanning what came before.
		let start = vendors.ledger.length;
		while (start > 0 && vendors.ledger[start - 1].seq > since) start--;
		const entries = vendors.ledger
			.slice(start)
			.filter((entry) => vendor === null || entry.vendor === vendor);
		return { entries };
	}
	if (method === 'GET' && path === '/ledger/mark') return { seq: vendors.seq };
	if (method === 'GET' && path === '/connections') return { connections: vendors.connections };
	if (method === 'GET' && path === '/sellfern/orders')
		return { orders: [...vendors.sellfern.orders.values()] };
	if (method === 'POST' && path === '/skuio/export-size') {
		const bytes = body?.bytes;
		if (!Number.isSafeInteger(bytes) || bytes < 0) throw new HttpError(400, 'bytes?');
		vendors.skuio.csvMinBytes = bytes;
		return { csvMinBytes: bytes };
	}
	throw new HttpError(404, `no control route ${method} ${path}`);
}

/** Starts the server; resolves to { url, vendors, close() }. */
export async function startBenchServer({
	port = 0,
	host = '127.0.0.1',
	latencyMs = 0,
	connectLatencyMs = latencyMs,
} = {}) {
	const vendors = new BenchVendors();
	const timing = { latencyMs, connectLatencyMs };
	let nextConn = 0;
	const server = createServer(async (request, response) => {
		const url = new URL(request.url, 'http://bench');
		const conn = request.socket.benchConn;
		try {
			if (url.pathname.startsWith('/_control')) {
				const body = await readBody(request);
				send(
					response,
					200,
					await control(
						vendors,
						request.method,
						url.pathname.slice(9) || '/',
						url.searchParams,
						body,
						timing,
					),
				);
				return;
			}
			const [, vendor, rest = ''] = /^\/([a-z]+)(\/.*)?$/.exec(url.pathname) ?? [];
			const body = await readBody(request);
			if (TOKENS[vendor]) vendors.record(vendor, request.method, url.pathname, conn);
			// A new connection costs a round trip (the TCP handshake) before its first request.
			const handshake = request.socket.benchFresh ? timing.connectLatencyMs : 0;
			request.socket.benchFresh = false;
			const delay = timing.latencyMs + handshake;
			if (delay > 0) await sleep(delay);
			if (!TOKENS[vendor]) throw new HttpError(404, 'Not found');
			if (request.headers.authorization !== `Bearer ${TOKENS[vendor]}`)
				throw vendor === 'sellfern'
					? sellfernError(401, 'unauthorized', 'Invalid or missing API token')
					: new HttpError(
							401,
							vendor === 'skuio'
								? 'Unauthenticated.'
								: "The consumer isn't authorized to access %resources.",
						);
			for (const [name, method, pattern, handler] of ROUTES) {
				const match = name === vendor && method === request.method ? pattern.exec(rest) : null;
				if (!match) continue;
				const result = handler(
					{ vendors, query: url.searchParams, body, headers: request.headers },
					match,
				);
				if (result?.stream) await streamOut(response, result.stream, result.headers);
				else send(response, 200, result);
				return;
			}
			throw new HttpError(404, 'Request does not match any route.');
		} catch (error) {
			if (response.headersSent) return response.destroy();
			if (error instanceof HttpError) send(response, error.status, error.body);
			else send(response, 500, { message: String(error?.message ?? error) });
		}
	});
	server.on('connection', (socket) => {
		socket.benchConn = ++nextConn;
		socket.benchFresh = true;
		vendors.connections++;
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	const address = server.address();
	return {
		url: `http://${host}:${address.port}`,
		vendors,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(resolve);
			}),
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = Object.fromEntries(
		process.argv.slice(2).map((arg) => {
			const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
			return [key, value];
		}),
	);
	const latencyMs = Number(args['latency-ms'] ?? 0);
	const started = await startBenchServer({
		port: Number(args.port ?? 0),
		host: args.host ?? '127.0.0.1',
		latencyMs,
		connectLatencyMs: Number(args['connect-latency-ms'] ?? latencyMs),
	});
	process.stdout.write(`${JSON.stringify({ url: started.url, latencyMs })}\n`);
	const stop = () => started.close().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}
