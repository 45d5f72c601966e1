/** Terms of <customer-health> in every bundled language. Signals are worded from their facts. */
import { registerTranslation } from '../platform/translations.ts';
import { ruPlural } from '../platform/translations/ru.ts';

declare module '../platform/translations.ts' {
  interface Terms {
    healthLabel: string;
    healthSummary: (customers: number, atRisk: number, threshold: string) => string;
    healthTable: string;
    healthCustomer: string;
    healthScore: string;
    healthStatus: string;
    healthLastActive: string;
    healthSignals: string;
    healthAtRisk: string;
    healthHealthy: string;
    healthAtRiskOnly: (count: number) => string;
    healthNever: string;
    healthNoSignals: string;
    healthSortBy: (column: string) => string;
    healthKeyboardHint: string;
    healthDetails: (customer: string) => string;
    healthBaseline: (points: string) => string;
    healthUsageDrop: (drop: string, before: string, now: string) => string;
    healthLoginDrop: (drop: string, before: string, now: string) => string;
    healthDormant: (since: string) => string;
    healthExpired: (day: string) => string;
    healthDowngrade: (count: number) => string;
    healthTicketsSilent: (before: number) => string;
    healthRenewal: (count: number) => string;
    healthUpgrade: (count: number) => string;
    healthAsOf: (day: string, days: number) => string;
  }
}

const enCount = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

registerTranslation('en', {
  healthLabel: 'Customer health',
  healthSummary: (customers, atRisk, threshold) => `${enCount(customers, 'customer', 'customers')}, ${atRisk} at risk (score below ${threshold}).`,
  healthTable: 'Customers by health score',
  healthCustomer: 'Customer',
  healthScore: 'Score',
  healthStatus: 'Status',
  healthLastActive: 'Last active',
  healthSignals: 'Signals',
  healthAtRisk: 'At risk',
  healthHealthy: 'Healthy',
  healthAtRiskOnly: (count) => `At risk only (${count})`,
  healthNever: 'never',
  healthNoSignals: 'no signals',
  healthSortBy: (column) => `Sort by ${column}`,
  healthKeyboardHint: 'Arrow keys move between customers, Page Up/Down and Home/End jump, Enter shows the signals of a customer.',
  healthDetails: (customer) => `Signals of ${customer}`,
  healthBaseline: (points) => `Starting score ${points}`,
  healthUsageDrop: (drop, before, now) => `Usage fell ${drop} (${before} → ${now})`,
  healthLoginDrop: (drop, before, now) => `Logins fell ${drop} (${before} → ${now})`,
  healthDormant: (since) => `No logins or usage since ${since}`,
  healthExpired: (day) => `Subscription expired ${day}, not renewed`,
  healthDowngrade: (count) => (count === 1 ? 'Downgraded' : `Downgraded ${count} times`),
  healthTicketsSilent: (before) => `${enCount(before, 'support ticket', 'support tickets')} before, none lately`,
  healthRenewal: (count) => (count === 1 ? 'Renewed' : `Renewed ${count} times`),
  healthUpgrade: (count) => (count === 1 ? 'Upgraded' : `Upgraded ${count} times`),
  healthAsOf: (day, days) => `Up to ${day}; recent = the last ${days} days against the ${days} before.`,
});

