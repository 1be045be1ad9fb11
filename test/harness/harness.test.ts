import { WorkflowHasIssuesError } from 'n8n-core';
import type { IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { fixtureCredentialTypes } from './fixtures/credentials';
import { fixtureDescription, fixtureNodeTypes } from './fixtures/nodes';
import { startTestServer, type TestServer } from './fixtures/test-server';
import { createHarness, readBinary, type Harness } from './index';

let server: TestServer;
let caughtErrors: CaughtError[];

/** Where a NodeApiError from `httpRequestWithAuthentication` keeps the HTTP details. */
type CaughtError = Error & {
	httpCode: string;
	description?: string;
	context: IDataObject;
	cause: {
		code?: string;
		status?: number;
		response?: { status: number; headers: Record<string, string>; data: unknown };
	};
};

/** Hands the error `httpRequestWithAuthentication` throws to the test, untouched. */
const errorProbeNode: INodeType = {
	description: fixtureDescription('Error Probe', 'errorProbe', {
		credentials: [{ name: 'harnessApiKeyApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '' }],
	}),
	async execute(this: IExecuteFunctions) {
		try {
			await this.helpers.httpRequestWithAuthentication.call(this, 'harnessApiKeyApi', {
				url: `${server.url}${this.getNodeParameter('path', 0) as string}`,
				json: true,
			});
		} catch (error) {
			caughtErrors.push(error as CaughtError);
		}
		return [this.getInputData()];
	},
};

function newHarness(): Harness {
	return createHarness({
		nodeTypes: [...fixtureNodeTypes, errorProbeNode],
		credentialTypes: fixtureCredentialTypes,
		credentials: {
			harnessApiKeyApi: { baseUrl: server.url, apiKey: 'key-123' },
			harnessSignedApi: { baseUrl: server.url, secret: 's3cret' },
			harnessSessionApi: { baseUrl: server.url, username: 'ann', password: 'pw' },
		},
	});
}

beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.reset();
	caughtErrors = [];
	server.route('GET /echo', ({ url, headers }) => ({
		body: { url, apiKey: headers['x-api-key'] ?? null },
	}));
});

describe('runNode', () => {
	test('sends the generic auth header resolved from the credential, per item with expressions', async () => {
		const result = await newHarness().runNode({
			nodeType: 'harnessRequest',
			parameters: { path: '={{ "/echo?id=" + $json.id }}' },
			input: [{ id: 7 }, { json: { id: 8 } }],
		});

		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{ json: { url: '/echo?id=7', apiKey: 'key-123' }, pairedItem: { item: 0 } },
			{ json: { url: '/echo?id=8', apiKey: 'key-123' }, pairedItem: { item: 1 } },
		]);
		expect(result.outputs).toHaveLength(1);
	});

	test('applies a function-style authenticate', async () => {
		await newHarness().runNode({
			nodeType: 'harnessRequest',
			parameters: { credentialType: 'harnessSignedApi' },
		});

		expect(server.requests.map((request) => request.url)).toEqual([
			'/echo?signature=signed-s3cret',
		]);
	});

	test('per-run credentials replace the stored ones of that type', async () => {
		const harness = newHarness();
		const result = await harness.runNode({
			nodeType: 'n8n-nodes-fulfillment.harnessRequest',
			parameters: {},
			credentials: { harnessApiKeyApi: { baseUrl: server.url, apiKey: 'other-key' } },
		});

		expect(result.items[0].json.apiKey).toBe('other-key');
		expect(harness.credentialStore().harnessApiKeyApi.apiKey).toBe('other-key');
	});

	test('continueOnFail turns a failed item into an error item with its pairedItem', async () => {
		server.route('GET /orders/1', () => ({ body: { id: 1 } }));
		server.route('GET /orders/2', () => ({ status: 500, body: { message: 'database down' } }));

		const result = await newHarness().runNode({
			nodeType: 'harnessRequest',
			parameters: { path: '={{ "/orders/" + $json.id }}' },
			input: [{ id: 1 }, { id: 2 }],
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(2);
		expect(result.items[0]).toEqual({ json: { id: 1 }, pairedItem: { item: 0 } });
		expect(result.items[1]).toEqual({
			json: { error: 'The service was not able to process your request' },
			pairedItem: { item: 1 },
		});
	});

	test('a node error gives status error with the NodeApiError fields n8n recorded', async () => {
		server.route('GET /orders/9', () => ({
			status: 404,
			body: { message: 'Order 9 does not exist' },
		}));

		const result = await newHarness().runNode({
			nodeType: 'harnessRequest',
			parameters: { path: '/orders/9' },
		});

		expect(result.status).toBe('error');
		expect(result.run.status).toBe('error');
		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: 'The resource you are requesting could not be found',
			description: 'Order 9 does not exist',
			context: { data: { message: 'Order 9 does not exist' } },
		});
	});

	test('an empty required parameter stops the run before the node executes, as in n8n', async () => {
		await expect(
			newHarness().runNode({ nodeType: 'harnessRequest', parameters: { path: '' } }),
		).rejects.toThrow(WorkflowHasIssuesError);
		expect(server.requests).toEqual([]);
	});

	test("retryOnFail reruns the node the way n8n's node setting does", async () => {
		let calls = 0;
		server.route('GET /flaky', () =>
			++calls === 1 ? { status: 503, body: {} } : { body: { ok: true } },
		);

		const result = await newHarness().runNode({
			nodeType: 'harnessRequest',
			parameters: { path: '/flaky' },
			// n8n turns a wait of 0 into 1000 ms; 1 ms keeps the test fast.
			retryOnFail: { maxTries: 2, waitBetweenTries: 1 },
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json).toEqual({ ok: true });
		expect(calls).toBe(2);
	});
});

