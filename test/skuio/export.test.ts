import ExcelJS from 'exceljs';
import type { IDataObject } from 'n8n-workflow';
import { readBinary } from '../harness';
import { fulfillment, requests, run, seed, store, useSkuIo } from './helpers';

/** RFC 4180 rows, enough for the sandbox's files. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n') {
			row.push(field.replace(/\r$/, ''));
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
	}
	return rows;
}

describe('SKU.io › Fulfillment › Export', () => {
	const env = useSkuIo();
	const exportFile = (parameters: IDataObject, input?: IDataObject[], continueOnFail = false) =>
		run(env, fulfillment('export', { ...parameters }), input, continueOnFail);
	/** A CSV summary of the fulfillments whose IDs the input items bring in `ids`. */
	const selectedByInput = (options: IDataObject) => ({
		format: 'csv',
		contentMode: 'summary',
		scope: 'selected',
		fulfillmentIds: '={{ $json.ids }}',
		options,
	});

	it('exports the filtered fulfillments as a CSV file whose rows match the sandbox data', async () => {
		const shipfusion = seed(env, 3, { fulfillmentType: 'shipfusion' });
		seed(env, 2, { fulfillmentType: 'fba' });
		const result = await exportFile({
			format: 'csv',
			contentMode: 'summary',
			scope: 'filtered',
			filters: { fulfillmentType: 'shipfusion' },
		});
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary?.data).toMatchObject({ mimeType: 'text/csv', fileExtension: 'csv' });
		expect(item.binary?.data.fileName).toMatch(/^sales-order-fulfillments-\d{8}-\d{6}\.csv$/);
		expect(item.json).toEqual({
			file_name: item.binary?.data.fileName,
			format: 'csv',
			content_mode: 'summary',
			scope: 'filtered',
		});
		expect(requests(env, '/export')[0].query).toEqual({
			format: 'csv',
			content_mode: 'summary',
			scope: 'filtered',
			'filter[fulfillment_type]': 'shipfusion',
		});
		expect(requests(env, '/export')[0].headers.accept).toBe('application/octet-stream');

		const rows = parseCsv((await readBinary(item)).toString('utf8'));
		expect(rows[0]).toEqual([
			'ID',
			'Fulfillment #',
			'Status',
			'Type',
			'Order #',
			'Customer',
			'Warehouse',
			'Tracking #',
			'Req. Method',
			'Req. Method (Manual)',
			'Ful. Method',
			'Ful. Method (Manual)',
			'Items',
			'Qty',
			'Cost',
			'Fulfilled At',
			'Packing Slip Printed At',
			'Created At',
			'Updated At',
		]);
		const expected = [...shipfusion].reverse().map((id) => {
			const f = store(env).get(id)!;
			return [
				String(f.id),
				f.fulfillment_number,
				f.status,
				f.fulfillment_type,
				f.sales_order_number,
				f.customer_name,
				f.warehouse_name,
				f.tracking_number ?? '',
				f.requested_shipping_method,
				f.requested_shipping_method_manual ?? '',
				f.fulfillment_shipping_method ?? '',
				f.fulfillment_shipping_method_manual ?? '',
				String(f.lines.length),
				String(f.lines.reduce((sum, line) => sum + line.quantity, 0)),
				String(f.cost),
				f.fulfilled_at ?? '',
				f.packing_slip_printed_at ?? '',
				f.created_at,
				f.updated_at,
			];
		});
		expect(rows.slice(1)).toEqual(expected);
	});

	it('exports line items as a real XLSX workbook, one row per line', async () => {
		const ids = seed(env, 2, { lines: 3 });
		const result = await exportFile({
			format: 'xlsx',
			contentMode: 'line_items',
			scope: 'all',
			options: { columns: 'id, item_sku,item_qty , line_total', binaryPropertyName: 'sheet' },
		});
		expect(result.status).toBe('success');
		const binary = result.items[0].binary?.sheet;
		expect(binary?.mimeType).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		);
		expect(binary?.fileName).toMatch(/\.xlsx$/);
		expect(requests(env, '/export')[0].query).toEqual({
			format: 'xlsx',
			content_mode: 'line_items',
			scope: 'all',
			columns: 'id,item_sku,item_qty,line_total',
		});

		const workbook = new ExcelJS.Workbook();
		const bytes = await readBinary(result.items[0], 'sheet');
		await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
		const sheet = workbook.getWorksheet('Fulfillments')!;
		const values = sheet
			.getSheetValues()
			.slice(1)
			.map((row) => (row as unknown[]).slice(1));
		const expected = [...ids].reverse().flatMap((id) =>
			store(env)
				.get(id)!
				.lines.map((line) => [
					id,
					line.sku,
					line.quantity,
					Math.round(line.quantity * line.unit_price * 100) / 100,
				]),
		);
		expect(values).toEqual([['ID', 'Item SKU', 'Item Qty', 'Line Total'], ...expected]);
	});

	it('gathers the IDs of all input items into one file of the selected fulfillments, paired to every item', async () => {
		const ids = seed(env, 5);
		const result = await exportFile(
			selectedByInput({ columns: 'id,status', fileName: 'picked.csv' }),
			[{ ids: `${ids[3]},${ids[0]}` }, { ids: [ids[4]] }, { ids: ids[0] }],
		);
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].binary?.data.fileName).toBe('picked.csv');
		expect(requests(env, '/export')).toHaveLength(1);
		expect(requests(env, '/export')[0].query).toMatchObject({
			scope: 'selected',
			ids: `${ids[3]},${ids[0]},${ids[4]}`,
		});
		const rows = parseCsv((await readBinary(result.items[0])).toString('utf8'));
		expect(rows).toEqual([
			['ID', 'Status'],
			[String(ids[3]), 'submitted'],
			[String(ids[0]), 'submitted'],
			[String(ids[4]), 'submitted'],
		]);
	});

	it('counts each selected ID once toward the 500 IDs of a file, so IDs that several items bring are not split over files', async () => {
		const ids = seed(env, 300);
		const result = await exportFile(selectedByInput({ columns: 'id' }), [
			{ ids },
			{ ids: [...ids].reverse() },
		]);
		expect(result.status).toBe('success');
		expect(requests(env, '/export')).toHaveLength(1);
		expect(requests(env, '/export')[0].query.ids).toBe(ids.join(','));
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('quotes commas and quotes so the CSV round-trips', async () => {
		const [id] = seed(env, 1, { lines: 2 });
		const result = await exportFile({
			format: 'csv',
			contentMode: 'line_items',
			scope: 'selected',
			fulfillmentIds: String(id),
			options: { columns: 'item_description' },
		});
		const text = (await readBinary(result.items[0])).toString('utf8');
		expect(parseCsv(text).slice(1).flat()).toEqual(
			store(env)
				.get(id)!
				.lines.map((line) => line.description),
		);
		expect(text).toContain('"Gadget with ""quotes"", and a comma"');
	});

	it('refuses a bad ID in any item before exporting anything', async () => {
		seed(env, 2);
		const result = await exportFile(
			{
				format: 'csv',
				contentMode: 'summary',
				scope: 'selected',
				fulfillmentIds: '={{ $json.id }}',
			},
			[{ id: 1001 }, { id: 'x1' }],
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Fulfillment IDs must be positive integers; "x1" is not [item 1]',
		);
		expect(requests(env)).toHaveLength(0);
	});

	it("shows SKU.io's 422 for an unknown column, and outputs it as an error item under continueOnFail", async () => {
		seed(env, 1);
		const result = await exportFile(
			{ format: 'csv', contentMode: 'summary', scope: 'all', options: { columns: 'id,colour' } },
			undefined,
			true,
		);
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(/HTTP 422\): Unknown columns: colour/);
		expect(result.items[0].binary).toBeUndefined();
	});
});
