import { defineStore } from 'pinia';
import { ref } from 'vue';
import { uploadFile } from '@/api/upload';
import type { IngestResult } from '@/api/types';

export type ImportOutcome = 'waiting' | 'uploading' | 'new' | 'duplicate' | 'error';
export interface ImportItem { id: number; fileName: string; progress: number; outcome: ImportOutcome; error: string | null; result: IngestResult | null }

/** What one file's answer means for the person: new, duplicate (same bytes seen before) or error. */
export function outcomeOf(result: IngestResult): ImportOutcome {
  if (result.error) return 'error';
  return result.created === false ? 'duplicate' : 'new';
}

/** The upload queue of the 导入 page: files go one by one, each with its progress and outcome. */
export const useImportStore = defineStore('import', () => {
  const items = ref<ImportItem[]>([]);
  const busy = ref(false);
  let next = 0;

  async function upload(files: File[], send = uploadFile): Promise<void> {
    const added = files.map((f) => ({ id: ++next, fileName: f.name, progress: 0, outcome: 'waiting' as ImportOutcome, error: null, result: null }));
    items.value.unshift(...added);
    busy.value = true;
    try {
      for (const [i, file] of files.entries()) {
        const item = items.value.find((x) => x.id === added[i]!.id)!;
        item.outcome = 'uploading';
        try {
          const result = await send(file, (p) => { item.progress = p; });
          item.result = result;
          item.outcome = outcomeOf(result);
          item.error = result.error?.message ?? null;
        } catch (e) {
          item.outcome = 'error';
          item.error = e instanceof Error ? e.message : '上传失败';
        }
      }
    } finally {
      busy.value = false;
    }
  }

  const clear = () => { items.value = []; };
  return { items, busy, upload, clear };
});