describe('error objects thrown by httpRequestWithAuthentication', () => {
	test('an HTTP error is a NodeApiError whose cause is the AxiosError with the response', async () => {
		server.route('GET /limited', () => ({
			status: 429,
			headers: { 'Retry-After': '17' },
			body: { message: 'slow down' },
		}));
		server.route('GET /broken', () => ({
			status: 500,
			body: { code: 'E_INTERNAL', detail: 'boom' },
		}));

		const harness = newHarness();
		await harness.runNode({ nodeType: 'errorProbe', parameters: { path: '/limited' } });
		await harness.runNode({ nodeType: 'errorProbe', parameters: { path: '/broken' } });

		// Neither is retried by n8n-core: one request each.
		expect(server.requests).toHaveLength(2);
		const [limited, broken] = caughtErrors;
		expect(limited.constructor.name).toBe('NodeApiError');
		expect(limited.httpCode).toBe('429');
		expect(limited.description).toBe('slow down');
		expect(limited.cause.status).toBe(429);
		expect(limited.cause.response?.status).toBe(429);
		expect(limited.cause.response?.headers['retry-after']).toBe('17');
		expect(limited.cause.response?.data).toEqual({ message: 'slow down' });

		expect(broken.httpCode).toBe('500');
		expect(broken.message).toBe('The service was not able to process your request');
		expect(broken.cause.response?.data).toEqual({ code: 'E_INTERNAL', detail: 'boom' });
		expect(broken.context).toEqual({ data: { code: 'E_INTERNAL', detail: 'boom' } });
	});

	test('a 401 is sent twice: n8n-core retries once after pre-authentication, for any credential', async () => {
		server.route('GET /private', () => ({ status: 401, body: { message: 'bad key' } }));

		await newHarness().runNode({ nodeType: 'errorProbe', parameters: { path: '/private' } });

		expect(server.requests).toHaveLength(2);
		expect(caughtErrors[0].httpCode).toBe('401');
	});

	test('a network error keeps its code on the NodeApiError and its cause', async () => {
		server.route('GET /hang-up', () => 'reset');

		await newHarness().runNode({ nodeType: 'errorProbe', parameters: { path: '/hang-up' } });

		const [error] = caughtErrors;
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('ECONNRESET');
		expect(error.cause.code).toBe('ECONNRESET');
		expect(error.cause.response).toBeUndefined();
	});
});

