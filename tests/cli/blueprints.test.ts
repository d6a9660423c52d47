import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-new-'));

describe('mlsd blueprints and mlsd new', () => {
  it('lists the ten blueprints with nodes, p99 and cost', async () => {
    const result = await mlsd('blueprints');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^slug\s+title\s+nodes\s+p99\s+cost\/mo$/);
    expect(lines[9]).toMatch(/^news-feed\s+Personalised news feed\s+\d+\s+[\d.]+ ms\s+\$[\d.]+k$/);
    const json = JSON.parse((await mlsd('blueprints', '--json')).stdout);
    expect(json).toHaveLength(10);
    expect(json[0]).toMatchObject({ slug: 'visual-search', title: 'Visual search' });
  });

  it('starts a new, valid diagram from a blueprint', async () => {
    const out = join(dir, 'feed.mlsd.json');
    const result = await mlsd('new', 'news-feed', '-o', out);
    expect(result).toMatchObject({ code: 0, stdout: `${out}: new diagram from "Personalised news feed" (18 nodes)\n` });
    expect(JSON.parse(readFileSync(out, 'utf8')).title).toBe('Personalised news feed');
    expect((await mlsd('validate', out)).code).toBe(0);
  });

  it('never replaces an existing file without --force', async () => {
    const out = join(dir, 'mine.mlsd.json');
    writeFileSync(out, 'my work');
    const refused = await mlsd('new', 'news-feed', '-o', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('my work');
    expect((await mlsd('new', 'news-feed', '-o', out, '--force')).code).toBe(0);
  });

  it('suggests the slug meant, and needs -o', async () => {
    const typo = await mlsd('new', 'newsfeed', '-o', join(dir, 'x.json'));
    expect(typo).toMatchObject({ code: 2 });
    expect(typo.stderr).toContain('no blueprint "newsfeed" (did you mean "news-feed"?)');
    expect((await mlsd('new', 'news-feed')).code).toBe(2);
  });
});