registerTranslation('nb', {
  healthLabel: 'Kundehelse',
  healthSummary: (customers, atRisk, threshold) => `${customers} ${customers === 1 ? 'kunde' : 'kunder'}, ${atRisk} i faresonen (poeng under ${threshold}).`,
  healthTable: 'Kunder etter helsepoeng',
  healthCustomer: 'Kunde',
  healthScore: 'Poeng',
  healthStatus: 'Status',
  healthLastActive: 'Sist aktiv',
  healthSignals: 'Signaler',
  healthAtRisk: 'I faresonen',
  healthHealthy: 'Frisk',
  healthAtRiskOnly: (count) => `Bare i faresonen (${count})`,
  healthNever: 'aldri',
  healthNoSignals: 'ingen signaler',
  healthSortBy: (column) => `Sorter etter ${column.toLowerCase()}`,
  healthKeyboardHint: 'Piltastene flytter mellom kundene, Page Up/Down og Home/End hopper, Enter viser signalene til en kunde.',
  healthDetails: (customer) => `Signaler for ${customer}`,
  healthBaseline: (points) => `Startpoeng ${points}`,
  healthUsageDrop: (drop, before, now) => `Bruken falt ${drop} (${before} → ${now})`,
  healthLoginDrop: (drop, before, now) => `Innloggingene falt ${drop} (${before} → ${now})`,
  healthDormant: (since) => `Ingen innlogging eller bruk siden ${since}`,
  healthExpired: (day) => `Abonnementet utløp ${day} og ble ikke fornyet`,
  healthDowngrade: (count) => (count === 1 ? 'Nedgradert' : `Nedgradert ${count} ganger`),
  healthTicketsSilent: (before) => `${before} ${before === 1 ? 'supportsak' : 'supportsaker'} før, ingen nå`,
  healthRenewal: (count) => (count === 1 ? 'Fornyet' : `Fornyet ${count} ganger`),
  healthUpgrade: (count) => (count === 1 ? 'Oppgradert' : `Oppgradert ${count} ganger`),
  healthAsOf: (day, days) => `Til og med ${day}; nylig = de siste ${days} dagene mot de ${days} før.`,
});

registerTranslation('da', {
  healthLabel: 'Kundesundhed',
  healthSummary: (customers, atRisk, threshold) => `${customers} ${customers === 1 ? 'kunde' : 'kunder'}, ${atRisk} i risiko (score under ${threshold}).`,
  healthTable: 'Kunder efter sundhedsscore',
  healthCustomer: 'Kunde',
  healthScore: 'Score',
  healthStatus: 'Status',
  healthLastActive: 'Sidst aktiv',
  healthSignals: 'Signaler',
  healthAtRisk: 'I risiko',
  healthHealthy: 'Sund',
  healthAtRiskOnly: (count) => `Kun i risiko (${count})`,
  healthNever: 'aldrig',
  healthNoSignals: 'ingen signaler',
  healthSortBy: (column) => `Sortér efter ${column.toLowerCase()}`,
  healthKeyboardHint: 'Piletasterne flytter mellem kunderne, Page Up/Down og Home/End springer, Enter viser en kundes signaler.',
  healthDetails: (customer) => `Signaler for ${customer}`,
  healthBaseline: (points) => `Startscore ${points}`,
  healthUsageDrop: (drop, before, now) => `Brugen faldt ${drop} (${before} → ${now})`,
  healthLoginDrop: (drop, before, now) => `Log-ind faldt ${drop} (${before} → ${now})`,
  healthDormant: (since) => `Ingen log-ind eller brug siden ${since}`,
  healthExpired: (day) => `Abonnementet udløb ${day} og blev ikke fornyet`,
  healthDowngrade: (count) => (count === 1 ? 'Nedgraderet' : `Nedgraderet ${count} gange`),
  healthTicketsSilent: (before) => `${before} ${before === 1 ? 'supportsag' : 'supportsager'} før, ingen nu`,
  healthRenewal: (count) => (count === 1 ? 'Fornyet' : `Fornyet ${count} gange`),
  healthUpgrade: (count) => (count === 1 ? 'Opgraderet' : `Opgraderet ${count} gange`),
  healthAsOf: (day, days) => `Til og med ${day}; nylig = de seneste ${days} dage mod de ${days} før.`,
});

