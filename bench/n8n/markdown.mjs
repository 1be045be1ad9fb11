#!/usr/bin/env node
// Renders `npm run bench -- --json=FILE` results as the Markdown tables of bench/README.md.
//   node bench/n8n/markdown.mjs FILE
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const LABELS = {
	pack: 'pack',
	http: 'HTTP Request',
	httpCredential: 'HTTP Request (credential)',
	raw: 'raw fetch loop',
	getMany: 'pack Get Many (same queue)',
};
const n = (ms) => Math.round(ms).toLocaleString('en');
const { machine } = results;
console.log(
	`${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} cores (${machine.model}), ${machine.memGb} GB, Node ${machine.node}; ` +
		`${results.reps} interleaved runs after a warm-up; load average before ${machine.loadBefore.map((l) => l.toFixed(1)).join(' / ')}, after ${results.loadAfter.map((l) => l.toFixed(1)).join(' / ')}.\n`,
);
console.log('| work | variant | requests | median ms | min | max | other | pack ÷ baseline |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |');
for (const row of results.rows) {
	row.variants.forEach((v, i) => {
		const other = [];
		if (v.executionMs) other.push(`execution ${n(v.executionMs.median)} ms`);
		if (v.spanMs) other.push(`first→last request ${n(v.spanMs.median)} ms`);
		if (v.heapGrowthMb) other.push(`heap+external +${v.heapGrowthMb.median.toFixed(0)} MB`);
		if (v.memoryGrowthMb) other.push(`RSS +${v.memoryGrowthMb.median.toFixed(0)} MB`);
		const ratio = i === 0 && row.ratio !== undefined ? `${row.ratio.toFixed(2)}×` : '';
		console.log(
			`| ${i === 0 ? `${row.title} (load ${row.load[0].toFixed(1)})` : ''} | ${LABELS[v.variant] ?? v.variant} | ${[...new Set(v.requests)].join('/')} | ${n(v.ms.median)} | ${n(v.ms.min)} | ${n(v.ms.max)} | ${other.join(', ')} | ${ratio} |`,
		);
	});
}
