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
  plugins: [defineElementCalls(), publicApiOnly()],
};
