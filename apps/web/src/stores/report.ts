import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ReportDocument } from '@hunan-perf/contracts';
import { reportsApi } from '@/api/client';
import type { ReportDetail, ReportVersion, RowEdit } from '@/api/types';

const message = (e: unknown) => (e instanceof Error ? e.message : '未知错误');

/** The report under review: its detail, versions, the selected field and its source line. */
export const useReportStore = defineStore('report', () => {
  const detail = ref<ReportDetail | null>(null);
  const versions = ref<ReportVersion[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const saving = ref(false);
  const saveError = ref<string | null>(null);
  const selectedPath = ref<string | null>(null);

  const doc = computed(() => (detail.value?.document ?? null) as ReportDocument | null);
  /** The source line (1-based) of the selected field, from the document's provenance. */
  const highlightLine = computed(() => (selectedPath.value && doc.value?.provenance?.[selectedPath.value]?.line) || null);

  async function load(id: string): Promise<void> {
    loading.value = true;
    error.value = null;
    selectedPath.value = null;
    try {
      [detail.value, versions.value] = await Promise.all([reportsApi.get(id), reportsApi.versions(id)]);
    } catch (e) {
      detail.value = null;
      error.value = message(e);
    } finally {
      loading.value = false;
    }
  }

  async function write(action: () => Promise<ReportDetail>): Promise<boolean> {
    saving.value = true;
    saveError.value = null;
    try {
      detail.value = await action();
      versions.value = await reportsApi.versions(detail.value.id);
      return true;
    } catch (e) {
      saveError.value = message(e);
      return false;
    } finally {
      saving.value = false;
    }
  }

  const edit = (path: string, value: unknown, reason: string) =>
    write(() => reportsApi.edit(detail.value!.id, { reason, edits: [{ path, value: value as never }] }));
  const editRow = (body: RowEdit) => write(() => reportsApi.editRow(detail.value!.id, body));
  const confirm = () => write(() => reportsApi.confirm(detail.value!.id));
  const transition = (action: 'submit' | 'return' | 'withdraw', comment?: string) =>
    write(() => reportsApi.transition(detail.value!.id, action, comment));
  const resolveUnit = (body: Parameters<typeof reportsApi.resolveUnit>[1]) => write(() => reportsApi.resolveUnit(detail.value!.id, body));
  const select = (path: string | null) => { selectedPath.value = path; };

  return { detail, versions, loading, error, saving, saveError, selectedPath, doc, highlightLine, load, edit, editRow, confirm, transition, resolveUnit, select };
});
