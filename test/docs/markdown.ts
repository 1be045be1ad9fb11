// Reading our Markdown the way GitHub renders it: headings and their anchors, and links.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import { existsSync, readdirSync, readFileSync } from 'fs';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import path from 'path';

// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- a test, never shipped
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Lines outside fenced code blocks, with their 1-based line numbers. */
function proseLines(text: string): Array<{ line: string; number: number }> {
	const lines: Array<{ line: string; number: number }> = [];
	let fence: string | undefined;
	text.split('\n').forEach((line, index) => {
		const marker = /^\s*(```|~~~)/.exec(line)?.[1];
		if (marker && (!fence || fence === marker)) {
			fence = fence ? undefined : marker;
			return;
		}
		if (!fence) lines.push({ line, number: index + 1 });
	});
	return lines;
}

/** The text GitHub shows for inline Markdown: code spans, emphasis and links reduced to their text. */
function renderedText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/(\*\*|__)(.*?)\1/g, '$2')
		.replace(/(\*|_)(.*?)\1/g, '$2')
		.replace(/<[^>]+>/g, '');
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
	return renderedText(heading)
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** Every anchor of a Markdown file, with GitHub's -1, -2… suffixes for repeated headings. */
export function anchorsOf(file: string): Set<string> {
	const anchors = new Set<string>();
	const counts = new Map<string, number>();
	for (const { line } of proseLines(readFileSync(file, 'utf8'))) {
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
		if (heading === undefined) continue;
		const slug = githubSlug(heading);
		const seen = counts.get(slug) ?? 0;
		counts.set(slug, seen + 1);
		anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
	}
	return anchors;
}

export interface MarkdownLink {
	file: string;
	line: number;
	target: string;
}

/** Every inline link and image of a Markdown file outside code blocks and code spans. */
export function linksOf(file: string): MarkdownLink[] {
	const links: MarkdownLink[] = [];
	for (const { line, number } of proseLines(readFileSync(file, 'utf8'))) {
		const withoutCode = line.replace(/`[^`]*`/g, '');
		for (const match of withoutCode.matchAll(
			/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
		))
			links.push({ file, line: number, target: match[1] });
	}
	return links;
}

/**
 * What is wrong with a link to `target` (a repository path, optionally `#anchor`), or undefined.
 * `from` is the file the link is in (for a bare `#anchor`).
 */
export function linkProblem(relativeTarget: string, from: string): string | undefined {
	const [pathPart, anchor] = relativeTarget.split('#', 2) as [string, string | undefined];
	const file =
		pathPart === '' ? from : path.resolve(path.dirname(from), decodeURIComponent(pathPart));
	if (!file.startsWith(repoRoot)) return `${relativeTarget} leaves the repository`;
	if (!existsSync(file)) return `${path.relative(repoRoot, file)} does not exist`;
	if (anchor === undefined || anchor === '') return undefined;
	if (!file.endsWith('.md')) return `${relativeTarget}: an anchor into a file that is not Markdown`;
	if (!anchorsOf(file).has(anchor))
		return `${path.relative(repoRoot, file)} has no heading with the anchor #${anchor}`;
	return undefined;
}

/** The Markdown files a reader navigates: README, CONTRIBUTING, CHANGELOG and docs/. */
export function documentationFiles(): string[] {
	const docs = path.join(repoRoot, 'docs');
	return [
		...['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'].map((name) => path.join(repoRoot, name)),
		...readdirSync(docs)
			.filter((name) => name.endsWith('.md'))
			.map((name) => path.join(docs, name)),
	].filter((file) => existsSync(file));
}

/** The GitHub URL of this repository, from package.json (repository and homepage must agree). */
export function repositoryUrl(): string {
	const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const repository = String(pkg.repository?.url ?? pkg.repository)
		.replace(/^git\+/, '')
		.replace(/\.git$/, '');
	const homepage = String(pkg.homepage).replace(/#.*$/, '');
	if (repository !== homepage)
		throw new Error(`package.json repository (${repository}) and homepage (${homepage}) differ`);
	return repository;
}
