// Every credential type of the pack: a sandbox credential exists in n8n, n8n's credential test
// passes with it and fails when its secret is wrong.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { connect, declaredPackTypes } from './support/e2e.mjs';

let ctx;
beforeAll(async () => {
	ctx = await connect();
});

const declared = declaredPackTypes().credentials;

describe('credentials', () => {
	test('every credential type has a sandbox credential', () => {
		expect(ctx.info.credentialProblems).toEqual([]);
		expect(ctx.info.credentials.map((credential) => credential.type).sort()).toEqual(
			declared.map((credential) => credential.name).sort(),
		);
	});

	describe.each(declared.map((credential) => [credential.name]))('%s', (type) => {
		const stored = () => {
			const credential = ctx.info.credentials.find((candidate) => candidate.type === type);
			if (!credential) throw new Error(`no sandbox credential of type ${type}`);
			return credential;
		};

		test('the credential test passes with the sandbox credential', async () => {
			const { id, name, data } = stored();
			const since = await ctx.sandbox.ledgerMark();
			expect(await ctx.client.testCredential({ id, name, type, data })).toEqual({
				status: 'OK',
				message: expect.any(String),
			});
			// It really asked the sandbox.
			const requests = await ctx.sandbox.ledger({
				vendor: stored().vendor,
				type: 'request',
				since,
			});
			expect(requests.length).toBeGreaterThan(0);
		});

		test('the credential test fails with a wrong secret', async () => {
			const { id, name, data, secretFields } = stored();
			expect(secretFields.length).toBeGreaterThan(0);
			for (const field of secretFields) {
				const wrong = { ...data, [field]: `wrong-${data[field] ?? 'secret'}` };
				const result = await ctx.client.testCredential({ id, name, type, data: wrong });
				expect({ field, status: result.status }).toEqual({ field, status: 'Error' });
				expect(result.message).toMatch(/\S/);
			}
		});
	});
});
