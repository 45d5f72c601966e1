import '../lib/elements.ts';
// The Norwegian example: languages other than English are opt-in modules.
import '../../src/translations/nb.ts';
import { pointScriptsAtCdn } from '../lib/cdn.ts';
import { mountExamples } from '../lib/snippets.ts';

pointScriptsAtCdn();
mountExamples();
