import type { Rule } from '../model.js';

/** Every built-in rule, in documentation order. */
export const rules: Rule[] = [];
