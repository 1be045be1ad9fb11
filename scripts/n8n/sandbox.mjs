// Starts the vendor sandbox (`scripts/sandbox.mjs`) as a child process and talks to its control API.
import path from 'node:path';
import { envWithNode24 } from '../node24.mjs';
import { repoRoot } from '../paths.mjs';
import { freePort, startProcess, waitForHttp } from './processes.mjs';

/**
 * Returns { url, proc, stop(), control } where `control` is a SandboxControl. `seed` starts it with
 * each vendor's demo data.
 */
export async function startSandboxProcess({
	port,
	seed = false,
	logFile,
	echo,
	readyTimeoutMs = 120_000,
}) {
	const chosenPort = port ?? (await freePort());
	const args = [
		path.join(repoRoot, 'scripts', 'sandbox.mjs'),
		'--port',
		String(chosenPort),
		'--host',
		'127.0.0.1',
	];
	if (seed) args.push('--seed');
	const proc = startProcess('node', args, {
		cwd: repoRoot,
		env: envWithNode24(),
		logFile,
		echo,
		name: 'sandbox',
	});
	const url = `http://127.0.0.1:${chosenPort}`;
	// The script compiles the sandbox first, so the port opens only after tsc.
	await waitForHttp(`${url}/_control/`, { timeoutMs: readyTimeoutMs, proc, what: 'the sandbox' });
	return { url, proc, stop: (options) => proc.stop(options), control: new SandboxControl(url) };
}

/** The sandbox's vendor-neutral control routes (`/_control/...`). */
export class SandboxControl {
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
		const data = text ? JSON.parse(text) : undefined;
		if (!response.ok)
			throw new Error(`sandbox ${method} /_control${route} → ${response.status}: ${text}`);
		return data;
	}

	/** { vendors: [{ name, title, baseUrl, credentials: [{ label, values }] }], control } */
	overview() {
		return this.request('GET', '/');
	}

	reset(vendor) {
		return this.request('POST', '/reset', vendor === undefined ? {} : { vendor });
	}

	/** Vendor-specific options, e.g. { count: 3, status: 'New' } for Sellfern. Returns what was created. */
	async seed(vendor, options) {
		const { created } = await this.request('POST', '/seed', { vendor, ...options });
		return created;
	}

	/** Ledger entries (requests and state changes), optionally filtered. */
	async ledger({ vendor, type, since } = {}) {
		const query = new URLSearchParams();
		if (vendor !== undefined) query.set('vendor', vendor);
		if (type !== undefined) query.set('type', type);
		if (since !== undefined) query.set('since', String(since));
		const { entries } = await this.request('GET', `/ledger${query.size ? `?${query}` : ''}`);
		return entries;
	}

	/** The highest ledger sequence number so far (0 when empty): pass it as `since` to see only what follows. */
	async ledgerMark() {
		const entries = await this.ledger();
		return entries.length ? entries[entries.length - 1].seq : 0;
	}

	/** A vendor's own control route, e.g. vendorControl('sellfern', 'GET', '/orders/1042'). */
	vendorControl(vendor, method, route, body) {
		return this.request(method, `/${vendor}${route}`, body);
	}
}
