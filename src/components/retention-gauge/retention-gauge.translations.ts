/** Terms of <retention-gauge> in every bundled language. */
import { registerTranslation } from '../platform/translations.ts';
import { ruPlural } from '../platform/translations/ru.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    gaugeLabel: string;
    gaugeRetention: string;
    gaugeChurn: (churn: string) => string;
    gaugeDelta: (points: string) => string;
    gaugeBandGood: string;
    gaugeBandWarn: string;
    gaugeBandBad: string;
    gaugeBenchmark: (churn: string) => string;
    gaugeWindowAttribute: (days: number) => string;
    gaugeWindowSuggested: (days: number) => string;
    gaugeWindowDefault: (days: number) => string;
    gaugeRunning: string;
    gaugeSummary: (period: string, retention: string, churn: string) => string;
    gaugeSummaryDelta: (points: string) => string;
    gaugeTable: string;
    gaugeMeasure: string;
    gaugeValue: string;
    gaugePeriod: string;
    gaugeStart: string;
    gaugeEnd: string;
    gaugeNew: string;
    gaugeLost: string;
    gaugeReactivated: string;
    gaugeReactivatedNote: (count: number) => string;
    gaugeRetentionRate: string;
    gaugeChurnRate: string;
    gaugePrevious: string;
    gaugeChange: string;
    gaugeBand: string;
    gaugeWindow: string;
    gaugeThisPeriod: string;
  }
}

const enDays = (days: number) => (days === 1 ? '1 day' : `${days} days`);

registerTranslation('en', {
  gaugeLabel: 'Customer retention',
  gaugeRetention: 'retained',
  gaugeChurn: (churn) => `Churn ${churn}`,
  gaugeDelta: (points) => `${points} vs previous period`,
  gaugeBandGood: 'Healthy',
  gaugeBandWarn: 'Watch',
  gaugeBandBad: 'Needs action',
  gaugeBenchmark: (churn) => `churn above ${churn} needs action`,
  gaugeWindowAttribute: (days) => `Active = bought within the last ${enDays(days)}.`,
  gaugeWindowSuggested: (days) => `Active = bought within the last ${enDays(days)} (suggested from the data: 3 × the median time between purchases).`,
  gaugeWindowDefault: (days) => `Active = bought within the last ${enDays(days)} (default: too few repeat purchases to suggest a window).`,
  gaugeRunning: 'period still running',
  gaugeSummary: (period, retention, churn) => `Customer retention ${period}: ${retention}, churn ${churn}.`,
  gaugeSummaryDelta: (points) => `Change: ${points} vs previous period.`,
  gaugeTable: 'Customer retention figures',
  gaugeMeasure: 'Measure',
  gaugeValue: 'Value',
  gaugePeriod: 'Period',
  gaugeStart: 'Customers at period start (S)',
  gaugeEnd: 'Customers at period end (E)',
  gaugeNew: 'New customers (N)',
  gaugeLost: 'Customers lost',
  gaugeReactivated: 'Customers back after a gap',
  gaugeReactivatedNote: (count) => `${count === 1 ? '1 customer' : `${count} customers`} came back after a gap and count as retained, so retention and churn need not add up to 100 %.`,
  gaugeRetentionRate: 'Retention rate (E − N) / S',
  gaugeChurnRate: 'Churn rate',
  gaugePrevious: 'Retention rate, previous period',
  gaugeChange: 'Change',
  gaugeBand: 'Benchmark',
  gaugeWindow: 'Activity window',
  gaugeThisPeriod: 'this period',
});

