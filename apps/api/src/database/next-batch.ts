interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads that concurrent callers share without ever getting a value read before they asked: a call
 * joins the next batch, and a batch starts only when no batch of this reader is running. Alone, a
 * call's read starts at once; under load, one query answers every caller that arrived while the
 * previous one ran (one round trip instead of one each). A failed read fails its batch's callers only.
 */
export class NextBatch<K, V> {
  private running = false;
  private pending: Map<K, Waiter<V>[]> | null = null;

  /** `read` answers the keys it knows (a key missing from the map answers undefined). */
  constructor(private readonly read: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      this.pending ??= new Map();
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.running) this.start();
    });
  }

  private start(): void {
    const batch = this.pending!;
    this.pending = null;
    this.running = true;
    const settle = (each: (waiter: Waiter<V>, key: K) => void) => {
      for (const [key, waiters] of batch) for (const waiter of waiters) each(waiter, key);
      this.running = false;
      if (this.pending) this.start();
    };
    let reading: Promise<Map<K, V>>;
    try {
      reading = this.read([...batch.keys()]);
    } catch (error) {
      reading = Promise.reject(error);
    }
    reading.then(
      (values) => settle((waiter, key) => waiter.resolve(values.get(key))),
      (error: unknown) => settle((waiter) => waiter.reject(error)),
    );
  }
}
