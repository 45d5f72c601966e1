// Every pure-logic test file (tests/metrics/**, tests/engine/**) in this one page:
// see tests/server/logic-suite.mjs.
import '/tests/server/logic-suite-modules.js';
