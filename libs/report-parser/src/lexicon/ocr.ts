/**
 * OCR and export slips, corrected in the matching form only (the original text is kept for
 * display). Each fix replaces a string by one of the same length, so offsets stay valid.
 */
export const OCR_FIXES: readonly { from: string; to: string }[] = [
  { from: '万兀', to: '万元' },
  { from: '预匏', to: '预算' },
  { from: '预箅', to: '预算' },
  { from: '预祘', to: '预算' },
  { from: '决箅', to: '决算' },
  { from: '执仃', to: '执行' },
  { from: '自泙', to: '自评' },
];

/** Latin letters with tone marks: a "(píng)" group after a character is an injected pinyin reading. */
export const PINYIN_TONE_MARKS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