registerTranslation('nb', {
  gaugeLabel: 'Kundelojalitet',
  gaugeRetention: 'beholdt',
  gaugeChurn: (churn) => `Frafall ${churn}`,
  gaugeDelta: (points) => `${points} mot forrige periode`,
  gaugeBandGood: 'Sunt',
  gaugeBandWarn: 'Følg med',
  gaugeBandBad: 'Krever tiltak',
  gaugeBenchmark: (churn) => `frafall over ${churn} krever tiltak`,
  gaugeWindowAttribute: (days) => `Aktiv = har kjøpt i løpet av de siste ${days} ${days === 1 ? 'dagen' : 'dagene'}.`,
  gaugeWindowSuggested: (days) => `Aktiv = har kjøpt i løpet av de siste ${days} dagene (foreslått ut fra dataene: 3 × mediantiden mellom kjøp).`,
  gaugeWindowDefault: (days) => `Aktiv = har kjøpt i løpet av de siste ${days} dagene (standard: for få gjentatte kjøp til å foreslå et vindu).`,
  gaugeRunning: 'perioden pågår fortsatt',
  gaugeSummary: (period, retention, churn) => `Kundelojalitet ${period}: ${retention}, frafall ${churn}.`,
  gaugeSummaryDelta: (points) => `Endring: ${points} mot forrige periode.`,
  gaugeTable: 'Tall for kundelojalitet',
  gaugeMeasure: 'Mål',
  gaugeValue: 'Verdi',
  gaugePeriod: 'Periode',
  gaugeStart: 'Kunder ved periodens start (S)',
  gaugeEnd: 'Kunder ved periodens slutt (E)',
  gaugeNew: 'Nye kunder (N)',
  gaugeLost: 'Tapte kunder',
  gaugeReactivated: 'Kunder tilbake etter et opphold',
  gaugeReactivatedNote: (count) => `${count} ${count === 1 ? 'kunde' : 'kunder'} kom tilbake etter et opphold og regnes som beholdt, så kundelojalitet og frafall trenger ikke å bli 100 % til sammen.`,
  gaugeRetentionRate: 'Kundelojalitet (E − N) / S',
  gaugeChurnRate: 'Frafallsrate',
  gaugePrevious: 'Kundelojalitet, forrige periode',
  gaugeChange: 'Endring',
  gaugeBand: 'Referanse',
  gaugeWindow: 'Aktivitetsvindu',
  gaugeThisPeriod: 'denne perioden',
});

registerTranslation('da', {
  gaugeLabel: 'Kundefastholdelse',
  gaugeRetention: 'fastholdt',
  gaugeChurn: (churn) => `Frafald ${churn}`,
  gaugeDelta: (points) => `${points} i forhold til forrige periode`,
  gaugeBandGood: 'Sundt',
  gaugeBandWarn: 'Hold øje',
  gaugeBandBad: 'Kræver handling',
  gaugeBenchmark: (churn) => `frafald over ${churn} kræver handling`,
  gaugeWindowAttribute: (days) => `Aktiv = har købt inden for de seneste ${days} ${days === 1 ? 'dag' : 'dage'}.`,
  gaugeWindowSuggested: (days) => `Aktiv = har købt inden for de seneste ${days} dage (foreslået ud fra dataene: 3 × mediantiden mellem køb).`,
  gaugeWindowDefault: (days) => `Aktiv = har købt inden for de seneste ${days} dage (standard: for få gentagne køb til at foreslå et vindue).`,
  gaugeRunning: 'perioden er ikke slut',
  gaugeSummary: (period, retention, churn) => `Kundefastholdelse ${period}: ${retention}, frafald ${churn}.`,
  gaugeSummaryDelta: (points) => `Ændring: ${points} i forhold til forrige periode.`,
  gaugeTable: 'Tal for kundefastholdelse',
  gaugeMeasure: 'Mål',
  gaugeValue: 'Værdi',
  gaugePeriod: 'Periode',
  gaugeStart: 'Kunder ved periodens start (S)',
  gaugeEnd: 'Kunder ved periodens slutning (E)',
  gaugeNew: 'Nye kunder (N)',
  gaugeLost: 'Mistede kunder',
  gaugeReactivated: 'Kunder tilbage efter en pause',
  gaugeReactivatedNote: (count) => `${count} ${count === 1 ? 'kunde' : 'kunder'} kom tilbage efter en pause og tæller som fastholdt, så fastholdelse og frafald behøver ikke at give 100 % tilsammen.`,
  gaugeRetentionRate: 'Fastholdelsesrate (E − N) / S',
  gaugeChurnRate: 'Frafaldsrate',
  gaugePrevious: 'Fastholdelsesrate, forrige periode',
  gaugeChange: 'Ændring',
  gaugeBand: 'Benchmark',
  gaugeWindow: 'Aktivitetsvindue',
  gaugeThisPeriod: 'denne periode',
});

