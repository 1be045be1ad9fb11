import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { startSandbox, type Sandbox, type VendorName } from '../../sandbox/server';
import { createHarness, type CredentialsMap, type Harness } from '../harness';
import { packCredentialTypes, packNodeTypes } from './pack';

export interface TestEnv {
	sandbox: Sandbox;
	harness: Harness;
}

/** A vendor's first demo credential from the sandbox, with the sandbox's base URL for it. */
export function demoCredential(
	sandbox: Sandbox,
	vendor: VendorName,
): ICredentialDataDecryptedObject {
	const module = sandbox.state.vendor(vendor);
	if (!module) throw new Error(`the sandbox has no vendor "${vendor}"`);
	return { baseUrl: sandbox.vendorUrl(vendor), ...module.credentials[0].values };
}

/** Every vendor's first demo credential, by credential type: for tests that run all five nodes. */
export function demoCredentials(sandbox: Sandbox): CredentialsMap {
	return {
		sellfernApi: demoCredential(sandbox, 'sellfern'),
		shipperOneApi: demoCredential(sandbox, 'shipperone'),
		skuIoApi: demoCredential(sandbox, 'skuio'),
		s2Api: demoCredential(sandbox, 's2'),
		orderProtectionOAuth2Api: demoCredential(sandbox, 'orderprotection'),
	};
}

/**
 * Starts one sandbox (random port) and one in-process n8n harness with every node of the pack for a
 * jest file; before each test the sandbox is reset and the credentials are set afresh.
 */
export function useTestEnv(credentials: (sandbox: Sandbox) => CredentialsMap): TestEnv {
	const env = {} as TestEnv;
	beforeAll(async () => {
		env.sandbox = await startSandbox({ port: 0 });
		env.harness = createHarness({
			nodeTypes: packNodeTypes(),
			credentialTypes: packCredentialTypes(),
		});
	});
	beforeEach(() => {
		env.sandbox.state.reset();
		env.harness.setCredentials(credentials(env.sandbox));
	});
	afterAll(async () => {
		await env.sandbox?.close();
	});
	return env;
}
