import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { catalogApi } from '@/api/client';
import type { RegionNode, Unit } from '@/api/types';

/** A node of the region → unit picker tree. */
export interface PickerNode {
  value: string;
  label: string;
  kind: 'region' | 'unit';
  children?: PickerNode[];
}

/** Regions with the units below them; regions without any unit are left out. */
export function buildPickerTree(regions: RegionNode[], units: Unit[]): PickerNode[] {
  const byRegion = new Map<string, Unit[]>();
  for (const u of units) byRegion.set(u.regionCode, [...(byRegion.get(u.regionCode) ?? []), u]);
  const walk = (node: RegionNode): PickerNode | null => {
    const children = [
      ...node.children.map(walk).filter((n): n is PickerNode => n !== null),
      ...(byRegion.get(node.code) ?? []).map((u): PickerNode => ({ value: u.id, label: u.name, kind: 'unit' })),
    ];
    return children.length ? { value: `region:${node.code}`, label: node.name, kind: 'region', children } : null;
  };
  return regions.map(walk).filter((n): n is PickerNode => n !== null);
}

/** Regions and units, loaded once and shared by every page's pickers and the map. */
export const useCatalogStore = defineStore('catalog', () => {
  const regions = ref<RegionNode[]>([]);
  const units = ref<Unit[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let pending: Promise<void> | null = null;

  const tree = computed(() => buildPickerTree(regions.value, units.value));
  const regionName = computed(() => {
    const names = new Map<string, string>();
    const walk = (n: RegionNode) => { names.set(n.code, n.name); n.children.forEach(walk); };
    regions.value.forEach(walk);
    return names;
  });
  const unitName = computed(() => new Map(units.value.map((u) => [u.id, u.name])));

  function load(): Promise<void> {
    pending ??= (async () => {
      loading.value = true;
      error.value = null;
      try {
        [regions.value, units.value] = await Promise.all([catalogApi.regions(), catalogApi.units()]);
      } catch (e) {
        error.value = e instanceof Error ? e.message : '未知错误';
        pending = null;
      } finally {
        loading.value = false;
      }
    })();
    return pending;
  }

  return { regions, units, loading, error, tree, regionName, unitName, load };
});
