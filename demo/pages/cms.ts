import '../lib/elements.ts';
// The Norwegian example: languages other than English are opt-in modules.
import '../../src/translations/nb.ts';
import { mountExamples } from '../lib/snippets.ts';

mountExamples();
