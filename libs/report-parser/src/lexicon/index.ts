export * from './fields.js';
export * from './indicator-headers.js';
export * from './categories.js';
export * from './ocr.js';
export * from './noise.js';
