import { rmSync } from 'node:fs';

export default async function globalTeardown() {
	const stack = globalThis.__fulfillmentE2E;
	if (!stack) return;
	await stack.stop();
	if (process.env.FULFILLMENT_E2E_KEEP === '1') {
		process.stderr.write(`[e2e] kept the n8n user folder (logs, database): ${stack.userFolder}\n`);
	} else {
		rmSync(stack.userFolder, { recursive: true, force: true });
	}
}
