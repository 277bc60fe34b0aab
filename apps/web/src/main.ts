// Element Plus styles come per component with the modules that import them (vite-plugins/element-plus-styles.ts).
import 'element-plus/theme-chalk/base.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';

createApp(App).use(createPinia()).use(router).mount('#app');
