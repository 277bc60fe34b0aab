import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type Health, fetchHealth } from '@/api/health';
import { ApiError } from '@/api/http';

/** Service and database status, shown on the shell page and in the header. */
export const useHealthStore = defineStore('health', () => {
  const health = ref<Health | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      health.value = await fetchHealth();
    } catch (e) {
      health.value = e instanceof ApiError && e.body && 'database' in (e.body as object) ? (e.body as unknown as Health) : null;
      error.value = e instanceof Error ? e.message : '未知错误';
    } finally {
      loading.value = false;
    }
  }

  return { health, error, loading, refresh };
});
