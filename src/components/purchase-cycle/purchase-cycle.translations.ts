/** Words of <purchase-cycle> in the kit's five languages (fallback term by term to English). */
import { registerTranslation } from '../platform/translations.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    cycleLabel: string;
    cycleDays: (range: string) => string;
    cycleGaps: string;
    cycleShare: string;
    cycleMedian: string;
    cycleMean: string;
    cycleWindow: string;
    cycleDaysValue: (days: string) => string;
    cycleWindowNote: (cycles: number, median: string) => string;
    cycleBeyond: string;
    cycleNoGaps: string;
    cycleSummary: (median: string, mean: string, windowDays: string, gaps: string, customers: string) => string;
    cycleKeyboardHint: string;
    cycleAxis: string;
  }
}

registerTranslation('en', {
  cycleLabel: 'Days between purchases',
  cycleDays: (range) => `${range} days`,
  cycleGaps: 'Repeat purchases',
  cycleShare: 'Share',
  cycleMedian: 'Median',
  cycleMean: 'Mean',
  cycleWindow: 'Suggested retention window',
  cycleDaysValue: (days) => `${days} days`,
  cycleWindowNote: (cycles, median) => `${cycles} × the median of ${median}`,
  cycleBeyond: 'beyond the chart',
  cycleNoGaps: 'No customer bought on two different days, so there is no time between purchases yet.',
  cycleSummary: (median, mean, windowDays, gaps, customers) =>
    `Days between purchases: median ${median}, mean ${mean}, over ${gaps} repeat purchases of ${customers} customers. Suggested retention window: ${windowDays}.`,
  cycleKeyboardHint: 'Histogram of days between purchases: arrow keys move between bars.',
  cycleAxis: 'days between purchases',
});

registerTranslation('nb', {
  cycleLabel: 'Dager mellom kjøp',
  cycleDays: (range) => `${range} dager`,
  cycleGaps: 'Gjentatte kjøp',
  cycleShare: 'Andel',
  cycleMedian: 'Median',
  cycleMean: 'Gjennomsnitt',
  cycleWindow: 'Foreslått lojalitetsvindu',
  cycleDaysValue: (days) => `${days} dager`,
  cycleWindowNote: (cycles, median) => `${cycles} × medianen på ${median}`,
  cycleBeyond: 'utenfor diagrammet',
  cycleNoGaps: 'Ingen kunde har kjøpt på to forskjellige dager, så det finnes ingen tid mellom kjøp ennå.',
  cycleSummary: (median, mean, windowDays, gaps, customers) =>
    `Dager mellom kjøp: median ${median}, gjennomsnitt ${mean}, over ${gaps} gjentatte kjøp fra ${customers} kunder. Foreslått lojalitetsvindu: ${windowDays}.`,
  cycleKeyboardHint: 'Histogram over dager mellom kjøp: piltastene flytter mellom søylene.',
  cycleAxis: 'dager mellom kjøp',
});

registerTranslation('da', {
  cycleLabel: 'Dage mellem køb',
  cycleDays: (range) => `${range} dage`,
  cycleGaps: 'Gentagne køb',
  cycleShare: 'Andel',
  cycleMedian: 'Median',
  cycleMean: 'Gennemsnit',
  cycleWindow: 'Foreslået fastholdelsesvindue',
  cycleDaysValue: (days) => `${days} dage`,
  cycleWindowNote: (cycles, median) => `${cycles} × medianen på ${median}`,
  cycleBeyond: 'uden for diagrammet',
  cycleNoGaps: 'Ingen kunde har købt på to forskellige dage, så der er endnu ingen tid mellem køb.',
  cycleSummary: (median, mean, windowDays, gaps, customers) =>
    `Dage mellem køb: median ${median}, gennemsnit ${mean}, over ${gaps} gentagne køb fra ${customers} kunder. Foreslået fastholdelsesvindue: ${windowDays}.`,
  cycleKeyboardHint: 'Histogram over dage mellem køb: piletasterne flytter mellem søjlerne.',
  cycleAxis: 'dage mellem køb',
});

registerTranslation('zh', {
  cycleLabel: '购买间隔天数',
  cycleDays: (range) => `${range} 天`,
  cycleGaps: '重复购买次数',
  cycleShare: '占比',
  cycleMedian: '中位数',
  cycleMean: '平均值',
  cycleWindow: '建议的留存窗口',
  cycleDaysValue: (days) => `${days} 天`,
  cycleWindowNote: (cycles, median) => `中位数 ${median} 的 ${cycles} 倍`,
  cycleBeyond: '超出图表范围',
  cycleNoGaps: '还没有客户在两个不同的日子购买，因此尚无购买间隔。',
  cycleSummary: (median, mean, windowDays, gaps, customers) =>
    `购买间隔天数：中位数 ${median}，平均值 ${mean}，基于 ${customers} 位客户的 ${gaps} 次重复购买。建议的留存窗口：${windowDays}。`,
  cycleKeyboardHint: '购买间隔直方图：方向键在柱之间移动。',
  cycleAxis: '购买间隔天数',
});

registerTranslation('ru', {
  cycleLabel: 'Дни между покупками',
  cycleDays: (range) => `${range} дн.`,
  cycleGaps: 'Повторные покупки',
  cycleShare: 'Доля',
  cycleMedian: 'Медиана',
  cycleMean: 'Среднее',
  cycleWindow: 'Рекомендуемое окно удержания',
  cycleDaysValue: (days) => `${days} дн.`,
  cycleWindowNote: (cycles, median) => `${cycles} × медиана ${median}`,
  cycleBeyond: 'за пределами графика',
  cycleNoGaps: 'Ни один клиент не покупал в два разных дня, поэтому интервалов между покупками пока нет.',
  cycleSummary: (median, mean, windowDays, gaps, customers) =>
    `Дни между покупками: медиана ${median}, среднее ${mean}, по ${gaps} повторным покупкам ${customers} клиентов. Рекомендуемое окно удержания: ${windowDays}.`,
  cycleKeyboardHint: 'Гистограмма дней между покупками: стрелки перемещают между столбцами.',
  cycleAxis: 'дни между покупками',
});
