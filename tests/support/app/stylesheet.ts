import path from 'node:path'
import { compile } from 'sass'

const ROOT = path.join(__dirname, '../../..')

/**
 * Compiles a real stylesheet (a path from the repository root, e.g. `src/app.scss`) with sass and adds
 * it to the jsdom document, so a test can ask what the browser would match instead of trusting class
 * names. Sizes stay in design px: Taro's pxtransform runs only in a build.
 */
export function loadStylesheet(fromRoot: string): CSSStyleSheet {
  const style = document.createElement('style')
  style.textContent = compile(path.join(ROOT, fromRoot)).css
  document.head.appendChild(style)
  if (!style.sheet) throw new Error(`${fromRoot} did not load`)
  return style.sheet
}

/**
 * The declarations of every loaded rule that matches `el` and names `block` in its selector, later
 * rules over earlier ones (source order: these stylesheets put an overriding rule after what it
 * overrides). Shorthands stay as written (`background`, `border`).
 */
export function declaredStyle(el: Element, block: string): Record<string, string> {
  const style: Record<string, string> = {}
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSStyleRule) || !rule.selectorText.includes(block) || !el.matches(rule.selectorText)) continue
      for (const prop of Array.from(rule.style)) style[prop] = rule.style.getPropertyValue(prop)
    }
  }
  return style
}

/** jsdom has no CSSKeyframesRule class, only the rule type number. */
const KEYFRAMES_RULE = 7

/** The names of the `@keyframes` a stylesheet declares (what could make something in it move). */
export function keyframeNames(sheet: CSSStyleSheet): string[] {
  return Array.from(sheet.cssRules).flatMap((rule) => (rule.type === KEYFRAMES_RULE ? [(rule as CSSKeyframesRule).name] : []))
}
