import { expect } from '@open-wc/testing';
import { fallbackChain, registerTranslation, term } from '../../../src/components/platform/translations.ts';
import { Formatter } from '../../../src/components/platform/locale.ts';
import '../../../src/components/platform/translations/index.ts';
import '../../../src/translations/nb.ts';
import '../../../src/translations/da.ts';
import '../../../src/translations/zh.ts';
import '../../../src/translations/ru.ts';

describe('translation registry', () => {
  it('falls back nb-NO → nb → en, and maps zh-CN / zh-Hans / no onto registered languages', () => {
    expect(fallbackChain('nb-NO')).to.deep.equal(['nb-no', 'nb', 'en']);
    expect(fallbackChain('zh-Hans')).to.deep.equal(['zh-hans', 'zh', 'en']);
    expect(fallbackChain('zh-CN')).to.deep.equal(['zh-cn', 'zh', 'en']);
    expect(term('nb-NO', 'loading')).to.equal('Laster inn data…');
    expect(term('no', 'loading')).to.equal('Laster inn data…');
    expect(term('zh-Hans', 'loading')).to.equal('正在加载数据…');
    expect(term('da-DK', 'computing')).to.equal('Beregner…');
    expect(term('fr', 'loading')).to.equal('Loading data…');
  });

  it('translates every platform term into every opt-in language', () => {
    const keys = ['loading', 'computing', 'noData', 'percentagePoints', 'dataTable'] as const;
    for (const lang of ['nb', 'da', 'zh', 'ru']) {
      for (const key of keys) expect(term(lang, key), `${lang}.${key}`).to.be.a('string').and.not.equal(key);
    }
    expect(term('nb', 'loading')).to.not.equal(term('en', 'loading'));
  });

  it('uses Russian plural forms', () => {
    expect(term('ru', 'errorInvalid', 1)).to.equal('В данных 1 ошибка.');
    expect(term('ru', 'errorInvalid', 3)).to.equal('В данных 3 ошибки.');
    expect(term('ru', 'errorInvalid', 5)).to.equal('В данных 5 ошибок.');
  });

  it('lets a page register a language, term by term over English', () => {
    registerTranslation('de', { loading: 'Daten werden geladen…' });
    expect(term('de-AT', 'loading')).to.equal('Daten werden geladen…');
    expect(term('de', 'computing')).to.equal('Computing…');
  });
});

describe('Formatter', () => {
  it('formats percents, points, numbers and currency for the locale', () => {
    expect(new Formatter('en').percent(0.052)).to.equal('5.2%');
    expect(new Formatter('en').points(0.012)).to.equal('+1.2 pp');
    expect(new Formatter('en').points(-0.4)).to.equal('-40.0 pp');
    expect(new Formatter('nb').number(1234.5)).to.match(/^1\s234,5$/);
    expect(new Formatter('en', 'EUR').currency(12.5)).to.equal('€12.50');
    expect(new Formatter('en', 'not a code').currency(12.5)).to.equal('12.5');
    expect(new Formatter('not a locale!!').locale).to.equal('en');
  });
});