describe('pre-authentication', () => {
	test('logs in once for many items, stores the token, and logs in again after a 401', async () => {
		let logins = 0;
		let validToken = '';
		server.route('POST /login', ({ body }) => {
			expect(JSON.parse(body)).toEqual({ username: 'ann', password: 'pw' });
			validToken = `token-${++logins}`;
			return { body: { token: validToken } };
		});
		server.route('GET /me', ({ headers }) =>
			headers.authorization === `Bearer ${validToken}`
				? { body: { user: 'ann' } }
				: { status: 401, body: { message: 'expired' } },
		);
		const harness = newHarness();
		const run = async () =>
			await harness.runNode({
				nodeType: 'harnessRequest',
				parameters: { credentialType: 'harnessSessionApi', path: '/me' },
				input: [{}, {}, {}],
			});

		const first = await run();
		expect(first.status).toBe('success');
		expect(first.items).toHaveLength(3);
		expect(logins).toBe(1);
		expect(harness.credentialStore().harnessSessionApi.sessionToken).toBe('token-1');

		validToken = 'revoked-by-server';
		const second = await run();
		expect(second.status).toBe('success');
		expect(logins).toBe(2);
		expect(harness.credentialStore().harnessSessionApi.sessionToken).toBe('token-2');
		expect(server.requests.filter(({ url }) => url === '/me')).toHaveLength(7);
	});
});

describe('poller', () => {
	test('keeps static data across polls and a JSON reload, but not from a manual poll', async () => {
		const events = [{ id: 1 }, { id: 2 }];
		server.route('GET /events', ({ url }) => {
			const after = Number(new URL(url, server.url).searchParams.get('after'));
			return { body: events.filter(({ id }) => id > after) };
		});
		const poller = newHarness().poller({ nodeType: 'harnessPollTrigger', parameters: {} });

		expect(await poller.poll('manual')).toEqual([[{ json: { id: 1 } }, { json: { id: 2 } }]]);
		expect(poller.staticData()).toEqual({});

		expect(await poller.poll()).toEqual([[{ json: { id: 1 } }, { json: { id: 2 } }]]);
		expect(poller.staticData()).toEqual({ cursor: 2 });
		expect(await poller.poll()).toBeNull();

		poller.reload();
		events.push({ id: 3 });
		expect(poller.staticData()).toEqual({ cursor: 2 });
		expect(await poller.poll('trigger')).toEqual([[{ json: { id: 3 } }]]);
		expect(poller.staticData()).toEqual({ cursor: 3 });
		expect(server.requests.every(({ headers }) => headers['x-api-key'] === 'key-123')).toBe(true);
	});
});

