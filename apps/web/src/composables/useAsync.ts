import { ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';

/**
 * Runs `load` now and whenever `source` changes; keeps the latest answer, the loading flag and
 * the error message (plain Chinese, from the API). An older answer never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, source?: WatchSource) {
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  let run = 0;

  async function reload(): Promise<void> {
    const mine = ++run;
    loading.value = true;
    error.value = null;
    try {
      const value = await load();
      if (mine === run) data.value = value;
    } catch (e) {
      if (mine === run) {
        data.value = null;
        error.value = e instanceof Error ? e.message : '未知错误';
      }
    } finally {
      if (mine === run) loading.value = false;
    }
  }

  if (source) watch(source, () => void reload(), { immediate: true, deep: true });
  else void reload();
  return { data, loading, error, reload };
}
