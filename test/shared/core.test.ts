/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, not shipped */
import { buildBatches } from '../../nodes/shared/bulk';
import { paginate, PARALLEL_PAGES } from '../../nodes/shared/pagination';
import { encodePath } from '../../nodes/shared/transport';
import {
	backoffDelay,
	isRetryableNetworkError,
	parseRetryAfter,
	shouldRetry,
} from '../../nodes/shared/retry';
import type { INode } from 'n8n-workflow';
import {
	readFailure,
	redact,
	secretsOf,
	textOfBody,
	vendorApiError,
} from '../../nodes/shared/errors';
import type { VendorApi } from '../../nodes/shared/types';

describe('encodePath', () => {
	it('keeps every interpolated value inside one segment', () => {
		expect(encodePath`/orders/${'../x?y'}/status`).toBe('/orders/..%2Fx%3Fy/status');
		expect(encodePath`/a/${'b c#d'}`).toBe('/a/b%20c%23d');
		expect(encodePath`/orders/${1042}`).toBe('/orders/1042');
	});

	it('refuses dot segments and empty ids', () => {
		expect(() => encodePath`/orders/${'..'}`).toThrow('cannot be used');
		expect(() => encodePath`/orders/${'.'}`).toThrow('cannot be used');
		expect(() => encodePath`/orders/${''}`).toThrow('cannot be used');
	});
});

describe('paginate', () => {
	const source =
		(count: number, calls: Array<[number, number]>, withTotal = true) =>
		async (page: number, pageSize: number) => {
			calls.push([page, pageSize]);
			const start = (page - 1) * pageSize;
			const items = Array.from(
				{ length: Math.max(0, Math.min(pageSize, count - start)) },
				(_, i) => start + i,
			);
			return { items, total: withTotal ? count : undefined };
		};

	it('stops when the total is reached, using the largest page size', async () => {
		const calls: Array<[number, number]> = [];
		const items = await paginate(source(250, calls), {
			returnAll: true,
			limit: 0,
			maxPageSize: 100,
		});
		expect(items).toHaveLength(250);
		expect(items[249]).toBe(249);
		expect(calls).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
	});

	it('stops at an empty page when there is no total', async () => {
		const calls: Array<[number, number]> = [];
		const items = await paginate(source(200, calls, false), {
			returnAll: true,
			limit: 0,
			maxPageSize: 100,
		});
		expect(items).toHaveLength(200);
		expect(calls.map(([page]) => page)).toEqual([1, 2, 3]);
	});

	it('stops on a short page of a fixed-size listing without asking for the empty one', async () => {
		const calls: Array<[number, number]> = [];
		await paginate(source(150, calls, false), {
			returnAll: true,
			limit: 0,
			maxPageSize: 100,
			fixedPageSize: true,
		});
		expect(calls.map(([page]) => page)).toEqual([1, 2]);
	});

	it('asks the pages left after the first a few at a time, keeping page order and the request count', async () => {
		let active = 0;
		let peak = 0;
		const calls: number[] = [];
		const items = await paginate(
			async (page, pageSize) => {
				calls.push(page);
				peak = Math.max(peak, ++active);
				// Later pages answer sooner: the order must still be the pages' order.
				await new Promise((resolve) => setImmediate(resolve));
				if (page % 2) await new Promise((resolve) => setImmediate(resolve));
				active--;
				const start = (page - 1) * pageSize;
				return {
					items: Array.from(
						{ length: Math.max(0, Math.min(pageSize, 1050 - start)) },
						(_, i) => start + i,
					),
					total: 1050,
				};
			},
			{ returnAll: true, limit: 0, maxPageSize: 100 },
		);
		expect(items).toEqual([...Array(1050).keys()]);
		expect(calls.sort((a, b) => a - b)).toEqual([...Array(11).keys()].map((i) => i + 1));
		expect(peak).toBe(PARALLEL_PAGES);
	});

	it('asks no page beyond the limit, and goes on page by page when the total grows', async () => {
		const calls: Array<[number, number]> = [];
		const limited = await paginate(source(1000, calls), {
			returnAll: false,
			limit: 250,
			maxPageSize: 100,
		});
		expect(limited).toEqual([...Array(250).keys()]);
		expect(calls.map(([page]) => page).sort()).toEqual([1, 2, 3]);

		let total = 250;
		const grown = await paginate(
			async (page, pageSize) => {
				const start = (page - 1) * pageSize;
				const answer = {
					items: Array.from(
						{ length: Math.max(0, Math.min(pageSize, total - start)) },
						(_, i) => start + i,
					),
					total,
				};
				if (page === 2) total = 320;
				return answer;
			},
			{ returnAll: true, limit: 0, maxPageSize: 100 },
		);
		expect(grown).toHaveLength(320);
	});

	it('stops at an empty page when the list shrank while its pages were read', async () => {
		const items = await paginate(
			async (page, pageSize) => ({
				items: page <= 2 ? Array(pageSize).fill(page) : [],
				total: 600,
			}),
			{ returnAll: true, limit: 0, maxPageSize: 100 },
		);
		expect(items).toHaveLength(200);
	});

	it('honours the limit with a page no larger than needed', async () => {
		const calls: Array<[number, number]> = [];
		const items = await paginate(source(500, calls), {
			returnAll: false,
			limit: 7,
			maxPageSize: 100,
		});
		expect(items).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(calls).toEqual([[1, 7]]);
	});
});

