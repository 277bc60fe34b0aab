import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { extractReports, ReportParseError } from '../src/index.js';
import { SEEDS, seedBytes } from './helpers.js';
import { docxFromText } from './fixtures.js';

async function codeOf(bytes: Uint8Array, name: string, options?: Parameters<typeof extractReports>[2]): Promise<string> {
  try {
    await extractReports(bytes, name, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportParseError);
    const e = error as ReportParseError;
    expect(e.message.startsWith(`${name}：`)).toBe(true);
    expect(e.message).not.toMatch(/\n|at .*\.(ts|js):\d+/);
    return e.code;
  }
  throw new Error('no error thrown');
}

async function zipBomb(): Promise<Uint8Array> {
  const zip = new JSZip();
  const zeros = new Uint8Array(20 * 1024 * 1024);
  zip.file('[Content_Types].xml', '<Types/>');
  for (let i = 0; i < 12; i++) zip.file(`word/media/pad${i}.bin`, zeros);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

let docx: Uint8Array;
let bomb: Uint8Array;
beforeAll(async () => {
  docx = await docxFromText(new TextDecoder().decode(seedBytes(SEEDS.liuyang)));
  bomb = await zipBomb();
}, 60000);

describe('bad input gives a typed error, never a partial document', () => {
  test('empty file', async () => {
    expect(await codeOf(new Uint8Array(), 'empty.txt')).toBe('EMPTY_FILE');
    expect(await codeOf(new TextEncoder().encode('  \n\n '), 'blank.txt')).toBe('EMPTY_FILE');
  });

  test('binary garbage named .txt', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await codeOf(garbage, 'garbage.txt')).toBe('BINARY_CONTENT');
  });

  test('readable text that is not a report', async () => {
    expect(await codeOf(new TextEncoder().encode('hello world\nnothing to see'), 'hello.txt')).toBe('NOT_A_REPORT');
  });

  test('truncated .docx and .pdf', async () => {
    expect(await codeOf(docx.slice(0, Math.floor(docx.length / 2)), 'cut.docx')).toBe('CORRUPT_FILE');
    const pdf = seedBytes('../../libs/report-parser/test/fixtures/liuyang-2021.pdf');
    expect(await codeOf(pdf.slice(0, Math.floor(pdf.length / 2)), 'cut.pdf')).toBe('CORRUPT_FILE');
    expect(await codeOf(new TextEncoder().encode('not a pdf at all'), 'fake.pdf')).toBe('CORRUPT_FILE');
  });

  test('zip bomb named .docx', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await codeOf(bomb, 'bomb.docx')).toBe('ZIP_BOMB');
  });

  test('over the size limit (configurable)', async () => {
    expect(await codeOf(seedBytes(SEEDS.liuyang), 'big.txt', { maxBytes: 1000 })).toBe('TOO_LARGE');
  });

  test('unsupported extension', async () => {
    expect(await codeOf(seedBytes(SEEDS.liuyang), 'report.doc')).toBe('UNSUPPORTED_FORMAT');
    expect(await codeOf(seedBytes(SEEDS.liuyang), 'noextension')).toBe('UNSUPPORTED_FORMAT');
  });

  test('invalid JSON and JSON that is not a ReportDocument', async () => {
    expect(await codeOf(new TextEncoder().encode('{"schemaVersion": 1,'), 'doc.json')).toBe('INVALID_JSON');
    expect(await codeOf(new TextEncoder().encode('{"schemaVersion": 1}'), 'doc.json')).toBe('INVALID_JSON');
  });
});

describe('CLI', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const cli = join(root, 'libs/report-parser/dist/cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'report-parser-'));
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'libs/report-parser'], { cwd: root });
  }, 120000);
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

  test('prints one document, --all prints every report', () => {
    const one = run('data/reports/000_6072ead37e57a340.txt');
    expect(one.status).toBe(0);
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout).reportKind).toBe('department_overall');
    const all = JSON.parse(run('data/reports/000_6072ead37e57a340.txt', '--all').stdout);
    expect(all.map((r: { reportKind: string }) => r.reportKind)).toEqual(['department_overall', 'project']);
    expect(run('data/reports/000_6072ead37e57a340.txt', '--pretty').stdout).toContain('\n  "schemaVersion": 1');
  });

  const cases: [string, Uint8Array | string, string][] = [
    ['empty.txt', new Uint8Array(), 'EMPTY_FILE'],
    ['garbage.txt', new Uint8Array(2048).map((_, i) => (i * 31 + 7) % 256), 'BINARY_CONTENT'],
    ['cut.docx', 'cut-docx', 'CORRUPT_FILE'],
    ['bomb.docx', 'bomb', 'ZIP_BOMB'],
    ['report.odt', new TextEncoder().encode('预算'), 'UNSUPPORTED_FORMAT'],
  ];
  test.each(cases)('%s → non-zero exit and one clear line', (name, content, code) => {
    const bytes = content === 'cut-docx' ? docx.slice(0, 3000) : content === 'bomb' ? bomb : (content as Uint8Array);
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const r = run(file);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(code);
    expect(lines[0]).toContain(file);
  });

  test('a file over 20 MB is refused by the CLI', () => {
    const file = join(dir, 'huge.txt');
    writeFileSync(file, Buffer.alloc(21 * 1024 * 1024, 0x41));
    const r = run(file);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/TOO_LARGE.*huge\.txt.*20 MB/);
  });

  test('a missing file', () => {
    const r = run(join(dir, 'nope.txt'));
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
