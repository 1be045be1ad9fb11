/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, not shipped */
// Runs before each test file imports n8n-core, whose config classes read these variables once.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// InstanceSettings writes a config file with a new encryption key into N8N_USER_FOLDER (the home
// folder by default), and binary data goes below it. One folder per jest worker, emptied for each
// test file; jest gives test files their own `process` copy whose 'exit' never fires, so folders
// of finished workers are removed here instead.
const root = join(tmpdir(), 'n8n-nodes-fulfillment-jest');
mkdirSync(root, { recursive: true });
for (const pid of readdirSync(root)) {
	if (pid === String(process.pid) || !isRunning(Number(pid))) {
		rmSync(join(root, pid), { recursive: true, force: true });
	}
}
const userFolder = join(root, String(process.pid));
mkdirSync(userFolder);
process.env.N8N_USER_FOLDER = userFolder;
// n8n's logger and error reporter print every node error (with stack) otherwise.
process.env.N8N_LOG_LEVEL = 'silent';

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
