import axios, { type AxiosInstance } from 'axios';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { SeedOptions } from '../../sandbox/vendors/sellfern/seed';

export const FULL_TOKEN = 'sk_test_sandbox';
export const READONLY_TOKEN = 'sk_test_readonly';

export interface SandboxEnv {
	sandbox: Sandbox;
	/** Against the sandbox root; never throws on an HTTP status. */
	http: AxiosInstance;
	/** Against `/sellfern` with the full-access token. */
	sellfern: AxiosInstance;
}

/** One sandbox on a random port for the file, reset before each test. */
export function useSandbox(): SandboxEnv {
	const env = {} as SandboxEnv;
	beforeAll(async () => {
		env.sandbox = await startSandbox({ port: 0 });
		env.http = axios.create({ baseURL: env.sandbox.url, validateStatus: () => true });
		env.sellfern = axios.create({
			baseURL: env.sandbox.vendorUrl('sellfern'),
			headers: { Authorization: `Bearer ${FULL_TOKEN}` },
			validateStatus: () => true,
		});
	});
	beforeEach(() => env.sandbox.state.reset());
	afterAll(async () => {
		await env.sandbox?.close();
	});
	return env;
}

/** Seeds `count` Sellfern orders (status New unless given) and returns their ids. */
export function seedSellfern(
	env: SandboxEnv,
	count: number,
	options: Partial<SeedOptions> = {},
): number[] {
	return env.sandbox.state.vendors.sellfern
		.seed({ count, ...options })
		.orders.map((order) => order.order_id);
}