describe('testCredential', () => {
	beforeEach(() => {
		server.route('GET /me', ({ headers }) => {
			if (headers['x-api-key'] === 'no-scope') return { status: 403, body: {} };
			return headers['x-api-key'] === 'key-123'
				? { body: { ok: true } }
				: { status: 401, body: {} };
		});
	});

	test('OK when the test request succeeds, with expressions resolved', async () => {
		const result = await newHarness().testCredential('harnessApiKeyApi', {
			baseUrl: server.url,
			apiKey: 'key-123',
		});

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests[0].headers['x-probe']).toBe(String(server.url.length));
	});

	test('Error with the status text, or with the message of a matching responseCode rule', async () => {
		const harness = newHarness();

		expect(
			await harness.testCredential('harnessApiKeyApi', { baseUrl: server.url, apiKey: 'wrong' }),
		).toEqual({
			status: 'Error',
			message: 'Unauthorized',
		});
		expect(
			await harness.testCredential('harnessApiKeyApi', { baseUrl: server.url, apiKey: 'no-scope' }),
		).toEqual({
			status: 'Error',
			message: 'The key lacks the read scope',
		});
	});

	test('Error with the message of a matching responseSuccessBody rule', async () => {
		server.route('GET /status', () => ({ body: { account: { state: 'suspended' } } }));

		expect(
			await newHarness().testCredential('harnessSignedApi', { baseUrl: server.url, secret: 'x' }),
		).toEqual({
			status: 'Error',
			message: 'The account is suspended',
		});
	});

	test('Error with the network error code when the server is unreachable', async () => {
		server.route('GET /me', () => 'reset');

		expect(
			await newHarness().testCredential('harnessApiKeyApi', {
				baseUrl: server.url,
				apiKey: 'key-123',
			}),
		).toEqual({
			status: 'Error',
			message: 'ECONNRESET',
		});
	});

	test('runs pre-authentication for the tested data without touching the store', async () => {
		server.route('POST /login', () => ({ body: { token: 'test-token' } }));
		server.route('GET /me', ({ headers }) =>
			headers.authorization === 'Bearer test-token' ? { body: {} } : { status: 401, body: {} },
		);
		const harness = newHarness();

		const result = await harness.testCredential('harnessSessionApi', {
			baseUrl: server.url,
			username: 'bob',
			password: 'x',
			sessionToken: 'stale',
		});

		expect(result.status).toBe('OK');
		expect(harness.credentialStore().harnessSessionApi.sessionToken).toBeUndefined();
	});

	test('Error when the credential type has no test', async () => {
		const result = await newHarness().testCredential('harnessNoTestApi', { baseUrl: server.url });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/no test/i);
	});
});

describe('binary data', () => {
	test('a node returns a file that the next node and the test read back', async () => {
		const csv = 'sku,qty\nA-1,3\n';
		const { run, outputOf } = await newHarness().runWorkflow(
			{
				nodes: [
					{
						id: '1',
						name: 'Export',
						type: 'harnessFile',
						typeVersion: 1,
						position: [0, 0],
						parameters: { content: csv },
					},
					{
						id: '2',
						name: 'Read',
						type: 'harnessReadFile',
						typeVersion: 1,
						position: [200, 0],
						parameters: {},
					},
				],
				connections: { Export: { main: [[{ node: 'Read', type: 'main', index: 0 }]] } },
			},
			{ startNode: 'Export' },
		);

		expect(run.status).toBe('success');
		const [file] = outputOf('Export');
		expect(file.binary?.data).toMatchObject({ fileName: 'export.csv', mimeType: 'text/csv' });
		// Filesystem mode: the item carries an id, not the bytes.
		expect(file.binary?.data.id).toEqual(expect.any(String));
		expect((await readBinary(file)).toString('utf8')).toBe(csv);
		expect(outputOf('Read')[0].json).toEqual({ text: csv });
	});
});

describe('OAuth2 (credential extending oAuth2Api)', () => {
	test('client credentials: fetches a token, stores it, and sends it as a bearer header', async () => {
		let tokenRequests = 0;
		server.route('POST /oauth/token', () => {
			tokenRequests++;
			return { body: { access_token: 'oauth-token', token_type: 'Bearer', expires_in: 3600 } };
		});
		server.route('GET /echo', ({ headers }) => ({
			body: { authorization: headers.authorization },
		}));
		const harness = newHarness();
		harness.setCredentials({
			harnessOAuth2Api: { baseUrl: server.url, clientId: 'client', clientSecret: 'secret' },
		});

		const run = async () =>
			await harness.runNode({
				nodeType: 'harnessRequest',
				parameters: { credentialType: 'harnessOAuth2Api' },
			});

		expect((await run()).items[0].json).toEqual({ authorization: 'Bearer oauth-token' });
		expect(harness.credentialStore().harnessOAuth2Api.oauthTokenData).toMatchObject({
			access_token: 'oauth-token',
		});
		await run();
		expect(tokenRequests).toBe(1);
	});
});
