import { CORPUS_FRAMEWORKS, SUPPORTED_FRAMEWORKS } from './frameworks';
import type { Scope } from './evaluate';
import { LABELLED_RULES, type LabelledRule } from './rules';

export const MIN_PRECISION = 0.97;
export const MIN_RECALL = 0.9;

/** Labelled rules the plugin ships; labels of the others are skipped until the rule lands. */
export function shippedRules(pluginRules: readonly string[]): LabelledRule[] {
  return LABELLED_RULES.filter((rule) => pluginRules.includes(rule));
}

export function missingRules(pluginRules: readonly string[]): LabelledRule[] {
  return LABELLED_RULES.filter((rule) => !pluginRules.includes(rule));
}

/** What CI holds to the thresholds: shipped rules on frameworks whose adapter exists. */
export function gateScope(pluginRules: readonly string[]): Scope {
  return { rules: shippedRules(pluginRules), frameworks: SUPPORTED_FRAMEWORKS };
}

/** Every framework folder, shipped rules only: what `npm run eval` reports. */
export function fullScope(pluginRules: readonly string[]): Scope {
  return { rules: shippedRules(pluginRules), frameworks: CORPUS_FRAMEWORKS };
}
