import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import CommonFilters from './CommonFilters.vue';

const filters = (props: Record<string, unknown>) => mount(CommonFilters, { props: { years: [2024, 2023], year: null, synthetic: false, ...props } });

describe('the year select before first use', () => {
  it('shows what the select would: the chosen year, the API’s year, 全部年度, or the placeholder', () => {
    expect(filters({ year: 2023 }).find('[data-test="year-select"]').text()).toBe('2023 年');
    expect(filters({ current: 2024 }).find('[data-test="year-select"]').text()).toBe('2024 年');
    expect(filters({ allLabel: '全部年度' }).find('[data-test="year-select"]').text()).toBe('全部年度');
    const none = filters({});
    expect(none.find('.el-select__placeholder').text()).toBe('年度');
    expect(none.find('.el-select__placeholder').classes()).toContain('is-transparent');
    // Years not yet known (the answer is on its way): the value as it is.
    expect(filters({ years: [], year: 2021 }).find('[data-test="year-select"]').text()).toBe('2021');
  });

  it('is replaced by the real select on a click, which then sets the year', async () => {
    const wrapper = filters({ year: 2024 });
    await wrapper.find('[data-test="year-select"]').trigger('click');
    // The real select's module is imported on this click.
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.findComponent({ name: 'ElSelect' }).exists()).toBe(true);
    }, { timeout: 10_000 });
    const select = wrapper.findComponent({ name: 'ElSelect' });
    select.vm.$emit('update:modelValue', 2023);
    expect(wrapper.emitted('update:year')?.at(-1)).toEqual([2023]);
  });
});
