/**
 * Registers the platform terms of the built-in language, English (side effect).
 * Every other language is an opt-in module of its own, src/translations/<lang>.ts
 * (`import 'retention-kit/translations/nb'`, or dist/translations/nb.js as a script),
 * holding the platform's and every element's terms of that language.
 */
import './en.ts';
