import { createRouter, createWebHistory, type LocationQuery, type RouteRecordRaw } from 'vue-router';
import { overviewPath } from './api/client';
import { askEarly } from './api/early';
import { overviewFiltersAt } from './pages/overview/overview-filters';
import { type Area, useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** The area the page belongs to; the role must be allowed it (see stores/session.ts). */
    area?: Area;
    /** Shown in the navigation. */
    nav?: boolean;
    public?: boolean;
    /** The GET paths the page asks for first, at its query: asked for while its chunk loads (api/early.ts). */
    early?: (query: LocationQuery) => string[];
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/login/LoginPage.vue'), meta: { title: '登录', public: true } },
  { path: '/', name: 'home', redirect: () => ({ name: 'overview' }) },
  { path: '/overview', name: 'overview', component: () => import('./pages/overview/OverviewPage.vue'), meta: { title: '总览', area: 'dashboards', nav: true, early: (q) => [overviewPath(overviewFiltersAt(q))] } },
  { path: '/compare', name: 'compare', component: () => import('./pages/compare/ComparePage.vue'), meta: { title: '单位对比', area: 'dashboards', nav: true } },
  { path: '/trends', name: 'trends', component: () => import('./pages/trends/TrendsPage.vue'), meta: { title: '趋势', area: 'dashboards', nav: true } },
  { path: '/indicators', name: 'indicators', component: () => import('./pages/indicators/IndicatorsPage.vue'), meta: { title: '指标完成', area: 'dashboards', nav: true } },
  { path: '/map', name: 'map', component: () => import('./pages/map/MapPage.vue'), meta: { title: '地图', area: 'dashboards', nav: true } },
  { path: '/recheck', name: 'recheck', component: () => import('./pages/recheck/RecheckPage.vue'), meta: { title: '自评复核', area: 'dashboards', nav: true } },
  { path: '/problems', name: 'problems', component: () => import('./pages/problems/ProblemsPage.vue'), meta: { title: '问题分析', area: 'dashboards', nav: true } },
  { path: '/quality', name: 'quality', component: () => import('./pages/quality/QualityPage.vue'), meta: { title: '质量提示', area: 'dashboards', nav: true } },
  { path: '/text-reuse', name: 'text-reuse', component: () => import('./pages/text-reuse/TextReusePage.vue'), meta: { title: '文字雷同', area: 'dashboards', nav: true } },
  { path: '/results', name: 'results', component: () => import('./pages/results/ResultsPage.vue'), meta: { title: '结果应用', area: 'dashboards', nav: true } },
  { path: '/spot-checks', name: 'spot-checks', component: () => import('./pages/spot-checks/SpotChecksPage.vue'), meta: { title: '抽查复核', area: 'spotChecks', nav: true } },
  { path: '/spot-checks/items/:id', name: 'spot-check-item', component: () => import('./pages/spot-checks/SpotCheckReviewPage.vue'), meta: { title: '抽查复核录入', area: 'spotChecks' } },
  { path: '/rectification', name: 'rectification', component: () => import('./pages/rectification/RectificationPage.vue'), meta: { title: '整改跟踪', area: 'rectification', nav: true } },
  { path: '/reports', name: 'reports', component: () => import('./pages/reports/ReportListPage.vue'), meta: { title: '报告', area: 'reports', nav: true } },
  { path: '/reports/:id', name: 'report', component: () => import('./pages/reports/ReportDetailPage.vue'), meta: { title: '报告详情', area: 'reports' } },
  { path: '/import', name: 'import', component: () => import('./pages/import/ImportPage.vue'), meta: { title: '导入', area: 'import', nav: true } },
  { path: '/accounts', name: 'accounts', component: () => import('./pages/accounts/AccountsPage.vue'), meta: { title: '账号', area: 'accounts', nav: true } },
  { path: '/audit', name: 'audit', component: () => import('./pages/audit/AuditPage.vue'), meta: { title: '审计日志', area: 'accounts', nav: true } },
  { path: '/status', name: 'status', component: () => import('./pages/status/StatusPage.vue'), meta: { title: '系统状态', area: 'status', nav: true } },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory(), routes });

/** The first page a role may open. */
export function landingFor(may: (a: Area) => boolean): string {
  return may('dashboards') ? '/overview' : may('reports') ? '/reports' : '/status';
}

router.beforeEach(async (to, from) => {
  const session = useSessionStore();
  await session.restore();
  if (to.meta.public) return session.user && to.name === 'login' ? landingFor(session.may) : true;
  if (!session.user) return { name: 'login', query: { next: to.fullPath } };
  if (to.name === 'overview' && !session.may('dashboards')) return landingFor(session.may);
  if (to.meta.area && !session.may(to.meta.area)) return landingFor(session.may);
  // Entering the page (not a filter change inside it, which the page asks for itself at once).
  if (to.meta.early && to.name !== from.name) for (const path of to.meta.early(to.query)) askEarly(path);
  return true;
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 湖南省部门整体支出绩效自评汇总平台`;
});
