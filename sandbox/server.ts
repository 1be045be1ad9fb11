/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only sandbox code, not shipped */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

import { createDispatcher, type Incoming } from './core/dispatch';
import { createState, type SandboxState as CoreState, type VendorsOf } from './core/state';
import { vendorFactories } from './vendors/registry';

/** A vendor this sandbox serves: a key of the registry. */
export type VendorName = keyof typeof vendorFactories;
export type SandboxState = CoreState<VendorsOf<typeof vendorFactories>>;

export interface Sandbox {
	/** e.g. http://127.0.0.1:4010 */
	url: string;
	/** The base URL to put in that vendor's n8n credential, e.g. `${url}/sellfern`. */
	vendorUrl(vendor: string): string;
	/** In-process access for tests. */
	state: SandboxState;
	close(): Promise<void>;
}

export interface SandboxOptions {
	/** 0 = a free port. Default 4010. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Start with each vendor's demo data. */
	seed?: boolean;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

/** One HTTP server for every vendor, each under its own path prefix, plus `/_control`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const state: SandboxState = createState(vendorFactories);
	if (options.seed) state.seedDemo();
	const closing = new AbortController();
	const dispatch = createDispatcher({
		state,
		statusText: (status) => STATUS_CODES[status] ?? 'Unknown Status',
		sleep: (ms) => delay(ms, undefined, { signal: closing.signal }),
	});

	const server = createServer((request, response) => {
		void serve(request, response);
	});
	async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
		try {
			const outcome = await dispatch(await readIncoming(request));
			if (outcome.kind === 'drop') {
				request.socket.destroy();
				return;
			}
			// A hung request keeps its socket open; the client's timeout or close() ends it.
			if (outcome.kind === 'hang') return;
			const { status, headers, body } = outcome.response;
			response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
			response.end(body);
		} catch {
			// The client went away, or the sandbox is closing: nobody is left to answer.
			request.socket.destroy();
		}
	}

	const host = options.host ?? DEFAULT_HOST;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? DEFAULT_PORT, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

	return {
		url,
		state,
		vendorUrl(vendor) {
			if (!state.vendor(vendor)) throw new Error(`The sandbox has no ${vendor} vendor yet`);
			return `${url}/${vendor}`;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				closing.abort();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

async function readIncoming(request: IncomingMessage): Promise<Incoming> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers))
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	return {
		method: request.method ?? 'GET',
		url: request.url ?? '/',
		headers,
		body: Buffer.concat(chunks),
	};
}
