/** Words of <retention-curve> in the kit's five languages (fallback term by term to English). */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    curveLabelOn: string;
    curveLabelOnOrAfter: string;
    curveCohort: string;
    curveCustomers: string;
    curveAverage: string;
    curvePeriod: (k: number) => string;
    curvePeriodsAxis: string;
    curveRunning: string;
    curveCohortLine: (label: string, size: string) => string;
    curveSummary: (what: string, shown: number, total: number, first: string, last: string) => string;
    curveAverageAt: (k: number, value: string) => string;
    curveLegendHint: string;
    curveChartHint: string;
    curveAverageNote: string;
  }
}

registerTranslation('en', {
  curveLabelOn: 'Retention curves (active in period)',
  curveLabelOnOrAfter: 'Retention curves (active in or after period)',
  curveCohort: 'Cohort',
  curveCustomers: 'Customers',
  curveAverage: 'Average',
  curvePeriod: (k) => `Period ${k}`,
  curvePeriodsAxis: 'periods since first purchase',
  curveRunning: 'period still running',
  curveCohortLine: (label, size) => `${label}, ${size} customers`,
  curveSummary: (what, shown, total, first, last) =>
    `${what}: ${shown} ${shown === 1 ? 'cohort' : 'cohorts'} shown (${first} to ${last})${total > shown ? ` of ${total}` : ''}, and the average of all cohorts.`,
  curveAverageAt: (k, value) => `Average in period ${k}: ${value}.`,
  curveLegendHint: 'Cohorts: arrow keys move between them and highlight the curve.',
  curveChartHint: 'Retention curves: arrow keys move between cohorts.',
  curveAverageNote: 'Dashed: a period still running, left out of the average.',
});

registerTranslation('nb', {
  curveLabelOn: 'Lojalitetskurver (aktiv i perioden)',
  curveLabelOnOrAfter: 'Lojalitetskurver (aktiv i eller etter perioden)',
  curveCohort: 'Kohort',
  curveCustomers: 'Kunder',
  curveAverage: 'Gjennomsnitt',
  curvePeriod: (k) => `Periode ${k}`,
  curvePeriodsAxis: 'perioder siden første kjøp',
  curveRunning: 'perioden pågår',
  curveCohortLine: (label, size) => `${label}, ${size} kunder`,
  curveSummary: (what, shown, total, first, last) =>
    `${what}: ${shown} ${shown === 1 ? 'kohort' : 'kohorter'} vist (${first} til ${last})${total > shown ? ` av ${total}` : ''}, og gjennomsnittet av alle kohorter.`,
  curveAverageAt: (k, value) => `Gjennomsnitt i periode ${k}: ${value}.`,
  curveLegendHint: 'Kohorter: piltastene flytter mellom dem og fremhever kurven.',
  curveChartHint: 'Lojalitetskurver: piltastene flytter mellom kohortene.',
  curveAverageNote: 'Stiplet: en periode som pågår, holdt utenfor gjennomsnittet.',
});

registerTranslation('da', {
  curveLabelOn: 'Fastholdelseskurver (aktiv i perioden)',
  curveLabelOnOrAfter: 'Fastholdelseskurver (aktiv i eller efter perioden)',
  curveCohort: 'Kohorte',
  curveCustomers: 'Kunder',
  curveAverage: 'Gennemsnit',
  curvePeriod: (k) => `Periode ${k}`,
  curvePeriodsAxis: 'perioder siden første køb',
  curveRunning: 'perioden er i gang',
  curveCohortLine: (label, size) => `${label}, ${size} kunder`,
  curveSummary: (what, shown, total, first, last) =>
    `${what}: ${shown} ${shown === 1 ? 'kohorte' : 'kohorter'} vist (${first} til ${last})${total > shown ? ` af ${total}` : ''}, og gennemsnittet af alle kohorter.`,
  curveAverageAt: (k, value) => `Gennemsnit i periode ${k}: ${value}.`,
  curveLegendHint: 'Kohorter: piletasterne flytter mellem dem og fremhæver kurven.',
  curveChartHint: 'Fastholdelseskurver: piletasterne flytter mellem kohorterne.',
  curveAverageNote: 'Stiplet: en periode, der stadig er i gang, holdt uden for gennemsnittet.',
});

registerTranslation('zh', {
  curveLabelOn: '留存曲线（当期活跃）',
  curveLabelOnOrAfter: '留存曲线（当期或之后活跃）',
  curveCohort: '同期群',
  curveCustomers: '客户数',
  curveAverage: '平均',
  curvePeriod: (k) => `第 ${k} 期`,
  curvePeriodsAxis: '首次购买后的期数',
  curveRunning: '本期仍在进行',
  curveCohortLine: (label, size) => `${label}，${size} 位客户`,
  curveSummary: (what, shown, total, first, last) => `${what}：显示 ${shown} 个同期群（${first} 至 ${last}）${total > shown ? `，共 ${total} 个` : ''}，以及全部同期群的平均值。`,
  curveAverageAt: (k, value) => `第 ${k} 期平均：${value}。`,
  curveLegendHint: '同期群：方向键在其间移动并突出显示曲线。',
  curveChartHint: '留存曲线：方向键在同期群之间移动。',
  curveAverageNote: '虚线：仍在进行的一期，不计入平均值。',
});

registerTranslation('ru', {
  curveLabelOn: 'Кривые удержания (активны в периоде)',
  curveLabelOnOrAfter: 'Кривые удержания (активны в периоде или позже)',
  curveCohort: 'Когорта',
  curveCustomers: 'Клиентов',
  curveAverage: 'Среднее',
  curvePeriod: (k) => `Период ${k}`,
  curvePeriodsAxis: 'периоды после первой покупки',
  curveRunning: 'период ещё идёт',
  curveCohortLine: (label, size) => `${label}, клиентов: ${size}`,
  curveSummary: (what, shown, total, first, last) =>
    `${what}: показано когорт — ${shown} (с ${first} по ${last})${total > shown ? ` из ${total}` : ''}, и среднее по всем когортам.`,
  curveAverageAt: (k, value) => `Среднее в периоде ${k}: ${value}.`,
  curveLegendHint: 'Когорты: стрелки перемещают между ними и выделяют кривую.',
  curveChartHint: 'Кривые удержания: стрелки перемещают между когортами.',
  curveAverageNote: 'Пунктир: период ещё идёт и не входит в среднее.',
});
