/**
 * On-demand Element Plus styles: after each `import { ElButton, ElTable } from 'element-plus'` in
 * the app's own modules (scripts of .vue files included), imports the styles of exactly those
 * components (`element-plus/es/components/<name>/style/css`, which pull their dependencies'
 * styles and the base). A page's chunk then carries its components' CSS, instead of the first
 * page loading the whole stylesheet of every component.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** One named import from 'element-plus' (the braces hold no brace, so this stays linear). */
const NAMED_IMPORT = /import\s*\{([^{}]*)\}\s*from\s*['"]element-plus['"];?/g;

/** ElTableColumn → table-column; anything not an El* component (a type, a helper) → null. */
export function componentDir(name: string): string | null {
  if (!/^El[A-Z]\w*$/.test(name)) return null;
  return name.slice(2).replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '-') + c.toLowerCase());
}

/** The style imports for the names of one import clause (`type X`, `A as B` handled). */
export function styleImports(clause: string, hasStyle: (dir: string) => boolean): string[] {
  const dirs = clause
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => componentDir(part.split(/\s+as\s+/)[0]!.trim()))
    .filter((dir): dir is string => dir !== null && hasStyle(dir));
  return [...new Set(dirs)].map((dir) => `import 'element-plus/es/components/${dir}/style/css';`);
}

export function addElementPlusStyles(code: string, hasStyle: (dir: string) => boolean): string | null {
  let changed = false;
  const out = code.replace(NAMED_IMPORT, (statement: string, clause: string) => {
    const styles = styleImports(clause, hasStyle);
    if (styles.length === 0) return statement;
    changed = true;
    return `${statement.endsWith(';') ? statement : `${statement};`} ${styles.join(' ')}`;
  });
  return changed ? out : null;
}

export function elementPlusStyles(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('element-plus/package.json'));
  const known = new Map<string, boolean>();
  const hasStyle = (dir: string) => {
    if (!known.has(dir)) known.set(dir, existsSync(join(root, 'es/components', dir, 'style/css.mjs')));
    return known.get(dir)!;
  };
  return {
    name: 'element-plus-styles',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(vue|ts)$/.test(id.split('?')[0]!)) return null;
      const out = addElementPlusStyles(code, hasStyle);
      return out === null ? null : { code: out, map: null };
    },
  };
}
