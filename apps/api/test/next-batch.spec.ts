import { NextBatch } from '../src/database/next-batch.js';

/** A read the test answers by hand: each call is kept with its keys until resolved or rejected. */
function manualReader() {
  const calls: { keys: string[]; resolve: (m: Map<string, string>) => void; reject: (e: unknown) => void }[] = [];
  const read = (keys: string[]) => new Promise<Map<string, string>>((resolve, reject) => calls.push({ keys, resolve, reject }));
  return { calls, batch: new NextBatch<string, string>(read) };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('NextBatch', () => {
  it('starts a lone call’s read at once, with its key alone', async () => {
    const { calls, batch } = manualReader();
    const value = batch.load('a');
    expect(calls.map((c) => c.keys)).toEqual([['a']]);
    calls[0]!.resolve(new Map([['a', 'A']]));
    await expect(value).resolves.toBe('A');
  });

  it('never answers a call with a read that started before it: a call during a read joins the next one', async () => {
    const { calls, batch } = manualReader();
    const first = batch.load('v');
    const second = batch.load('v');
    const third = batch.load('w');
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(new Map([['v', 'old']]));
    await expect(first).resolves.toBe('old');
    await settled();
    // The two later calls share one read, started after the first finished.
    expect(calls.map((c) => c.keys)).toEqual([['v'], ['v', 'w']]);
    calls[1]!.resolve(new Map([['v', 'new'], ['w', 'W']]));
    await expect(second).resolves.toBe('new');
    await expect(third).resolves.toBe('W');
  });

  it('answers undefined for a key the read does not know', async () => {
    const { calls, batch } = manualReader();
    const value = batch.load('missing');
    calls[0]!.resolve(new Map());
    await expect(value).resolves.toBeUndefined();
  });

  it('fails only the callers of a failed read; the next batch still runs', async () => {
    const { calls, batch } = manualReader();
    const failing = batch.load('a');
    const later = batch.load('a');
    calls[0]!.reject(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await settled();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(new Map([['a', 'A']]));
    await expect(later).resolves.toBe('A');
  });

  it('turns a read that throws before returning a promise into a rejection of its batch', async () => {
    const batch = new NextBatch<string, string>(() => {
      throw new Error('bad keys');
    });
    await expect(batch.load('a')).rejects.toThrow('bad keys');
  });
});
