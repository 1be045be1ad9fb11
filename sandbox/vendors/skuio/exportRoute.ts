import { isoSeconds } from '../../core/clock';
import { file, type SandboxResponse } from '../../core/response';
import type { SandboxRequest } from '../../core/request';
import type { Handler } from '../../core/router';
import type { VendorContext } from '../../core/vendor';
import { unprocessable } from './errors';
import { exportColumns, exportTable, toCsv, toXlsx, type ContentMode } from './export';
import type { Fulfillment } from './model';
import { matchesFilter, paging, parseListQuery, single, sortFulfillments } from './params';
import type { Store } from './store';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET …/export`, and the padding benchmarks ask for through the control route `/export-size`. */
export interface ExportRoute {
	handler: Handler;
	/** For benchmarks: CSV exports repeat their data rows until the file has at least this many bytes. */
	csvMinBytes: number;
}

export function createExportRoute(context: VendorContext, store: Store): ExportRoute {
	const route: ExportRoute = {
		handler: async (request) => await exportFile(request),
		csvMinBytes: 0,
	};
	const exportFile = async (request: SandboxRequest): Promise<SandboxResponse> => {
		const query = request.query;
		const format = single(query, 'format') ?? 'xlsx';
		if (format !== 'xlsx' && format !== 'csv')
			unprocessable('format', 'The selected format is invalid (xlsx or csv).');
		const mode = (single(query, 'content_mode') ?? 'summary') as ContentMode;
		if (mode !== 'summary' && mode !== 'line_items')
			unprocessable(
				'content_mode',
				'The selected content mode is invalid (summary or line_items).',
			);
		const scope = single(query, 'scope') ?? 'filtered';
		const columns = exportColumns(mode, single(query, 'columns'));
		let rows: Fulfillment[];
		if (scope === 'selected') {
			const ids = single(query, 'ids');
			if (!ids || !/^\d+(,\d+)*$/.test(ids))
				unprocessable(
					'ids',
					'The ids field is required when scope is selected (comma-separated IDs).',
				);
			rows = ids.split(',').flatMap((id) => store.get(Number(id)) ?? []);
		} else if (scope === 'all') {
			rows = sortFulfillments(
				store.all().filter((f) => !f.voided_at && !f.archived_at),
				{ field: 'id', descending: true },
			);
		} else if (scope === 'filtered' || scope === 'current_page') {
			const list = parseListQuery(request);
			rows = sortFulfillments(
				store.all().filter((f) => matchesFilter(list, f)),
				list.sort,
			);
			if (scope === 'current_page') {
				const { page, perPage } = paging(query, 10);
				rows = rows.slice((page - 1) * perPage, page * perPage);
			}
		} else {
			unprocessable(
				'scope',
				'The selected scope is invalid (filtered, all, current_page or selected).',
			);
		}
		const table = exportTable(rows, mode, columns);
		const stamp = isoSeconds(context.clock.now())
			.replace(/[-:]/g, '')
			.replace('T', '-')
			.replace('Z', '');
		const filename = `sales-order-fulfillments-${stamp}.${format}`;
		return format === 'csv'
			? file(toCsv(padRows(table, route.csvMinBytes)), {
					contentType: 'text/csv; charset=UTF-8',
					filename,
				})
			: file(await toXlsx(table), { contentType: XLSX_TYPE, filename });
	};
	return route;
}

/** The header, then the data rows over and over until they reach about `minBytes` as CSV. */
function padRows(
	table: ReturnType<typeof exportTable>,
	minBytes: number,
): ReturnType<typeof exportTable> {
	const [header, ...rows] = table;
	if (minBytes === 0 || rows.length === 0) return table;
	const rowBytes = rows.reduce((sum, row) => sum + row.join(',').length + 2, 0);
	const copies = Math.max(1, Math.ceil(minBytes / rowBytes));
	const padded = [header];
	for (let copy = 0; copy < copies; copy++) padded.push(...rows);
	return padded;
}