registerTranslation('zh', {
  gaugeLabel: '客户留存',
  gaugeRetention: '留存',
  gaugeChurn: (churn) => `流失率 ${churn}`,
  gaugeDelta: (points) => `较上期 ${points}`,
  gaugeBandGood: '健康',
  gaugeBandWarn: '需关注',
  gaugeBandBad: '需要采取行动',
  gaugeBenchmark: (churn) => `流失率高于 ${churn} 需要采取行动`,
  gaugeWindowAttribute: (days) => `活跃 = 最近 ${days} 天内有购买。`,
  gaugeWindowSuggested: (days) => `活跃 = 最近 ${days} 天内有购买（根据数据建议：购买间隔中位数的 3 倍）。`,
  gaugeWindowDefault: (days) => `活跃 = 最近 ${days} 天内有购买（默认值：重复购买太少，无法建议窗口）。`,
  gaugeRunning: '本期尚未结束',
  gaugeSummary: (period, retention, churn) => `客户留存率（${period}）：${retention}，流失率 ${churn}。`,
  gaugeSummaryDelta: (points) => `较上期变化：${points}。`,
  gaugeTable: '客户留存数据',
  gaugeMeasure: '指标',
  gaugeValue: '数值',
  gaugePeriod: '期间',
  gaugeStart: '期初客户数 (S)',
  gaugeEnd: '期末客户数 (E)',
  gaugeNew: '新客户数 (N)',
  gaugeLost: '流失客户数',
  gaugeReactivated: '中断后回归的客户',
  gaugeReactivatedNote: (count) => `${count} 位客户在中断后回归，计为留存，因此留存率与流失率之和不一定等于 100%。`,
  gaugeRetentionRate: '留存率 (E − N) / S',
  gaugeChurnRate: '流失率',
  gaugePrevious: '上期留存率',
  gaugeChange: '变化',
  gaugeBand: '基准',
  gaugeWindow: '活跃窗口',
  gaugeThisPeriod: '本期',
});

const ruDays = (days: number) => `${days} ${ruPlural(days, 'день', 'дня', 'дней')}`;

registerTranslation('ru', {
  gaugeLabel: 'Удержание клиентов',
  gaugeRetention: 'удержано',
  gaugeChurn: (churn) => `Отток ${churn}`,
  gaugeDelta: (points) => `${points} к предыдущему периоду`,
  gaugeBandGood: 'В норме',
  gaugeBandWarn: 'Под наблюдением',
  gaugeBandBad: 'Нужны меры',
  gaugeBenchmark: (churn) => `отток выше ${churn} требует мер`,
  gaugeWindowAttribute: (days) => `Активный клиент = покупка за последние ${ruDays(days)}.`,
  gaugeWindowSuggested: (days) => `Активный клиент = покупка за последние ${ruDays(days)} (предложено по данным: 3 × медианный интервал между покупками).`,
  gaugeWindowDefault: (days) => `Активный клиент = покупка за последние ${ruDays(days)} (по умолчанию: слишком мало повторных покупок, чтобы предложить окно).`,
  gaugeRunning: 'период ещё не завершён',
  gaugeSummary: (period, retention, churn) => `Удержание клиентов (${period}): ${retention}, отток ${churn}.`,
  gaugeSummaryDelta: (points) => `Изменение к предыдущему периоду: ${points}.`,
  gaugeTable: 'Показатели удержания клиентов',
  gaugeMeasure: 'Показатель',
  gaugeValue: 'Значение',
  gaugePeriod: 'Период',
  gaugeStart: 'Клиентов на начало периода (S)',
  gaugeEnd: 'Клиентов на конец периода (E)',
  gaugeNew: 'Новых клиентов (N)',
  gaugeLost: 'Потеряно клиентов',
  gaugeReactivated: 'Вернувшиеся после перерыва клиенты',
  gaugeReactivatedNote: (count) => `${count} ${ruPlural(count, 'клиент вернулся', 'клиента вернулись', 'клиентов вернулись')} после перерыва и ${count % 10 === 1 && count % 100 !== 11 ? 'считается удержанным' : 'считаются удержанными'}, поэтому удержание и отток в сумме могут не давать 100 %.`,
  gaugeRetentionRate: 'Коэффициент удержания (E − N) / S',
  gaugeChurnRate: 'Коэффициент оттока',
  gaugePrevious: 'Удержание в предыдущем периоде',
  gaugeChange: 'Изменение',
  gaugeBand: 'Ориентир',
  gaugeWindow: 'Окно активности',
  gaugeThisPeriod: 'этот период',
});
