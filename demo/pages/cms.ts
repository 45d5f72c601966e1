import '../lib/elements.ts';
import { mountExamples } from '../lib/snippets.ts';

mountExamples();
