/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- dev-only test code, not shipped */
// Runs this repository's packaging scripts as a user would (they are ES modules; jest runs CommonJS).
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export function runScript(script: string, args: string[], input?: string) {
	const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', script), ...args], {
		cwd: repoRoot,
		encoding: 'utf8',
		input,
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface Vendor {
	dir: string;
	name: string;
	nodeTypes: string[];
	words: string[];
	n8n: { nodes: string[]; credentials: string[] };
}

export function vendors(): Vendor[] {
	return ['orderprotection', 's2', 'sellfern', 'shipperone', 'skuio'].map((dir) => ({
		dir,
		...JSON.parse(readFileSync(path.join(repoRoot, 'packages', dir, 'vendor.json'), 'utf8')),
	}));
}

export const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
