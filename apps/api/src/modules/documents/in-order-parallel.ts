/**
 * Runs `work` over `items` with at most `limit` in flight and yields the results in input order:
 * a later item never waits for an earlier one to start, and no more than `limit` results are held,
 * so a folder of thousands of files keeps memory bounded (items are pulled lazily).
 */
export async function* inOrderParallel<T, R>(items: Iterable<T>, limit: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const source = items[Symbol.iterator]();
  const inFlight: Promise<R>[] = [];
  const fill = () => {
    while (inFlight.length < Math.max(1, limit)) {
      const next = source.next();
      if (next.done) return;
      const running = work(next.value);
      // Awaited in order below; this only keeps a later failure from being reported as unhandled first.
      running.catch(() => undefined);
      inFlight.push(running);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    fill();
    yield result;
  }
}
