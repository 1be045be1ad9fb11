// The bench's side of bench/server/server.mjs: started as its own process, driven through /_control
// with the methods rows.mjs uses of the sandbox's SandboxControl (reset, seed, ledger, ledgerMark,
// vendorControl), and pack credentials that point at it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPERONE_STORE, TOKENS } from './server.mjs';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.mjs');

export class BenchServerControl {
	constructor(url) {
		this.url = url;
	}

	async request(method, route, body) {
		const response = await fetch(`${this.url}/_control${route}`, {
			method,
			headers: body === undefined ? undefined : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`bench server ${method} /_control${route} → ${response.status}: ${text}`);
		return text ? JSON.parse(text) : undefined;
	}

	reset(vendor) {
		return this.request('POST', '/reset', vendor === undefined ? {} : { vendor });
	}

	async seed(vendor, options) {
		return (await this.request('POST', '/seed', { vendor, ...options })).created;
	}

	async ledger({ vendor, since } = {}) {
		const query = new URLSearchParams();
		if (vendor !== undefined) query.set('vendor', vendor);
		if (since !== undefined) query.set('since', String(since));
		return (await this.request('GET', `/ledger?${query}`)).entries;
	}

	async ledgerMark() {
		return (await this.request('GET', '/ledger/mark')).seq;
	}

	vendorControl(vendor, method, route, body) {
		return this.request(method, `/${vendor}${route}`, body);
	}

	/** Added time per request, and per new connection (default: the same). */
	latency(ms, connectMs = ms) {
		return this.request('POST', '/latency', { ms, connectMs });
	}
}

/** Starts the server as its own process; resolves to { url, control, stop() }. */
export async function startBenchServerProcess({ latencyMs = 0, log = () => {} } = {}) {
	const child = spawn(process.execPath, [SERVER, `--latency-ms=${latencyMs}`], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise((resolve, reject) => {
		let text = '';
		child.stdout.on('data', (chunk) => {
			text += chunk;
			const line = text.split('\n')[0];
			if (text.includes('\n')) resolve(JSON.parse(line).url);
		});
		child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
	});
	log(`[bench] independent vendor server at ${url} (pid ${child.pid})`);
	return {
		url,
		pid: child.pid,
		control: new BenchServerControl(url),
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', resolve);
				child.kill('SIGTERM');
			}),
	};
}

/**
 * The stack's sandbox credentials of the benched vendors, copied to credentials that point at the
 * bench server (created or updated in n8n); same shape as stack.credentials.
 */
export async function benchServerCredentials(client, sandboxCredentials, url) {
	const plan = {
		sellfernApi: { vendor: 'sellfern', token: 'apiToken' },
		shipperOneApi: { vendor: 'shipperone', token: 'accessToken', storeCode: SHIPPERONE_STORE },
		skuIoApi: { vendor: 'skuio', token: 'accessToken' },
	};
	const existing = await client.listCredentials();
	const result = [];
	for (const [type, { vendor, token, storeCode }] of Object.entries(plan)) {
		const original = sandboxCredentials.find((credential) => credential.type === type);
		if (!original) throw new Error(`no sandbox credential of type ${type} to copy`);
		const urlField = Object.keys(original.data).find(
			(key) => original.data[key] === original.baseUrl,
		);
		const baseUrl = `${url}/${vendor}`;
		const data = {
			...original.data,
			[urlField]: baseUrl,
			[token]: TOKENS[vendor],
			...(storeCode && { storeCode }),
		};
		const name = `${type} (bench server)`;
		const found = existing.find((stored) => stored.name === name && stored.type === type);
		const saved = found
			? await client.updateCredential(found.id, { name, type, data })
			: await client.createCredential({ name, type, data });
		result.push({ ...original, id: saved.id, name, baseUrl, data });
	}
	return result;
}
