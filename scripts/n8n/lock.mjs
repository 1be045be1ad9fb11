// A lock folder holding the owner's pid, so two processes never install into the same place at once.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export async function withLock(lockDir, { log = console.error, what = 'the lock' } = {}, fn) {
	let announced = false;
	mkdirSync(path.dirname(lockDir), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lockDir, { recursive: false });
			writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			if (!ownerAlive(lockDir)) {
				rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!announced) log(`[lock] waiting for another process to finish ${what} (${lockDir})`);
			announced = true;
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}

function ownerAlive(lockDir) {
	let pid;
	try {
		pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
	} catch {
		// Just created by its owner, pid not written yet.
		return true;
	}
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}
