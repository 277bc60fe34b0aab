import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'status', component: () => import('./pages/status/StatusPage.vue'), meta: { title: '系统状态' } },
  ],
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 湖南省部门整体支出绩效自评汇总平台`;
});