registerTranslation('zh', {
  healthLabel: '客户健康度',
  healthSummary: (customers, atRisk, threshold) => `${customers} 位客户，${atRisk} 位有流失风险（得分低于 ${threshold}）。`,
  healthTable: '按健康得分排列的客户',
  healthCustomer: '客户',
  healthScore: '得分',
  healthStatus: '状态',
  healthLastActive: '最近活跃',
  healthSignals: '信号',
  healthAtRisk: '有风险',
  healthHealthy: '健康',
  healthAtRiskOnly: (count) => `仅看有风险的（${count}）`,
  healthNever: '从未',
  healthNoSignals: '无信号',
  healthSortBy: (column) => `按${column}排序`,
  healthKeyboardHint: '方向键在客户之间移动，Page Up/Down 和 Home/End 跳转，Enter 显示该客户的信号。',
  healthDetails: (customer) => `${customer} 的信号`,
  healthBaseline: (points) => `起始得分 ${points}`,
  healthUsageDrop: (drop, before, now) => `使用量下降 ${drop}（${before} → ${now}）`,
  healthLoginDrop: (drop, before, now) => `登录次数下降 ${drop}（${before} → ${now}）`,
  healthDormant: (since) => `自 ${since} 起没有登录或使用`,
  healthExpired: (day) => `订阅于 ${day} 到期且未续订`,
  healthDowngrade: (count) => (count === 1 ? '已降级' : `降级 ${count} 次`),
  healthTicketsSilent: (before) => `之前有 ${before} 个支持工单，最近没有`,
  healthRenewal: (count) => (count === 1 ? '已续订' : `续订 ${count} 次`),
  healthUpgrade: (count) => (count === 1 ? '已升级' : `升级 ${count} 次`),
  healthAsOf: (day, days) => `截至 ${day}；“最近”指最后 ${days} 天，与之前 ${days} 天相比。`,
});

registerTranslation('ru', {
  healthLabel: 'Здоровье клиентов',
  healthSummary: (customers, atRisk, threshold) =>
    `${customers} ${ruPlural(customers, 'клиент', 'клиента', 'клиентов')}, под угрозой ${atRisk} (оценка ниже ${threshold}).`,
  healthTable: 'Клиенты по оценке здоровья',
  healthCustomer: 'Клиент',
  healthScore: 'Оценка',
  healthStatus: 'Статус',
  healthLastActive: 'Последняя активность',
  healthSignals: 'Сигналы',
  healthAtRisk: 'Под угрозой',
  healthHealthy: 'В порядке',
  healthAtRiskOnly: (count) => `Только под угрозой (${count})`,
  healthNever: 'никогда',
  healthNoSignals: 'нет сигналов',
  healthSortBy: (column) => `Сортировать: ${column.toLowerCase()}`,
  healthKeyboardHint: 'Стрелки переходят между клиентами, Page Up/Down и Home/End — прыжки, Enter показывает сигналы клиента.',
  healthDetails: (customer) => `Сигналы клиента ${customer}`,
  healthBaseline: (points) => `Начальная оценка ${points}`,
  healthUsageDrop: (drop, before, now) => `Использование упало на ${drop} (${before} → ${now})`,
  healthLoginDrop: (drop, before, now) => `Входов стало меньше на ${drop} (${before} → ${now})`,
  healthDormant: (since) => `Нет входов и использования с ${since}`,
  healthExpired: (day) => `Подписка истекла ${day} и не продлена`,
  healthDowngrade: (count) => (count === 1 ? 'Понижен тариф' : `Тариф понижен ${count} ${ruPlural(count, 'раз', 'раза', 'раз')}`),
  healthTicketsSilent: (before) => `${before} ${ruPlural(before, 'обращение', 'обращения', 'обращений')} в поддержку раньше, сейчас ни одного`,
  healthRenewal: (count) => (count === 1 ? 'Продлил' : `Продлевал ${count} ${ruPlural(count, 'раз', 'раза', 'раз')}`),
  healthUpgrade: (count) => (count === 1 ? 'Повысил тариф' : `Повышал тариф ${count} ${ruPlural(count, 'раз', 'раза', 'раз')}`),
  healthAsOf: (day, days) => `По ${day}; «недавно» — последние ${days} дн. против ${days} дн. до них.`,
});
