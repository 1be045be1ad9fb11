import type { IDataObject } from 'n8n-workflow';
import { HttpError } from '../../sandbox/core/http-error';
import { DEMO_EMAIL, DEMO_SIGN_IN } from '../../sandbox/vendors/s2/catalog';
import { createParams, creates, logins, requests, s2, seedOrder, useS2 } from './helpers';
import { expectNotShown } from '../support/items';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('S2 › credential: login once, reuse the token, log in again when it expires', () => {
	const env = useS2();
	const getOrder = (orderId: string, input: IDataObject[] = [{}]) =>
		env.harness.runNode({
			nodeType: 's2',
			parameters: { resource: 'order', operation: 'get', orderId },
			input,
		});
	const storedToken = () => env.harness.credentialStore().s2Api.accessToken;

	it('logs in once for many items and stores the token in the credential', async () => {
		const order = seedOrder(env);
		expect(storedToken()).toBeUndefined();
		const result = await env.harness.runNode({
			nodeType: 's2',
			parameters: createParams(),
			input: Array.from({ length: 25 }, () => ({ orderId: order.id })),
		});

		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(25);
		expect(logins(env)).toHaveLength(1);
		expect(logins(env)[0].body).toEqual({ email: DEMO_EMAIL, password: DEMO_SIGN_IN });
		expect(creates(env)).toHaveLength(25);
		expect(storedToken()).toMatch(/^eyJ/);
		// Every request carried the token of that one login.
		expect(new Set(creates(env).map((request) => request.headers.authorization))).toEqual(
			new Set(['Bearer e…']),
		);
	});

	it('reuses the stored token in later executions', async () => {
		const order = seedOrder(env);
		await getOrder(order.id);
		const token = storedToken();
		await getOrder(order.id);
		await getOrder(order.id);
		expect(logins(env)).toHaveLength(1);
		expect(storedToken()).toBe(token);
		expect(requests(env, '/order/').map((request) => request.status)).toEqual([200, 200, 200]);
	});

	it('after the 7 days of a token, logs in exactly once more and goes on', async () => {
		const order = seedOrder(env);
		await getOrder(order.id);
		const first = storedToken();
		env.sandbox.state.clock.advance(7 * DAY_MS + 1000);

		const result = await getOrder(order.id, [{}, {}, {}]);
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(3);
		expect(logins(env)).toHaveLength(2);
		// The first request after expiry got the 401 that made n8n log in again; then all succeeded.
		expect(requests(env, '/order/').map((request) => request.status)).toEqual([
			200, 401, 200, 200, 200,
		]);
		expect(storedToken()).not.toBe(first);
	});

	it('sees a refresh with a short token lifetime set in the sandbox', async () => {
		s2(env).sessions.lifetimeMs = 2000;
		const order = seedOrder(env);
		await getOrder(order.id);
		env.sandbox.state.clock.advance(2500);
		expect((await getOrder(order.id)).status).toBe('success');
		expect(logins(env)).toHaveLength(2);
	});

	it('logs in again once when S2 revokes the token (401), then succeeds', async () => {
		const order = seedOrder(env);
		await getOrder(order.id);
		s2(env).sessions.revokeAll();
		const result = await env.harness.runNode({
			nodeType: 's2',
			parameters: createParams(),
			input: [{ orderId: order.id }, { orderId: order.id }],
		});
		expect(result.status).toBe('success');
		expect(logins(env)).toHaveLength(2);
		// The first request after the revocation (Create reads the order first) is refused, then sent again.
		expect(requests(env).filter((request) => request.status === 401)).toHaveLength(1);
		expect(creates(env).map((request) => request.status)).toEqual([200, 200]);
		expect(s2(env).store.allFulfillments()).toHaveLength(2);
	});

	it('a wrong password: a clear error, no retry loop, and the password shown nowhere', async () => {
		const wrongValue = 'Wrong-Pa55word-xyz';
		const result = await env.harness.runNode({
			nodeType: 's2',
			parameters: createParams({ orderId: '' }),
			credentials: {
				s2Api: { baseUrl: env.sandbox.vendorUrl('s2'), email: DEMO_EMAIL, password: wrongValue },
			},
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/^S2 did not accept the credentials \(HTTP 401\): Invalid email or password/,
		);
		expect(result.error?.description).toContain('Check the email, password and Base URL');
		// n8n tries the login, and once more as for an expired token; nothing is created.
		expect(logins(env)).toHaveLength(2);
		expect(creates(env)).toEqual([]);
		expectNotShown(result, wrongValue);
	});

	it('never shows the access token in an error', async () => {
		const order = seedOrder(env);
		await getOrder(order.id);
		const result = await getOrder('missing-order');
		expect(result.error?.message).toContain("Order 'missing-order' not found");
		expect(JSON.stringify(result.run)).not.toContain(storedToken() as string);
	});

	it('never shows a token fetched during the failing request, even when S2 echoes it', async () => {
		const order = seedOrder(env);
		// A fresh credential: n8n logs in inside the request, after the node read the credential.
		const echo = jest.spyOn(s2(env).sessions, 'userOf').mockImplementation((request) => {
			throw new HttpError(
				401,
				`Access token ${request.header('authorization')?.replace(/^Bearer /, '')} is not valid here`,
			);
		});
		try {
			const result = await getOrder(order.id);
			expect(result.error?.message).toMatch(
				/^S2 did not accept the credentials \(HTTP 401\): Access token \*\*\* is not valid here \(reference ID: req_\w+\)$/,
			);
			expect(logins(env)).toHaveLength(2);
			expect(JSON.stringify(result.run)).not.toContain(storedToken() as string);
		} finally {
			echo.mockRestore();
		}
	});

	describe('credential test (a login)', () => {
		const credential = (password: string) => ({
			baseUrl: env.sandbox.vendorUrl('s2'),
			email: DEMO_EMAIL,
			password,
		});

		it('passes with the right email and password', async () => {
			expect(await env.harness.testCredential('s2Api', credential(DEMO_SIGN_IN))).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(logins(env).length).toBeGreaterThan(0);
			expect(logins(env).every((request) => request.status === 200)).toBe(true);
		});

		it('fails with a wrong password, saying so', async () => {
			expect(await env.harness.testCredential('s2Api', credential('nope-nope'))).toEqual({
				status: 'Error',
				message: 'S2 refused the email or password',
			});
		});
	});
});
