// @custom-elements-manifest/analyzer config: custom-elements.json from the element
// sources and their JSDoc (@summary @attr @prop @fires @csspart @cssprop).
// Run through `npm run manifest` (scripts/manifest.mjs), which also writes the
// editor data file; `npm run check:manifest` fails when the committed files are stale.

/**
 * Elements register through the kit's guarded `defineElement('tag', Class)`
 * (platform/define.ts), not `customElements.define`, so the analyzer is told
 * about those calls here; it then links each class to its tag as usual.
 */
function defineElementCalls() {
  return {
    name: 'retention-kit-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const source = node.getSourceFile();
      const imported = source.statements.find(
        (statement) => ts.isImportDeclaration(statement) && statement.importClause?.namedBindings?.elements?.some((element) => element.name.text === klass.text),
      );
      const specifier = imported ? imported.moduleSpecifier.text : undefined;
      const module = specifier ? new URL(specifier, `file:///${moduleDoc.path}`).pathname.slice(1) : moduleDoc.path;
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } }];
    },
  };
}

/** Only what a page author can use: no protected or private members, no internals of the base class. */
function publicApiOnly() {
  return {
    name: 'retention-kit-public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter((member) => !member.privacy || member.privacy === 'public').filter((member) => !member.name.startsWith('#'));
        }
      }
    },
  };
}

/**
 * The base class (RetentionElement) declares every field-mapping and reading attribute, but
 * each element reads only some of them: `price-key` means nothing to <customer-health>. The
 * manifest, and so the editors' hover help, the typings made from it and the reference
 * pages, list for an element only the inherited attributes it uses, found in its class:
 *
 * - `this.transactionFields()` → the transaction columns and what reads them (`type-map`,
 *   `amount-per`); `this.subscriptionFields()` → the subscription columns; a direct
 *   `this.customerKey`, `this.dateKey` … → that attribute; `this.timeZone` → `time-zone`;
 * - `currency` where the element formats money (`.currency(`) or has a currency column;
 * - the data routes (`data src source`) and the reading options (`preset date-format
 *   decimal delimiter`) unless the class JSDoc says `@noattr data src source - why`
 *   (<retention-calculator>, whose typed figures are its only input);
 * - `theme heading compute` always.
 *
 * An element's own attributes are never touched.
 */
const TRANSACTION_ATTRIBUTES = ['customer-key', 'date-key', 'amount-key', 'quantity-key', 'price-key', 'order-key', 'type-key', 'refund-key', 'currency-key', 'type-map', 'amount-per'];
const SUBSCRIPTION_ATTRIBUTES = ['customer-key', 'start-key', 'end-key', 'mrr-key', 'plan-key'];
const DATA_ROUTES = ['data', 'src', 'source'];
const READING_ATTRIBUTES = ['preset', 'date-format', 'decimal', 'delimiter'];
const ALWAYS = ['theme', 'heading', 'compute'];
const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The inherited attributes an element's class uses (see above), from the class's source text and JSDoc. */
export function inheritedAttributesUsed(classSource, jsdoc = '') {
  const used = new Set(ALWAYS);
  const noattr = new Set([...jsdoc.matchAll(/@noattr\s+([^-\n]+?)\s+-/g)].flatMap((match) => match[1].trim().split(/\s+/)));
  if (!DATA_ROUTES.every((route) => noattr.has(route))) for (const name of [...DATA_ROUTES, ...READING_ATTRIBUTES]) used.add(name);
  if (/\bthis\.transactionFields\(\)/.test(classSource)) for (const name of TRANSACTION_ATTRIBUTES) used.add(name);
  if (/\bthis\.subscriptionFields\(\)/.test(classSource)) for (const name of SUBSCRIPTION_ATTRIBUTES) used.add(name);
  for (const match of classSource.matchAll(/\bthis\.(customerKey|dateKey|amountKey|quantityKey|priceKey|orderKey|typeKey|refundKey|currencyKey|startKey|endKey|mrrKey|planKey|timeZone)\b/g)) used.add(kebab(match[1]));
  if (/\.currency\(/.test(classSource) || used.has('currency-key')) used.add('currency');
  for (const name of noattr) used.delete(name);
  return used;
}

function applicableAttributesOnly() {
  const usedByClass = new Map();
  return {
    name: 'retention-kit-applicable-attributes',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const jsdoc = (node.jsDoc ?? []).map((doc) => doc.getFullText()).join('\n');
      usedByClass.set(node.name.text, inheritedAttributesUsed(node.getText(), jsdoc));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          const used = declaration.customElement && usedByClass.get(declaration.name);
          if (!used) continue;
          const applies = (attribute, inheritedFrom) => !inheritedFrom || inheritedFrom.name !== 'RetentionElement' || used.has(attribute);
          declaration.attributes = declaration.attributes?.filter((attribute) => applies(attribute.name, attribute.inheritedFrom));
          declaration.members = declaration.members?.filter((member) => !member.attribute || applies(member.attribute, member.inheritedFrom));
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: [
    'src/components/**/*.translations.ts',
    'src/components/platform/translations/**',
  ],
  // scripts/manifest.mjs generates into a scratch folder (relative to the repository), then compares or copies.
  outdir: process.env.RETENTION_KIT_MANIFEST_DIR ?? '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineElementCalls(), publicApiOnly(), applicableAttributesOnly()],
};
