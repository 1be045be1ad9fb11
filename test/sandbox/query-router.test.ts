import { parseQuery } from '../../sandbox/core/query';
import { Router } from '../../sandbox/core/router';
import { file, json } from '../../sandbox/core/response';

describe('sandbox query parsing', () => {
	it('keeps bracketed keys raw and nests them', () => {
		const search =
			'filter_groups[conjunction]=and&filter_groups[children][0][type]=condition' +
			'&filter_groups[children][0][condition][column]=status&filter_groups[children][1][condition][value]=a%20b' +
			'&ids[]=1&ids[]=2&status=In+Production&tag=x&tag=y&__proto__[polluted]=1&constructor=2';
		const { raw, nested } = parseQuery(search);
		expect(raw['filter_groups[children][0][condition][column]']).toBe('status');
		expect(raw.tag).toEqual(['x', 'y']);
		expect(Object.keys(raw)).not.toContain('constructor');
		expect(raw.status).toBe('In Production');
		expect(nested).toEqual({
			filter_groups: {
				conjunction: 'and',
				children: [
					{ type: 'condition', condition: { column: 'status' } },
					{ condition: { value: 'a b' } },
				],
			},
			ids: ['1', '2'],
			status: 'In Production',
			tag: ['x', 'y'],
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('sandbox router', () => {
	const router = new Router()
		.get('/orders/:id', () => json(200, {}))
		.put('/orders/:id', () => json(200, {}));

	it('matches path params URL-decoded, and tells a wrong method from a missing route', () => {
		expect(router.match('GET', '/orders/FO%2F12%20a')).toMatchObject({
			kind: 'found',
			params: { id: 'FO/12 a' },
		});
		expect(router.match('DELETE', '/orders/1')).toEqual({
			kind: 'method-not-allowed',
			allowed: ['GET', 'PUT'],
		});
		expect(router.match('GET', '/orders/1/lines')).toEqual({ kind: 'not-found' });
		expect(() => router.match('GET', '/orders/%E0%A4%A')).toThrow(/percent-encoding/);
	});
});

describe('sandbox response helpers', () => {
	it('sends a file as an attachment with its content type and filename', () => {
		const data = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
		const response = file(data, { contentType: 'text/csv', filename: 'fulfillments "2026".csv' });
		expect(response).toEqual({
			status: 200,
			headers: {
				'Content-Type': 'text/csv',
				'Content-Disposition': 'attachment; filename="fulfillments _2026_.csv"',
			},
			body: data,
		});
	});
});
