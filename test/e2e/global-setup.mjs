// Starts, once for the whole suite: the vendor sandbox and a real n8n with the freshly built and
// packed pack npm-installed into a new user folder, the owner account, sandbox credentials and the
// example workflows (support/stack.mjs).
import { startE2EStack } from './support/stack.mjs';

export default async function globalSetup() {
	const started = Date.now();
	const { stack, log } = await startE2EStack('e2e', { seed: false });
	globalThis.__fulfillmentE2E = stack;
	log(`[e2e] ready in ${Math.round((Date.now() - started) / 1000)} s`);
}
