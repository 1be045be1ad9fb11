import { bracketQuery } from '../../nodes/shared/bracketQuery';
import { fileNameFromContentDisposition, headerText } from '../../nodes/shared/download';

describe('shared helpers added for SKU.io', () => {
	it('bracketQuery flattens nested objects and arrays into bracketed keys, leaving out empty values', () => {
		expect(
			bracketQuery({
				filter: { status: 'submitted', archived: undefined, warehouse_id: 2 },
				filter_groups: {
					conjunction: 'or',
					children: [{ type: 'condition', condition: { column: 'sku', value: '' } }],
				},
				sort: '-id',
				none: null,
			}),
		).toEqual({
			'filter[status]': 'submitted',
			'filter[warehouse_id]': 2,
			'filter_groups[conjunction]': 'or',
			'filter_groups[children][0][type]': 'condition',
			'filter_groups[children][0][condition][column]': 'sku',
			'filter_groups[children][0][condition][value]': '',
			sort: '-id',
		});
		expect(bracketQuery({ status: 'x' }, 'filters')).toEqual({ 'filters[status]': 'x' });
	});

	it.each([
		['attachment; filename="sales-order-fulfillments.csv"', 'sales-order-fulfillments.csv'],
		['attachment; filename=plain.xlsx', 'plain.xlsx'],
		[
			`attachment; filename="fallback.csv"; filename*=UTF-8''Lieferungen%20M%C3%A4rz.csv`,
			'Lieferungen März.csv',
		],
		['attachment; filename="..\\\\..\\\\etc/passwd"', 'passwd'],
		['attachment; filename="a \\"quoted\\" name.csv"', 'a "quoted" name.csv'],
		['inline', undefined],
		[undefined, undefined],
	])('reads the file name from Content-Disposition %s', (header, expected) => {
		expect(fileNameFromContentDisposition(header)).toBe(expected);
	});

	it('reads a header case-insensitively', () => {
		expect(headerText({ 'Content-Type': 'text/csv' }, 'content-type')).toBe('text/csv');
		expect(headerText({ 'set-cookie': ['a', 'b'] }, 'Set-Cookie')).toBe('a');
		expect(headerText({}, 'content-type')).toBeUndefined();
	});
});
