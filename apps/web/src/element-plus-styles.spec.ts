import { describe, expect, it } from 'vitest';
import { addElementPlusStyles, componentDir } from '../vite-plugins/element-plus-styles';

const has = (dir: string) => ['button', 'table', 'table-column', 'message-box'].includes(dir);

describe('on-demand Element Plus styles', () => {
  it('names the style folder of a component', () => {
    expect(componentDir('ElTableColumn')).toBe('table-column');
    expect(componentDir('ElMessageBox')).toBe('message-box');
    expect(componentDir('FormInstance')).toBeNull();
  });

  it('adds the styles of exactly the imported components after their import', () => {
    const code = `import { ElButton, ElTable as T, ElTableColumn, type FormInstance } from 'element-plus';\nconst x = 1;`;
    const out = addElementPlusStyles(code, has)!;
    expect(out).toContain(`from 'element-plus'; import 'element-plus/es/components/button/style/css';`);
    expect(out).toContain(`import 'element-plus/es/components/table/style/css';`);
    expect(out).toContain(`import 'element-plus/es/components/table-column/style/css';`);
    expect(out).not.toContain('form-instance');
    expect(out.endsWith('const x = 1;')).toBe(true);
  });

  it('leaves modules without Element Plus components alone', () => {
    expect(addElementPlusStyles(`import { ref } from 'vue';`, has)).toBeNull();
    expect(addElementPlusStyles(`import type { FormRules } from 'element-plus';`, has)).toBeNull();
  });
});
