/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only test code, not shipped */
import * as fs from 'node:fs';
import * as path from 'node:path';

// What CONTRIBUTING's Architecture section promises about the shared core, held to the code.

const ROOT = path.join(__dirname, '../..');
const SHARED = path.join(ROOT, 'nodes/shared');
const read = (file: string) => fs.readFileSync(file, 'utf8');

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

describe('the shared core as CONTRIBUTING describes it', () => {
	it('CONTRIBUTING names every shared module in its table, and no module that is gone', () => {
		const contributing = read(path.join(ROOT, 'CONTRIBUTING.md'));
		const listed = [...contributing.matchAll(/^\| `([\w.]+\.ts)` \|/gm)].map((match) => match[1]);
		expect(listed.sort()).toEqual(fs.readdirSync(SHARED).sort());
	});

	it('no module keeps run state in a module-level WeakMap or WeakSet', () => {
		const offenders = sources(path.join(ROOT, 'nodes')).filter((file) =>
			/^(?:export )?const \w+ = new Weak(?:Map|Set)\b/m.test(read(file)),
		);
		expect(offenders.map((file) => path.relative(ROOT, file))).toEqual([]);
	});

	it('the transport imports neither the operation registry nor the parameters, and reads no UI option', () => {
		const transport = read(path.join(SHARED, 'transport.ts'));
		expect(transport).not.toMatch(/from '\.\/(operations|parameters|items)'/);
		expect(transport).not.toMatch(/getNodeParameter/);
		// outcome.ts no longer reaches into the registry either (it used to, to name the operation).
		expect(read(path.join(SHARED, 'outcome.ts'))).not.toMatch(/from '\.\/operations'/);
	});

	it('actions/ holds operations and the list of them, nothing else', () => {
		const helpers = sources(path.join(ROOT, 'nodes'))
			.filter((file) => file.includes(`${path.sep}actions${path.sep}`))
			.filter((file) => !file.endsWith('.operation.ts') && path.basename(file) !== 'index.ts')
			.map((file) => path.relative(ROOT, file));
		expect(helpers).toEqual([]);
	});
});