describe('retry rules', () => {
	it('retries 429 always, 5xx and network errors only when safe to repeat', () => {
		expect(shouldRetry({ status: 429, network: false }, false)).toBe(true);
		expect(shouldRetry({ status: 500, network: false }, false)).toBe(false);
		expect(shouldRetry({ status: 503, network: false }, true)).toBe(true);
		expect(shouldRetry({ network: true }, false)).toBe(false);
		expect(shouldRetry({ network: true }, true)).toBe(true);
		expect(shouldRetry({ status: 400, network: false }, true)).toBe(false);
	});

	it('backs off exponentially with jitter within bounds', () => {
		expect(backoffDelay(0, () => 0)).toBe(250);
		expect(backoffDelay(0, () => 1)).toBe(500);
		expect(backoffDelay(3, () => 0.5)).toBe(3000);
		expect(backoffDelay(20, () => 1)).toBe(30000);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(['1.5'])).toBe(1500);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});
});

describe('buildBatches', () => {
	it('groups by key in input order and splits groups at the batch size', () => {
		const entries = [1, 2, 3, 4, 5].map((value, itemIndex) => ({
			itemIndex,
			value,
			group: value % 2 ? 'odd' : 'even',
		}));
		const batches = buildBatches(entries, (g) => g, 2);
		expect(batches.map((b) => [b.group, b.entries.map((e) => e.value)])).toEqual([
			['odd', [1, 3]],
			['odd', [5]],
			['even', [2, 4]],
		]);
	});
});

describe('redact', () => {
	it('removes every occurrence of each secret', () => {
		expect(redact('token sk_live_abc and sk_live_abc again', ['sk_live_abc'])).toBe(
			'token *** and *** again',
		);
		expect(redact('short ab stays', ['ab'])).toBe('short ab stays');
	});

	it('replaces a secret that contains another one whole', () => {
		expect(redact('token sk_live_abcdef', ['sk_live', 'sk_live_abcdef'])).toBe('token ***');
	});
});

describe('textOfBody', () => {
	it('keeps the words of an HTML page and plain text comparisons, and cuts long text', () => {
		expect(
			textOfBody('<!DOCTYPE html><html><style>p {}</style><p>Service <b>down</b></p></html>'),
		).toBe('Service down');
		expect(textOfBody('quantity must be < 5 and > 0')).toBe('quantity must be < 5 and > 0');
		expect(textOfBody('x'.repeat(300))).toHaveLength(198);
		expect(textOfBody(' \n ')).toBeUndefined();
	});
});

describe('secretsOf and vendorApiError', () => {
	const vendor: VendorApi = {
		displayName: 'Vendor',
		credentialType: 'vendorApi',
		baseUrl: () => 'https://vendor.test',
		secretFields: ['apiToken', 'oauthTokenData.access_token'],
		parseError: (body) => (body as { error: { code: string; message: string } }).error,
	};
	const node = {
		name: 'Vendor',
		type: 'vendor',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	} as unknown as INode;

	it('reads secrets inside objects by a dotted name', () => {
		expect(
			secretsOf(vendor, { apiToken: 'tok_1234', oauthTokenData: { access_token: 'at_5678' } }),
		).toEqual(['tok_1234', 'at_5678']);
		expect(secretsOf(vendor, { apiToken: '', oauthTokenData: 'not an object' })).toEqual([]);
	});

	it('redacts the vendor code kept in the error response, not only the message', () => {
		const body = { error: { code: 'bad_token_tok_1234', message: 'Invalid tok_1234' } };
		const error = vendorApiError(node, vendor, { status: 401, headers: {}, body, message: '' }, [
			'tok_1234',
		]);
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain('tok_1234');
		expect(error.errorResponse?.code).toBe('bad_token_***');
	});
});

describe('readFailure', () => {
	it('sees a lost connection that n8n 1.x wrapped in a NodeApiError with a friendly message', () => {
		const wrapped = Object.assign(
			new Error('The connection to the server was closed unexpectedly'),
			{
				httpCode: 'ECONNRESET',
				messages: ['socket hang up'],
			},
		);
		const failure = readFailure(wrapped);
		expect(failure).toMatchObject({ status: undefined, code: 'ECONNRESET' });
		expect(isRetryableNetworkError(failure.code, (failure.messages ?? []).join('\n'))).toBe(true);
		expect(readFailure(Object.assign(new Error('Bad gateway'), { httpCode: '502' }))).toMatchObject(
			{
				status: 502,
				code: undefined,
			},
		);
	});
});
