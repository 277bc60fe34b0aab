import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '@/api/client';
import { ApiError } from '@/api/http';
import type { Role, SessionUser } from '@/api/types';

/** The areas of the app; each route names one, and each role may use some of them. */
export type Area = 'dashboards' | 'rectification' | 'reports' | 'review' | 'import' | 'status' | 'accounts' | 'spotChecks';

const AREAS: Record<Role, Area[]> = {
  admin: ['dashboards', 'rectification', 'reports', 'review', 'import', 'status', 'accounts', 'spotChecks'],
  analyst: ['dashboards', 'rectification', 'reports', 'review', 'import', 'status', 'spotChecks'],
  viewer: ['dashboards', 'rectification', 'reports', 'status', 'spotChecks'],
  // 整改跟踪: a submitter reports its own units' progress; 抽查复核: it sees its own region's sampled units (the API scopes both).
  submitter: ['rectification', 'reports', 'import', 'status', 'spotChecks'],
};

export function areasFor(role: Role | null | undefined): Area[] {
  return role ? AREAS[role] : [];
}

/** Who is signed in; restored from the session cookie through GET /api/auth/me. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const checked = ref(false);
  const error = ref<string | null>(null);
  const busy = ref(false);

  const role = computed(() => user.value?.role ?? null);
  const may = (area: Area) => areasFor(role.value).includes(area);

  async function restore(): Promise<void> {
    if (checked.value) return;
    try {
      user.value = (await authApi.me()).user;
    } catch (e) {
      user.value = null;
      if (!(e instanceof ApiError && e.status === 401)) error.value = e instanceof Error ? e.message : '未知错误';
    } finally {
      checked.value = true;
    }
  }

  async function login(username: string, password: string): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      user.value = (await authApi.login(username, password)).user;
      checked.value = true;
      return true;
    } catch (e) {
      error.value = e instanceof Error ? e.message : '登录失败';
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      user.value = null;
    }
  }

  return { user, checked, error, busy, role, may, restore, login, logout };
});
